using GenAI.Retrieval;

namespace GenAI.Tests.Retrieval;

/// <summary>The pieces that need a real embedder: re-ranking, extractive answers, groundedness, the persisted index.</summary>
public class RetrievalWithMiniLmTests : IClassFixture<MiniLmFixture>
{
    readonly MiniLmEmbedder embedder;
    public RetrievalWithMiniLmTests(MiniLmFixture fixture) => embedder = fixture.Embedder;

    static readonly Chunk[] Chunks =
    [
        new("a#0", "05-bigram", "B > 6 · Perplexity", "B > 6 · Perplexity", "Perplexity is the exponential of the negative log-likelihood. A perfect model scores one."),
        new("b#0", "19-diffusion", "D > 7 · DDIM", "D > 7 · DDIM", "The data is scaled to minus one and one. DDIM samples in far fewer steps by taking a deterministic path."),
        new("c#0", "14-cnn", "C > 4 · Pooling", "C > 4 · Pooling", "Max pooling keeps the largest value of each window and halves the height and width."),
    ];

    [Fact]
    public void Sentence_level_reranking_puts_the_answering_chunk_first()
    {
        var reranker = new SentenceReranker(embedder);
        var ranked = reranker.Rerank("How can a diffusion model sample with fewer steps?", [Chunks[0], Chunks[2], Chunks[1]]);
        Assert.Equal("b#0", ranked[0].Id);
    }

    [Fact]
    public void Extractive_answers_cite_and_pass_the_groundedness_check_while_an_invented_sentence_fails()
    {
        var answer = new ExtractiveAnswerer(embedder, sentences: 1).Answer("What does max pooling do?", Chunks);
        Assert.Contains("[14-cnn §4 · Pooling]", answer);
        var check = new GroundednessCheck(embedder);
        Assert.All(check.Check(answer, Chunks), v => Assert.True(v.Grounded, $"'{v.Sentence.Text}' support {v.Support}"));
        var invented = "Max pooling keeps the largest value of each window. [14-cnn §4 · Pooling] The Eiffel Tower is in Paris. [14-cnn §4 · Pooling] Uncited sentence here.";
        var verdicts = check.Check(invented, Chunks);
        Assert.Equal([true, false, false], verdicts.Select(v => v.Grounded));
    }

    [Fact]
    public void The_persisted_index_reembeds_only_changed_chunks_filters_and_rebuilds_broken_files()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"rag-{Guid.NewGuid():N}");
        var mine = Path.Combine(folder, "my-notes.txt");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(mine, "the learner's file");
            using (var index = new PersistedIndex(folder, embedder))
            {
                var first = index.Sync(Chunks);
                Assert.Equal((3, 0, 0), (first.Embedded, first.Reused, first.Removed));
                Assert.Equal("c#0", index.Search("max pooling halves the size", 1)[0].Chunk.Id);
                // Only notebooks from 10 on: the pooling chunk still wins, the bigram chunk never appears.
                var filtered = index.Search("perplexity of a model", 3, c => string.CompareOrdinal(c.Document, "10") >= 0);
                Assert.DoesNotContain(filtered, h => h.Chunk.Document == "05-bigram");
            }
            using (var index = new PersistedIndex(folder, embedder))
            {
                Assert.Equal(3, index.Count);
                var changed = Chunks.Take(2).Append(Chunks[2] with { Body = "Average pooling takes the mean of each window." }).ToArray();
                var second = index.Sync(changed);
                Assert.Equal((1, 2, 0), (second.Embedded, second.Reused, second.Removed));
                var third = index.Sync(changed.Take(2).ToArray());
                Assert.Equal((0, 2, 1), (third.Embedded, third.Reused, third.Removed));
                var unchanged = index.Sync(changed.Take(2).ToArray());
                Assert.False(unchanged.RebuiltHnsw);
            }
            // A truncated graph file: named, rebuilt.
            var graph = Path.Combine(folder, PersistedIndex.GraphFile);
            File.WriteAllBytes(graph, File.ReadAllBytes(graph).Take(64).ToArray());
            using (var index = new PersistedIndex(folder, embedder))
            {
                var sync = index.Sync(Chunks.Take(2).ToArray());
                Assert.True(sync.RebuiltHnsw);
                Assert.Contains(graph, sync.Problem);
                Assert.Equal(2, index.Search("perplexity", 2).Count);
            }
            // A store that is not a database: moved aside (not deleted), rebuilt from the chunks.
            File.WriteAllText(Path.Combine(folder, PersistedIndex.StoreFile), "this is not sqlite, just text that is long enough to be a header.......");
            using (var index = new PersistedIndex(folder, embedder))
            {
                Assert.Contains(PersistedIndex.StoreFile, index.OpenProblem);
                var sync = index.Sync(Chunks);
                Assert.Equal(3, sync.Embedded);
            }
            Assert.True(File.Exists(Path.Combine(folder, PersistedIndex.StoreFile + ".broken-1")));
            Assert.Equal("the learner's file", File.ReadAllText(mine));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}

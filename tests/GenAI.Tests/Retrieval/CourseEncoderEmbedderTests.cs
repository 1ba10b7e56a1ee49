using GenAI.Models;
using GenAI.Retrieval;
using GenAI.Text;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Retrieval;

public class CourseEncoderEmbedderTests
{
    static readonly string[] Sentences =
    [
        "it is a truth universally acknowledged that a single man in possession of a good fortune must be in want of a wife",
        "she was very glad to see him again",
        "the attention weights sum to one over the keys",
        "",
    ];

    // A small untrained encoder on a word tokenizer of the sentences above: the pooling and windowing do not need training.
    static CourseEncoderEmbedder Tiny(int contextLength = 8, int batchSize = 64)
    {
        var tokenizer = WordTokenizer.Train(Sentences, SpecialTokens.Default);
        manual_seed(7);
        var bert = new Bert(new BertConfig(tokenizer.VocabSize, ContextLength: contextLength, ModelDim: 16, Layers: 1, Heads: 2, FfnDim: 32,
            SegmentTypes: 0, PadId: tokenizer.PadId!.Value));
        return new CourseEncoderEmbedder(bert, tokenizer, "tiny", batchSize);
    }

    [Fact]
    public void Embed_gives_unit_rows_of_the_model_width_in_input_order()
    {
        using var embedder = Tiny();
        using var scope = NewDisposeScope();
        var rows = embedder.Embed(Sentences);
        Assert.Equal(new long[] { 4, 16 }, rows.shape);
        Assert.Equal(ScalarType.Float32, rows.dtype);
        Assert.Equal(16, embedder.Dimension);
        Assert.All(rows.norm(1).data<float>().ToArray(), n => Assert.InRange(n, 0.9999f, 1.0001f));
        Assert.Equal(new long[] { 0, 16 }, embedder.Embed([]).shape);
        for (int i = 0; i < Sentences.Length; i++)
            Assert.True(rows[i].allclose(embedder.Embed([Sentences[i]])[0], rtol: 0, atol: 1e-5), $"row {i} differs when embedded alone");
    }

    [Fact]
    public void Identical_texts_give_identical_vectors_and_different_texts_do_not()
    {
        using var embedder = Tiny();
        using var scope = NewDisposeScope();
        var rows = embedder.Embed([Sentences[1], Sentences[2], Sentences[1]]);
        Assert.True(rows[0].eq(rows[2]).all().item<bool>(), "the same text at two places of one batch");
        Assert.True(rows[0].eq(embedder.Embed([Sentences[1]])[0]).all().item<bool>(), "the same text in two calls");
        Assert.True(embedder.Cosine(Sentences[1], Sentences[2]) < 0.9999, "two different texts");
    }

    [Fact]
    public void A_long_text_is_the_token_weighted_mean_of_its_windows_each_after_a_cls()
    {
        // ContextLength 8: the first sentence (23 words) is 4 windows of 7 words after [CLS] (7, 7, 7, 2 words).
        using var embedder = Tiny(contextLength: 8, batchSize: 3);
        using var scope = NewDisposeScope();
        var tok = embedder.Tokenizer;
        var ids = tok.Encode(Sentences[0]);
        Assert.Equal(23, ids.Length);
        long cls = tok.BosId!.Value, pad = tok.PadId!.Value;
        var windows = new List<long[]>();
        for (int s = 0; s < ids.Length; s += 7)
        {
            var w = ids.Skip(s).Take(7).Prepend(cls).ToList();
            while (w.Count < 8) w.Add(pad);
            windows.Add([.. w]);
        }
        var idsTensor = stack(windows.Select(w => tensor(w)).ToArray());                       // [4, 8]
        embedder.Encoder.eval();
        Tensor hidden;
        using (no_grad()) hidden = embedder.Encoder.Encode(idsTensor);                          // [4, 8, 16]
        var mask = idsTensor.ne(pad).to(float32).unsqueeze(2);
        var expected = nn.functional.normalize(hidden.mul(mask).sum([0, 1]).div(mask.sum()), dim: 0);   // mean over all 27 real tokens
        Assert.Equal(27, mask.sum().item<float>());
        var actual = embedder.Embed([Sentences[0]])[0];
        Assert.True(actual.allclose(expected, rtol: 0, atol: 1e-5), "the embedding is not the mean over the real tokens of all windows");
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var tokenizer = WordTokenizer.Train(Sentences, SpecialTokens.Default);
        using var bert = new Bert(new BertConfig(tokenizer.VocabSize + 1, ContextLength: 8, ModelDim: 16, Layers: 1, Heads: 2, FfnDim: 32, SegmentTypes: 0));
        var e = Assert.Throws<ArgumentException>(() => new CourseEncoderEmbedder(bert, tokenizer, ownsEncoder: false));
        Assert.Contains("VocabSize", e.Message);
        using var embedder = Tiny();
        Assert.Contains("Text 1 of 2", Assert.Throws<ArgumentException>(() => embedder.Embed(["a", null!])).Message);
    }

    [Fact]
    public void Notebook_11s_encoder_is_trained_once_then_loaded_from_the_checkpoint_store()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"course-encoder-{Guid.NewGuid():N}");
        try
        {
            var lines = new List<string>();
            var store = new CheckpointStore(folder) { Log = lines.Add };
            using var scope = NewDisposeScope();
            Tensor first;
            using (var trained = CourseEncoderEmbedder.FromNotebook11(quick: true, store: store))
            {
                Assert.False(trained.Loaded);
                Assert.Equal(128, trained.Dimension);
                Assert.Equal(2000, trained.Tokenizer.VocabSize);
                Assert.NotNull(trained.Pretraining);
                first = trained.Embed(Sentences);
            }
            Assert.Single(Directory.GetFiles(folder, CourseEncoderEmbedder.Notebook11Name + "-*.bin"));
            using var loaded = CourseEncoderEmbedder.FromNotebook11(quick: true, store: store);
            Assert.True(loaded.Loaded, "the second call retrained instead of loading: " + string.Join(" | ", lines));
            Assert.True(loaded.TrainSeconds > 0, "the stored training time");
            Assert.True(first.allclose(loaded.Embed(Sentences), rtol: 0, atol: 1e-6), "the loaded encoder gives other vectors than the trained one");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}

public class CachedEmbedderTests
{
    // Counts what it is asked: the vector of a text is its length and its first letter's code, normalised.
    sealed class CountingEmbedder : IEmbedder
    {
        public List<string> Asked { get; } = [];
        public string Name => "counting";
        public int Dimension => 2;
        public Tensor Embed(IReadOnlyList<string> texts)
        {
            Asked.AddRange(texts);
            if (texts.Count == 0) return zeros(0, 2);
            return Embedders.Normalize(tensor(texts.SelectMany(t => new float[] { t.Length + 1, t.Length == 0 ? 1 : t[0] }).ToArray(), [texts.Count, 2]));
        }
        public void Dispose() { }
    }

    [Fact]
    public void Each_distinct_text_is_embedded_once_and_rows_equal_the_inner_embedders()
    {
        var inner = new CountingEmbedder();
        using var cached = new CachedEmbedder(inner);
        using var scope = NewDisposeScope();
        var first = cached.Embed(["ab", "c", "ab"]);
        Assert.Equal(["ab", "c"], inner.Asked);
        var second = cached.Embed(["c", "xyz", "ab"]);
        Assert.Equal(["ab", "c", "xyz"], inner.Asked);
        Assert.Equal(3, cached.Computed);
        Assert.Equal(new long[] { 3, 2 }, second.shape);
        Assert.True(second.eq(inner.Embed(["c", "xyz", "ab"])).all().item<bool>());
        Assert.True(first[0].eq(first[2]).all().item<bool>());
        Assert.Equal(new long[] { 0, 2 }, cached.Embed([]).shape);
        // Stored rows belong to the cache, not to the scope of the call that first asked: they outlive it.
        using (NewDisposeScope()) cached.Embed(["fresh"]);
        Assert.Equal(new[] { 6f / MathF.Sqrt(36 + 102 * 102), 102f / MathF.Sqrt(36 + 102 * 102) }, cached.Embed(["fresh"]).data<float>().ToArray());
    }
}

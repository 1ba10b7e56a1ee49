using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>
/// Re-ranks candidate chunks by a score of the (query, chunk) pair computed at sentence level: the chunk is cut
/// into sentences, every sentence is embedded, and the pair scores
///   s(q, c) = max_i cos(q, sentence_i)  +  λ · cos(q, c)
/// (the best sentence, plus a little of the whole chunk so that a chunk with many good sentences wins a tie).
/// Why not a trained cross-encoder: the course has about a hundred labelled pairs, far too few to train one
/// that beats MiniLM, whereas MiniLM was trained on sentence pairs; a chunk vector averages a whole section,
/// a sentence vector keeps the one sentence that answers. Sentence vectors are cached per chunk id.
/// </summary>
public sealed class SentenceReranker
{
    readonly IEmbedder embedder;
    readonly Dictionary<string, (Tensor Vectors, Tensor Chunk)> cache = new();

    public SentenceReranker(IEmbedder embedder, double chunkWeight = 0.25)
    {
        this.embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        if (chunkWeight < 0) throw new ArgumentException($"chunkWeight must be 0 or more; got {chunkWeight}.", nameof(chunkWeight));
        ChunkWeight = chunkWeight;
    }

    public double ChunkWeight { get; }

    /// <summary>The pair score of <paramref name="query"/> with each candidate, in the candidates' order.</summary>
    public float[] Score(string query, IReadOnlyList<Chunk> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0) return [];
        Prepare(candidates);
        using var scope = NewDisposeScope();
        var q = embedder.EmbedOne(query).cpu();
        var scores = new float[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            var (sentences, whole) = cache[candidates[i].Id];
            var best = sentences.shape[0] == 0 ? 0f : sentences.mv(q).max().item<float>();
            scores[i] = best + (float)ChunkWeight * whole.dot(q).item<float>();
        }
        return scores;
    }

    /// <summary>The candidates sorted by their pair score, best first.</summary>
    public IReadOnlyList<Chunk> Rerank(string query, IReadOnlyList<Chunk> candidates)
    {
        var s = Score(query, candidates);
        return candidates.Select((c, i) => (c, i)).OrderByDescending(p => s[p.i]).ThenBy(p => p.i).Select(p => p.c).ToArray();
    }

    void Prepare(IReadOnlyList<Chunk> candidates)
    {
        var missing = candidates.Where(c => !cache.ContainsKey(c.Id)).DistinctBy(c => c.Id).ToArray();
        if (missing.Length == 0) return;
        var split = missing.Select(c => Sentences.Split(c.Body)).ToArray();
        var all = split.SelectMany(s => s).Concat(missing.Select(c => c.Text)).ToArray();
        using var scope = NewDisposeScope();
        var vectors = embedder.Embed(all).cpu();
        int offset = 0, wholeOffset = split.Sum(s => s.Count);
        for (int i = 0; i < missing.Length; i++)
        {
            var rows = vectors.narrow(0, offset, split[i].Count).clone().MoveToOuterDisposeScope();
            var whole = vectors[wholeOffset + i].clone().MoveToOuterDisposeScope();
            cache[missing[i].Id] = (rows, whole);
            offset += split[i].Count;
        }
    }
}

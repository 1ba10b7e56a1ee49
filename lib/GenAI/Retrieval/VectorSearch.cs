using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>One result of a search: the row (or key) of a stored item and its score (higher is better).</summary>
public readonly record struct SearchHit(long Key, float Score);

/// <summary>
/// Exact top-k search over unit vectors: the scores of every query against every stored vector are one matrix
/// product, S = Q Vᵀ (cosines, since every row has unit length), and <c>topk</c> picks the k best per query.
/// It is the reference an approximate index is measured against.
/// </summary>
public sealed class ExactSearch : IDisposable
{
    readonly Tensor vectors;

    /// <param name="vectors">Unit rows [N, D] (an <see cref="IEmbedder"/>'s output); they are copied and normalised again.</param>
    public ExactSearch(Tensor vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.dim() != 2)
            throw new ArgumentException($"ExactSearch stores a matrix of vectors [N, D]; got {vectors.ShapeString()}.", nameof(vectors));
        this.vectors = Embedders.Normalize(vectors.to(float32)).detach();
    }

    /// <summary>Number of stored vectors N.</summary>
    public long Count => vectors.shape[0];

    /// <summary>Width of the vectors D.</summary>
    public long Dimension => vectors.shape[1];

    /// <summary>The cosine of every query with every stored vector, [Q, N] (one matrix product).</summary>
    public Tensor Scores(Tensor queries)
    {
        CheckQueries(queries);
        return queries.to(float32).to(vectors.device).mm(vectors.t());
    }

    /// <summary>
    /// The <paramref name="k"/> best rows for each query row of <paramref name="queries"/> [Q, D], best first.
    /// <paramref name="mask"/> (bool [N], optional) keeps only the rows where it is true: a metadata filter.
    /// </summary>
    public SearchHit[][] Search(Tensor queries, int k, Tensor? mask = null)
    {
        if (k < 1) throw new ArgumentException($"k must be at least 1; got {k}.", nameof(k));
        using var scope = NewDisposeScope();
        var scores = Scores(queries);
        long kept = Count;
        if (mask is not null)
        {
            if (mask.dim() != 1 || mask.shape[0] != Count)
                throw new ArgumentException($"The filter mask must be a bool vector [{Count}], one entry per stored vector; got {mask.ShapeString()}.", nameof(mask));
            var m = mask.to(@bool).to(scores.device);
            kept = m.sum().item<long>();
            scores = scores.masked_fill(m.logical_not().unsqueeze(0), float.NegativeInfinity);
        }
        int take = (int)Math.Min(k, kept);
        if (take == 0) return Enumerable.Range(0, (int)queries.shape[0]).Select(_ => Array.Empty<SearchHit>()).ToArray();
        var (values, indices) = scores.topk(take, dim: 1);
        var v = values.cpu().data<float>().ToArray();
        var ix = indices.cpu().data<long>().ToArray();
        var result = new SearchHit[queries.shape[0]][];
        for (int q = 0; q < result.Length; q++)
            result[q] = Enumerable.Range(0, take).Select(j => new SearchHit(ix[q * take + j], v[q * take + j])).ToArray();
        return result;
    }

    void CheckQueries(Tensor queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.dim() != 2 || queries.shape[1] != Dimension)
            throw new ArgumentException($"Queries must be a matrix [Q, {Dimension}] (the stored vectors' width); got {queries.ShapeString()}.", nameof(queries));
    }

    public void Dispose() => vectors.Dispose();
}

using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>
/// Retrieval across modalities from a similarity matrix: rows are queries (texts, say), columns the items searched
/// (images). Text → image uses S, image → text uses Sᵀ. An item is relevant to a query when their labels are equal:
/// labels 0..N-1 mean "only my own partner", class labels mean "anything of my class".
/// </summary>
public static class CrossModalRetrieval
{
    /// <summary>Recall@k: the fraction of queries with at least one relevant item among their k most similar ones.</summary>
    public static double RecallAtK(Tensor similarity, Tensor queryLabels, Tensor itemLabels, int k)
    {
        Check(similarity, queryLabels, itemLabels);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        using var scope = NewDisposeScope();
        int kk = (int)Math.Min(k, similarity.shape[1]);
        var top = similarity.topk(kk, dim: 1).indexes;                       // [Q, k]
        var hit = itemLabels.index_select(0, top.flatten()).view(top.shape)   // labels of the top-k items
            .eq(queryLabels.unsqueeze(1)).any(1);
        return hit.to(ScalarType.Float64).mean().item<double>();
    }

    /// <summary>Recall@k for each k in <paramref name="ks"/>, in that order.</summary>
    public static double[] RecallAtK(Tensor similarity, Tensor queryLabels, Tensor itemLabels, IReadOnlyList<int> ks) =>
        ks.Select(k => RecallAtK(similarity, queryLabels, itemLabels, k)).ToArray();

    static void Check(Tensor similarity, Tensor queryLabels, Tensor itemLabels)
    {
        if (similarity.ndim != 2)
            throw new ArgumentException($"similarity must be [queries, items]; got {ShapeText.Of(similarity)}.", nameof(similarity));
        if (queryLabels.ndim != 1 || queryLabels.shape[0] != similarity.shape[0])
            throw new ArgumentException($"queryLabels must be [{similarity.shape[0]}] for similarity {ShapeText.Of(similarity)}; got {ShapeText.Of(queryLabels)}.", nameof(queryLabels));
        if (itemLabels.ndim != 1 || itemLabels.shape[0] != similarity.shape[1])
            throw new ArgumentException($"itemLabels must be [{similarity.shape[1]}] for similarity {ShapeText.Of(similarity)}; got {ShapeText.Of(itemLabels)}.", nameof(itemLabels));
    }
}

using static TorchSharp.torch;

namespace GenAI.Transformers;

/// <summary>
/// Scaled dot-product attention written out with tensor ops (Vaswani et al., 2017):
/// Attention(Q, K, V) = softmax(Q K^T / sqrt(d_k) + M) V. Each query row asks "what am I looking
/// for", each key row says "what do I offer", each value row is "what I pass on"; the weights of a
/// query over all keys sum to 1. libtorch's fused version is
/// <c>torch.nn.functional.scaled_dot_product_attention</c>; the tests check that both agree.
/// </summary>
public static class DotProductAttention
{
    /// <summary>
    /// Queries q [..., Tq, d_k], keys k [..., Tk, d_k], values v [..., Tk, d_v] (the leading dimensions,
    /// e.g. batch and head, the same for all three) -> output [..., Tq, d_v] and weights [..., Tq, Tk].
    /// <paramref name="mask"/> is a bool tensor broadcastable to the scores [..., Tq, Tk] (see <see cref="AttentionMasks"/>):
    /// true where a query may attend to a key, so [Tq, Tk], [B, 1, 1, Tk] (key padding) and [B, 1, Tq, Tk] all work
    /// for scores [B, H, Tq, Tk]. A masked score becomes -inf, so its weight is exactly 0. Every query must be
    /// allowed at least one key, or its row has no distribution (NaN).
    /// <paramref name="dropout"/> &gt; 0 zeroes weights at random (and scales the rest by 1 / (1 - p)) before they
    /// mix the values, as in training; the returned weights are the ones used, as in PyTorch's attention.
    /// </summary>
    public static (Tensor Output, Tensor Weights) Compute(Tensor q, Tensor k, Tensor v, Tensor? mask = null, double dropout = 0)
    {
        CheckShapes(q, k, v, mask);
        if (dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be in [0, 1).");
        using var scope = NewDisposeScope();
        long dk = q.shape[^1];
        // scores = Q K^T / sqrt(d_k): [..., Tq, Tk]; dividing keeps their variance near 1 whatever d_k is
        var scores = q.matmul(k.transpose(-2, -1)).div(Math.Sqrt(dk));
        // masked positions get -inf, and exp(-inf) = 0 after the softmax
        if (mask is not null) scores = scores.masked_fill(mask.logical_not(), double.NegativeInfinity);
        var weights = scores.softmax(-1);
        if (dropout > 0) weights = nn.functional.dropout(weights, dropout, training: true);
        // output = weights V: each query's weighted average of the values
        var output = weights.matmul(v);
        return (scope.MoveToOuter(output), scope.MoveToOuter(weights));
    }

    /// <summary>The causal mask [n, n]: position i may see positions 0..i (lower triangle true), never the future.</summary>
    public static Tensor CausalMask(long n, Device? device = null)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The sequence length must be at least 1.");
        return AttentionMasks.Causal(n, device: device);
    }

    /// <summary>
    /// The causal sliding-window mask [n, n]: position i sees only the <paramref name="window"/> positions
    /// i - window + 1 .. i (Longformer / Mistral-style local attention). Each row has at most
    /// <paramref name="window"/> true entries, so the cost grows as n * window instead of n^2.
    /// </summary>
    public static Tensor SlidingWindowMask(long n, long window, Device? device = null)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The sequence length must be at least 1.");
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be at least 1.");
        using var scope = NewDisposeScope();
        // keep j with i - window < j <= i: the causal lower triangle minus everything below the band
        var mask = ones(n, n, ScalarType.Bool, device).tril().triu(-(window - 1));
        return scope.MoveToOuter(mask);
    }

    static void CheckShapes(Tensor q, Tensor k, Tensor v, Tensor? mask)
    {
        string shapes = $"q {ShapeText.Of(q)}, k {ShapeText.Of(k)}, v {ShapeText.Of(v)}";
        if (q.ndim < 2 || k.ndim != q.ndim || v.ndim != q.ndim)
            throw new ArgumentException($"q, k and v must have the same number of dimensions (at least 2: [..., T, d]); got {shapes}.", nameof(q));
        if (!q.shape[..^2].SequenceEqual(k.shape[..^2]) || !k.shape[..^2].SequenceEqual(v.shape[..^2]))
            throw new ArgumentException($"q, k and v must have the same leading (batch, head) dimensions; got {shapes}.", nameof(k));
        if (q.shape[^1] != k.shape[^1])
            throw new ArgumentException($"Queries and keys must have the same size d_k in their last dimension; got {shapes}.", nameof(k));
        if (k.shape[^2] != v.shape[^2])
            throw new ArgumentException($"There must be one value per key (k and v agree in dimension -2); got {shapes}.", nameof(v));
        if (mask is not null) CheckMask(mask, [.. q.shape[..^1], k.shape[^2]]);
    }

    /// <summary>
    /// Checks that <paramref name="mask"/> is bool and broadcasts to <paramref name="scores"/> (the scores' shape
    /// [..., Tq, Tk]): no more dimensions, and each of its dimensions (aligned from the right) 1 or the scores' size.
    /// </summary>
    public static void CheckMask(Tensor mask, long[] scores)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.dtype != ScalarType.Bool)
            throw new ArgumentException($"The mask must be a bool tensor (true = may attend); got {mask.dtype}.", nameof(mask));
        bool fits = mask.ndim >= 1 && mask.ndim <= scores.Length;
        for (int i = 1; fits && i <= mask.ndim; i++)
            fits = mask.shape[^i] == 1 || mask.shape[^i] == scores[^i];
        if (!fits)
        {
            string named = scores.Length == 4 ? "[B, H, Tq, Tk]" : "[..., Tq, Tk]";
            throw new ArgumentException(
                $"The mask must broadcast to the scores {named} = {ShapeText.Of(scores)} (for example [Tq, Tk], [B, 1, 1, Tk] or [B, 1, Tq, Tk], "
                + $"each size 1 or the scores' size); got mask {ShapeText.Of(mask)}.", nameof(mask));
        }
    }
}

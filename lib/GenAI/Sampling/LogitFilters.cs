using static TorchSharp.torch;

namespace GenAI.Sampling;

/// <summary>
/// Reshape a model's next-token scores before sampling. Each filter takes logits over the last
/// dimension ([V] or [B, V]) and returns new logits; removed tokens get -infinity, so softmax
/// gives them probability exactly 0.
/// </summary>
public static class LogitFilters
{
    /// <summary>Divide logits by T: T &lt; 1 sharpens, T &gt; 1 flattens, and the ranking never changes.</summary>
    public static Tensor Temperature(Tensor logits, double temperature)
    {
        CheckVocabularyDimension(logits, nameof(logits));
        if (!(temperature > 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature,
                "Temperature must be a positive finite number (use greedy decoding for the T -> 0 limit).");
        // p_i = exp(z_i / T) / Σ_j exp(z_j / T)
        return logits.div(temperature);
    }

    /// <summary>Keep exactly the <paramref name="k"/> highest-scoring tokens (all of them if k &gt;= V).</summary>
    public static Tensor TopK(Tensor logits, int k)
    {
        CheckVocabularyDimension(logits, nameof(logits));
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "top-k needs k >= 1.");
        long vocab = logits.shape[^1];
        if (k >= vocab) return logits.clone();
        using var scope = NewDisposeScope();
        var (values, indices) = logits.topk(k, dim: -1);
        // Start from "everything removed" and write the k survivors back to their own positions.
        var kept = full_like(logits, double.NegativeInfinity).scatter(-1, indices, values);
        return scope.MoveToOuter(kept);
    }

    /// <summary>
    /// Nucleus (top-p) filter: keep the smallest set of most likely tokens whose probabilities
    /// add up to at least <paramref name="p"/>.
    /// </summary>
    public static Tensor TopP(Tensor logits, double p)
    {
        CheckVocabularyDimension(logits, nameof(logits));
        if (!(p > 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "top-p needs 0 < p <= 1.");
        using var scope = NewDisposeScope();
        var (sortedLogits, order) = logits.sort(dim: -1, descending: true);
        var sortedProbs = sortedLogits.to(ScalarType.Float64).softmax(-1);
        // A token belongs to the nucleus when the mass of the tokens ranked above it is still below p;
        // the most likely token always does. The small slack stops rounding (0.5 + 0.3 = 0.80000001)
        // from letting one token too many in when the running total lands exactly on p.
        var massBefore = sortedProbs.cumsum(-1).sub(sortedProbs);
        var outside = massBefore.ge(p - 1e-9);
        var filteredSorted = sortedLogits.masked_fill(outside, double.NegativeInfinity);
        var kept = full_like(logits, double.NegativeInfinity).scatter(-1, order, filteredSorted);
        return scope.MoveToOuter(kept);
    }

    /// <summary>
    /// Scores must run over the vocabulary in the last dimension, with at least one token. Without
    /// this, a single number (say logits[0, 5] where logits[0] was meant) would "sample" token 0
    /// or come back unchanged, and an empty vocabulary would fail deep inside libtorch.
    /// </summary>
    internal static void CheckVocabularyDimension(Tensor logits, string parameterName)
    {
        if (logits.ndim == 0 || logits.shape[^1] == 0)
            throw new ArgumentException(
                $"{parameterName} must hold one score per vocabulary token in its last dimension, [V] or [B, V] with V >= 1; got shape {ShapeText.Of(logits)}.",
                parameterName);
    }
}

using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>
/// Binary cross-entropy: the mean NLL of 0/1 labels under predicted probabilities of class 1,
/// BCE = -(1/N) Σ_i [y_i log p_i + (1 - y_i) log(1 - p_i)].
/// </summary>
public static class BinaryCrossEntropy
{
    /// <summary>Mean BCE of labels <paramref name="targets"/> (0 or 1) under probabilities <paramref name="probabilities"/> (same shape).</summary>
    public static double FromProbabilities(Tensor probabilities, Tensor targets)
    {
        Check(probabilities, targets, nameof(probabilities));
        using var scope = NewDisposeScope();
        var p = probabilities.to(ScalarType.Float64);
        if (p.lt(0).any().item<bool>() || p.gt(1).any().item<bool>())
            throw new ArgumentException("probabilities must lie in [0, 1]; for raw scores call FromLogits.", nameof(probabilities));
        var y = targets.to(ScalarType.Float64);
        // BCE = -(1/N) Σ_i [y_i log p_i + (1 - y_i) log(1 - p_i)], with 0 · log 0 = 0 (xlogy): a confident,
        // correct p of exactly 0 or 1 costs nothing instead of giving 0 · (-∞) = NaN
        return -(y.xlogy(p) + (1 - y).xlogy(1 - p)).mean().item<double>();
    }

    /// <summary>Mean BCE from raw scores z (p = σ(z)), computed stably without forming σ(z).</summary>
    public static double FromLogits(Tensor logits, Tensor targets)
    {
        Check(logits, targets, nameof(logits));
        using var scope = NewDisposeScope();
        // log σ(z) = -softplus(-z) and log(1 - σ(z)) = -softplus(z): no log(0) for large |z|
        return nn.functional.binary_cross_entropy_with_logits(logits.to(ScalarType.Float64), targets.to(ScalarType.Float64)).item<double>();
    }

    static void Check(Tensor scores, Tensor targets, string scoresName)
    {
        if (!scores.shape.SequenceEqual(targets.shape))
            throw new ArgumentException(
                $"{scoresName} and targets must have the same shape; got {scoresName} {ShapeText.Of(scores)} and targets {ShapeText.Of(targets)}.",
                scoresName);
        if (scores.numel() == 0)
            throw new ArgumentException("BCE needs at least one example; got empty tensors.", scoresName);
        using var scope = NewDisposeScope();
        var y = targets.to(ScalarType.Float64);
        if (!y.eq(0).logical_or(y.eq(1)).all().item<bool>())
            throw new ArgumentException("targets must be 0 or 1 for binary cross-entropy.", nameof(targets));
    }
}

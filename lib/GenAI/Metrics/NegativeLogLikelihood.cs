using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>
/// Negative log-likelihood (NLL): how surprised a model is, on average, by the tokens that
/// really came next. Lower is better; 0 means the model gave every true token probability 1.
/// </summary>
public static class NegativeLogLikelihood
{
    /// <summary>Mean NLL in nats of <paramref name="targets"/> [N] under raw scores <paramref name="logits"/> [N, V].</summary>
    public static double FromLogits(Tensor logits, Tensor targets)
    {
        CheckShapes(logits, targets, "logits");
        using var scope = NewDisposeScope();
        // NLL = -(1/N) Σ_i log softmax(z_i)[y_i]; cross_entropy computes exactly this, in a numerically stable way.
        return nn.functional.cross_entropy(logits.to(ScalarType.Float64), targets).item<double>();
    }

    /// <summary>
    /// Mean NLL in nats of <paramref name="targets"/> [N] under log-probability rows <paramref name="logProbabilities"/> [N, V]
    /// (the output of log_softmax): -(1/N) Σ_i log p_i[y_i], what nn.functional.nll_loss computes.
    /// </summary>
    public static double FromLogProbabilities(Tensor logProbabilities, Tensor targets)
    {
        CheckShapes(logProbabilities, targets, "logProbabilities");
        using var scope = NewDisposeScope();
        return nn.functional.nll_loss(logProbabilities.to(ScalarType.Float64), targets).item<double>();
    }

    /// <summary>Mean NLL in nats of <paramref name="targets"/> [N] under probability rows <paramref name="probabilities"/> [N, V].</summary>
    public static double FromProbabilities(Tensor probabilities, Tensor targets)
    {
        CheckShapes(probabilities, targets, "probabilities");
        using var scope = NewDisposeScope();
        var picked = probabilities.to(ScalarType.Float64).gather(1, targets.unsqueeze(1));
        return FromTargetProbabilities(picked);
    }

    /// <summary>Mean NLL of the probabilities a model gave to the true tokens, e.g. [0.5, 0.25, 1.0] ([N], [N, 1] or one number).</summary>
    public static double FromTargetProbabilities(Tensor targetProbabilities)
    {
        // A whole [N, V] table would pass every other check and average the log of all N*V
        // probabilities: a plausible number that means nothing. One probability per token only.
        if (targetProbabilities.ndim > 2 || (targetProbabilities.ndim == 2 && targetProbabilities.shape[1] != 1))
            throw new ArgumentException(
                $"targetProbabilities must hold one probability per token, shape [N] or [N, 1]; got shape {ShapeText.Of(targetProbabilities)}. " +
                "For a table of probability rows [N, V], pick each row's true token first, or call FromProbabilities(probabilities, targets).",
                nameof(targetProbabilities));
        if (targetProbabilities.numel() == 0)
            throw new ArgumentException("NLL needs at least one target probability; got an empty tensor.", nameof(targetProbabilities));
        using var scope = NewDisposeScope();
        var p = targetProbabilities.to(ScalarType.Float64);
        if (p.lt(0).any().item<bool>() || p.gt(1).any().item<bool>())
            throw new ArgumentException("Target probabilities must lie in [0, 1].", nameof(targetProbabilities));
        // NLL = -(1/N) Σ_i log p_i
        return p.log().mean().neg().item<double>();
    }

    internal static void CheckShapes(Tensor scores, Tensor targets, string scoresName)
    {
        if (scores.ndim != 2)
            throw new ArgumentException($"{scoresName} must be 2-D [N, V]; got shape {ShapeText.Of(scores)}.", scoresName);
        if (targets.ndim != 1 || targets.shape[0] != scores.shape[0])
            throw new ArgumentException(
                $"targets must be 1-D with one entry per row of {scoresName} ({scores.shape[0]}); got shape {ShapeText.Of(targets)}.",
                nameof(targets));
        if (targets.dtype != ScalarType.Int64)
            throw new ArgumentException($"targets must hold token ids as int64; got {targets.dtype}.", nameof(targets));
        if (targets.numel() == 0)
            throw new ArgumentException("targets is empty: NLL needs at least one token.", nameof(targets));
        long vocab = scores.shape[1];
        long lowest = targets.min().item<long>(), highest = targets.max().item<long>();
        if (lowest < 0 || highest >= vocab)
            throw new ArgumentException($"targets hold token ids in [{lowest}, {highest}] but the vocabulary has {vocab} entries (ids 0..{vocab - 1}).", nameof(targets));
    }
}

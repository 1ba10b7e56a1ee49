using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>Errors of a model that predicts numbers.</summary>
public static class RegressionMetrics
{
    /// <summary>Mean squared error: (1/N) Σ_i (ŷ_i - y_i)², over every element.</summary>
    public static double Mse(Tensor predictions, Tensor targets)
    {
        CheckSameShape(predictions, targets);
        using var scope = NewDisposeScope();
        return nn.functional.mse_loss(predictions.to(ScalarType.Float64), targets.to(ScalarType.Float64)).item<double>();
    }

    /// <summary>Root mean squared error: √MSE, in the units of the targets.</summary>
    public static double Rmse(Tensor predictions, Tensor targets) => Math.Sqrt(Mse(predictions, targets));

    internal static void CheckSameShape(Tensor predictions, Tensor targets)
    {
        // Without this check, [N, 1] against [N] broadcasts to [N, N] and gives a wrong number silently.
        if (!predictions.shape.SequenceEqual(targets.shape))
            throw new ArgumentException(
                $"predictions and targets must have the same shape; got predictions {ShapeText.Of(predictions)} and targets {ShapeText.Of(targets)}.",
                nameof(predictions));
        if (predictions.numel() == 0)
            throw new ArgumentException("predictions and targets are empty: a metric needs at least one value.", nameof(predictions));
    }
}

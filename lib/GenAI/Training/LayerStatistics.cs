using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Training;

/// <summary>Summary of one layer's outputs over a batch.</summary>
/// <param name="Layer">1 for the first hidden layer.</param>
/// <param name="Mean">Mean of all its values.</param>
/// <param name="Std">Standard deviation of all its values (population, divide by N).</param>
/// <param name="FractionZero">Share of exact zeros (dead ReLU units, or everything under all-zero weights).</param>
/// <param name="FractionSaturated">Share of values with |h| ≥ 0.99 (tanh pinned at ±1) or, for sigmoid outputs, ≤ 0.01 or ≥ 0.99 (see <c>sigmoidLike</c>).</param>
public sealed record LayerStats(int Layer, double Mean, double Std, double FractionZero, double FractionSaturated);

/// <summary>
/// The numbers that show a network's health layer by layer: activation statistics (collapsing to 0
/// or saturating means the signal is dying going forwards) and gradient norms (shrinking towards the
/// input means vanishing gradients, growing means exploding).
/// </summary>
public static class LayerStatistics
{
    /// <summary>Statistics of each hidden layer's output [B, n], input side first (e.g. from MlpClassifier.ForwardWithHidden).</summary>
    public static IReadOnlyList<LayerStats> Activations(IReadOnlyList<Tensor> hidden, bool sigmoidLike = false)
    {
        using var scope = NewDisposeScope();
        var result = new List<LayerStats>();
        for (int i = 0; i < hidden.Count; i++)
        {
            var h = hidden[i].detach().to(ScalarType.Float64);
            if (h.numel() == 0) throw new ArgumentException($"Layer {i + 1}'s output is empty (shape {ShapeText.Of(hidden[i])}).", nameof(hidden));
            // saturated: where the activation's slope is almost 0 (|tanh| near 1, sigmoid near 0 or 1)
            var saturated = sigmoidLike ? h.le(0.01).logical_or(h.ge(0.99)) : h.abs().ge(0.99);
            result.Add(new LayerStats(
                i + 1,
                h.mean().item<double>(),
                h.std(unbiased: false).item<double>(),
                h.eq(0).to(ScalarType.Float64).mean().item<double>(),
                saturated.to(ScalarType.Float64).mean().item<double>()));
        }
        return result;
    }

    /// <summary>‖∂L/∂W‖₂ (Frobenius) of each layer's weight after backward(), input side first.</summary>
    public static double[] GradientNorms(IEnumerable<Linear> layers)
    {
        using var scope = NewDisposeScope();
        return [.. layers.Select((layer, i) =>
            layer.weight?.grad is Tensor g
                ? g.to(ScalarType.Float64).norm().item<double>()
                : throw new InvalidOperationException($"Layer {i + 1} has no gradient yet: call backward() on a loss first."))];
    }
}

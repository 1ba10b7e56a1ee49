using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// Batch norm and layer norm written out, for inputs x [N, F] (N examples or words, F features each).
/// Both compute (x - μ) / √(σ² + ε) · γ + β with γ = 1, β = 0 (their values at the start of training);
/// they differ only in which numbers μ and σ² are taken over.
/// </summary>
public static class NormalizationByHand
{
    /// <summary>nn.BatchNorm1d's and nn.LayerNorm's default ε.</summary>
    public const double DefaultEps = 1e-5;

    /// <summary>Batch norm: each feature (column) normalised across the N examples of the batch.</summary>
    public static Tensor BatchNorm(Tensor x, double eps = DefaultEps) => Normalize(x, dim: 0, eps);

    /// <summary>Layer norm: each example (row) normalised across its own F features; the batch plays no part.</summary>
    public static Tensor LayerNorm(Tensor x, double eps = DefaultEps) => Normalize(x, dim: 1, eps);

    static Tensor Normalize(Tensor x, long dim, double eps)
    {
        if (x.ndim != 2)
            throw new ArgumentException($"x must be [N, F] (examples by features); got shape {ShapeText.Of(x)}.", nameof(x));
        if (!x.is_floating_point())
            throw new ArgumentException($"x must be floating point; got {x.dtype}.", nameof(x));
        using var scope = NewDisposeScope();
        // μ = (1/n) Σ x, over dim
        var mean = x.mean([dim], keepdim: true);
        // σ² = (1/n) Σ (x - μ)², the biased variance (divide by n), as both layers use in training
        var variance = x.var([dim], unbiased: false, keepdim: true);
        // x̂ = (x - μ) / √(σ² + ε); y = γ x̂ + β with γ = 1, β = 0
        return scope.MoveToOuter((x - mean) / (variance + eps).sqrt());
    }
}

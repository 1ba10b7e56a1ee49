using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>Mean μ [D] and covariance Σ [D, D] of a set of feature vectors, float64 (they own both tensors).</summary>
public sealed class FeatureStatistics : IDisposable
{
    public FeatureStatistics(Tensor mean, Tensor covariance, long count)
    {
        Mean = mean;
        Covariance = covariance;
        Count = count;
    }

    public Tensor Mean { get; }
    public Tensor Covariance { get; }

    /// <summary>Number of feature vectors they were computed from.</summary>
    public long Count { get; }

    public long Dim => Mean.shape[0];

    public void Dispose()
    {
        Mean.Dispose();
        Covariance.Dispose();
    }
}

/// <summary>
/// Fréchet distance between two sets of feature vectors, each summarised as a Gaussian (mean and covariance):
/// FID = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁ Σ₂)^½) (Heusel et al., 2017). Zero for identical sets; the first term
/// measures how far apart the sets sit, the trace term how differently they spread. Computed in float64.
/// With features from an image classifier (the "judge") it is the Fréchet Inception Distance of generated images.
/// </summary>
public static class Fid
{
    /// <summary>
    /// Mean and unbiased covariance Σ = (X − μ)ᵀ (X − μ) / (N − 1) of features [N, D], in float64
    /// (the convention of numpy.cov and the reference FID code).
    /// </summary>
    public static FeatureStatistics Statistics(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.ndim != 2)
            throw new ArgumentException($"Expected features of shape [N, D]; got {ShapeText.Of(features)}.", nameof(features));
        if (features.shape[0] < 2)
            throw new ArgumentException($"A covariance needs at least 2 feature vectors; got N = {features.shape[0]}.", nameof(features));
        if (!features.is_floating_point())
            throw new ArgumentException($"Features must be floating point; got {features.dtype}.", nameof(features));
        using var scope = NewDisposeScope();
        var x = features.detach().to(ScalarType.Float64);
        var mean = x.mean([0]);
        var centred = x - mean;
        var covariance = centred.t().mm(centred) / (x.shape[0] - 1);
        return new FeatureStatistics(mean.MoveToOuterDisposeScope(), covariance.MoveToOuterDisposeScope(), x.shape[0]);
    }

    /// <summary>FID between two feature sets [N₁, D] and [N₂, D] (the counts may differ; D must match).</summary>
    public static double Compute(Tensor features1, Tensor features2)
    {
        ArgumentNullException.ThrowIfNull(features1);
        ArgumentNullException.ThrowIfNull(features2);
        if (features1.ndim == 2 && features2.ndim == 2 && features1.shape[1] != features2.shape[1])
            throw new ArgumentException(
                $"Both feature sets need the same dimension D: got {ShapeText.Of(features1)} and {ShapeText.Of(features2)}.");
        using var a = Statistics(features1);
        using var b = Statistics(features2);
        return FromStatistics(a, b);
    }

    /// <summary>FID from two sets' statistics (compute the reference set's once and reuse it).</summary>
    public static double FromStatistics(FeatureStatistics a, FeatureStatistics b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Dim != b.Dim)
            throw new ArgumentException($"Both statistics need the same dimension D: got {a.Dim} and {b.Dim}.");
        using var scope = NewDisposeScope();
        var diff = a.Mean - b.Mean;
        double meanTerm = diff.dot(diff).item<double>();
        double traceTerm = (a.Covariance.trace() + b.Covariance.trace()).item<double>() - 2 * TraceOfSqrtProduct(a.Covariance, b.Covariance);
        // Rounding can leave -1e-15 for identical sets; a distance is never negative.
        return Math.Max(0.0, meanTerm + traceTerm);
    }

    /// <summary>
    /// Tr((Σ₁ Σ₂)^½) for symmetric positive semi-definite Σ₁, Σ₂ [D, D]. Σ₁ Σ₂ is not symmetric, but it is similar to
    /// the symmetric M = Σ₁^½ Σ₂ Σ₁^½ (same eigenvalues), so Tr((Σ₁ Σ₂)^½) = Σ_i √λ_i(M), with both roots taken by
    /// <c>linalg.eigh</c> of a symmetric matrix, in float64.
    /// </summary>
    public static double TraceOfSqrtProduct(Tensor covariance1, Tensor covariance2)
    {
        CheckSquare(covariance1, nameof(covariance1));
        CheckSquare(covariance2, nameof(covariance2));
        if (covariance1.shape[0] != covariance2.shape[0])
            throw new ArgumentException($"Covariances must have the same size: got {ShapeText.Of(covariance1)} and {ShapeText.Of(covariance2)}.");
        using var scope = NewDisposeScope();
        var root1 = SymmetricSqrt(covariance1);
        var m = root1.mm(covariance2.to(ScalarType.Float64)).mm(root1);
        var (eigenvalues, _) = linalg.eigh((m + m.t()) / 2);
        // Clamped for the same reason as in SymmetricSqrt: M is PSD in exact arithmetic.
        return eigenvalues.clamp_min(0).sqrt().sum().item<double>();
    }

    /// <summary>
    /// The symmetric square root S^½ = V diag(√λ) Vᵀ of a symmetric positive semi-definite S = V diag(λ) Vᵀ [D, D],
    /// float64. Eigenvalues that come out slightly negative are clamped to 0: a covariance has none below zero, but when
    /// it is singular (fewer samples than features, or features that are always equal) rounding leaves values like −1e−17
    /// whose square root would be NaN.
    /// </summary>
    public static Tensor SymmetricSqrt(Tensor symmetric)
    {
        CheckSquare(symmetric, nameof(symmetric));
        using var scope = NewDisposeScope();
        var s = symmetric.to(ScalarType.Float64);
        var (eigenvalues, vectors) = linalg.eigh((s + s.t()) / 2);   // symmetrised: eigh reads only one triangle
        var root = (vectors * eigenvalues.clamp_min(0).sqrt()).mm(vectors.t());
        return scope.MoveToOuter(root);
    }

    static void CheckSquare(Tensor m, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.ndim != 2 || m.shape[0] != m.shape[1])
            throw new ArgumentException($"Expected a square matrix [D, D]; got {ShapeText.Of(m)}.", name);
    }
}

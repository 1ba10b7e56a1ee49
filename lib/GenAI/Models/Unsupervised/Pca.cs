using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// Principal component analysis through the singular value decomposition of the centred data:
/// X - mean = U S Vᵀ. The rows of Vᵀ are the principal directions (largest variance first), the
/// variance along direction i is S_i² / (n - 1), and projecting onto the first k rows keeps the
/// most variance any k-dimensional linear view can keep.
/// </summary>
public sealed class Pca : IDisposable
{
    Pca(Tensor mean, Tensor components, Tensor singularValues, Tensor explainedVariance, Tensor explainedVarianceRatio)
    {
        Mean = mean;
        Components = components;
        SingularValues = singularValues;
        ExplainedVariance = explainedVariance;
        ExplainedVarianceRatio = explainedVarianceRatio;
    }

    /// <summary>The training data's mean [d], subtracted before projecting.</summary>
    public Tensor Mean { get; }

    /// <summary>Principal directions [k, d], unit length, orthogonal, largest variance first.
    /// Each row's sign is fixed so that its entry of largest magnitude is positive (an SVD may return either sign).</summary>
    public Tensor Components { get; }

    /// <summary>The first k singular values S [k] of the centred data.</summary>
    public Tensor SingularValues { get; }

    /// <summary>Variance of the data along each component, S² / (n - 1) [k].</summary>
    public Tensor ExplainedVariance { get; }

    /// <summary>Share of the total variance along each component [k]; sums to 1 when k = min(n, d).</summary>
    public Tensor ExplainedVarianceRatio { get; }

    public int ComponentCount => (int)Components.shape[0];

    /// <summary>Fit <paramref name="components"/> principal directions to the rows of <paramref name="x"/> [n, d].</summary>
    public static Pca Fit(Tensor x, int components)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim != 2 || x.shape[0] < 2)
            throw new ArgumentException($"x must be an [n, d] matrix with at least two rows (one example per row); got shape {ShapeText.Of(x)}.", nameof(x));
        if (!x.is_floating_point()) throw new ArgumentException($"x must hold floating-point values; got {x.dtype}.", nameof(x));
        long max = Math.Min(x.shape[0], x.shape[1]);
        if (components < 1 || components > max)
            throw new ArgumentOutOfRangeException(nameof(components), components, $"components must be between 1 and min(n, d) = {max} for x of shape {ShapeText.Of(x)}.");

        using var scope = NewDisposeScope();
        long n = x.shape[0];
        var mean = x.mean([0]);
        var centred = x.sub(mean);
        // X - mean = U S Vᵀ; the thin SVD is enough (Vᵀ has min(n, d) rows).
        var (_, s, vh) = linalg.svd(centred, fullMatrices: false);
        var directions = vh[..components];
        // Fix the sign: the largest-magnitude entry of each direction is positive.
        var biggest = directions.abs().argmax(1, keepdim: true);
        var signs = directions.gather(1, biggest).sign();
        directions = directions.mul(signs);
        // variance along direction i: λ_i = S_i² / (n - 1)
        var variance = s.pow(2).div(n - 1);
        var ratio = variance.div(variance.sum());
        return new Pca(
            scope.MoveToOuter(mean),
            scope.MoveToOuter(directions.contiguous()),
            scope.MoveToOuter(s[..components].clone()),
            scope.MoveToOuter(variance[..components].clone()),
            scope.MoveToOuter(ratio[..components].clone()));
    }

    /// <summary>Coordinates of each row of <paramref name="x"/> [n, d] along the components: (x - mean) Vₖᵀ, [n, k].</summary>
    public Tensor Transform(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim != 2 || x.shape[1] != Mean.shape[0])
            throw new ArgumentException($"x must be [n, {Mean.shape[0]}] like the data the PCA was fitted on; got shape {ShapeText.Of(x)}.", nameof(x));
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(x.to(Mean.dtype).sub(Mean).mm(Components.t()));
    }

    /// <summary>Back from k coordinates to the d-dimensional space: z Vₖ + mean, [n, d] (a lossy reconstruction when k &lt; d).</summary>
    public Tensor InverseTransform(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.ndim != 2 || z.shape[1] != ComponentCount)
            throw new ArgumentException($"z must be [n, {ComponentCount}] (one coordinate per component); got shape {ShapeText.Of(z)}.", nameof(z));
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(z.to(Mean.dtype).mm(Components).add(Mean));
    }

    public void Dispose()
    {
        Mean.Dispose();
        Components.Dispose();
        SingularValues.Dispose();
        ExplainedVariance.Dispose();
        ExplainedVarianceRatio.Dispose();
    }
}

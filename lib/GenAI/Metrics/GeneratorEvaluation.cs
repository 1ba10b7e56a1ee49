using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>
/// How a generator's samples spread over the classes, as a classifier (the judge) labels them. A generator that
/// has collapsed onto a few modes shows it here at once: few classes covered, one class with a large share.
/// </summary>
/// <param name="Counts">Samples per class.</param>
/// <param name="CoveredShare">Share of the samples a class needs to count as covered.</param>
public sealed record ClassHistogram(IReadOnlyList<long> Counts, double CoveredShare)
{
    public long Total => Counts.Sum();

    /// <summary>Fraction of the samples in each class.</summary>
    public IReadOnlyList<double> Shares => Counts.Select(c => Total == 0 ? 0.0 : (double)c / Total).ToArray();

    /// <summary>Classes holding at least <see cref="CoveredShare"/> of the samples.</summary>
    public int ClassesCovered => Shares.Count(s => s >= CoveredShare);

    /// <summary>The largest class's share (1 / classes for a perfectly even spread, 1 for a full collapse).</summary>
    public double LargestShare => Shares.Max();

    /// <summary>The class with the most samples.</summary>
    public int LargestClass => Shares.Select((s, i) => (s, i)).MaxBy(p => p.s).i;

    public override string ToString() =>
        $"{ClassesCovered} of {Counts.Count} classes covered (at least {CoveredShare:P0} each), largest share {LargestShare:P1} (class {LargestClass}), {Total} samples";
}

/// <summary>
/// A generator's FID beside its two reference points at the same sample count: the floor (real training images
/// against real test images: what a perfect generator would score with this many samples, since FID is biased
/// upwards for small counts) and the ceiling (uniform noise against the test images).
/// </summary>
public sealed record FidReport(double Fid, double Floor, double Ceiling, long SampleCount)
{
    /// <summary>Where the FID sits between floor (0) and ceiling (1).</summary>
    public double Relative => (Fid - Floor) / (Ceiling - Floor);

    public override string ToString() => $"FID {Fid:F2} (floor {Floor:F2}, ceiling {Ceiling:F1}, {SampleCount} samples)";
}

public static class GeneratorEvaluation
{
    /// <summary>
    /// Class histogram of predicted classes int64 [N] in [0, classes). A class counts as covered with at least
    /// <paramref name="coveredShare"/> of the samples (2 % by default: a fifth of an even share of ten classes).
    /// </summary>
    public static ClassHistogram Histogram(Tensor predictedClasses, int classes, double coveredShare = 0.02)
    {
        ArgumentNullException.ThrowIfNull(predictedClasses);
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 1.");
        if (coveredShare is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(coveredShare), coveredShare, "coveredShare must be in [0, 1].");
        CheckClasses(predictedClasses, classes, nameof(predictedClasses));
        using var scope = NewDisposeScope();
        var counts = predictedClasses.cpu().bincount(null, classes).data<long>().ToArray();
        return new ClassHistogram(counts, coveredShare);
    }

    /// <summary>
    /// For class-conditional samples: per class k, the fraction of the samples asked to be class k that the judge
    /// labels k (NaN for a class never asked for). <paramref name="predicted"/> and <paramref name="requested"/> are int64 [N].
    /// </summary>
    public static double[] PerClassAccuracy(Tensor predicted, Tensor requested, int classes)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(requested);
        if (!predicted.shape.SequenceEqual(requested.shape))
            throw new ArgumentException($"predicted {ShapeText.Of(predicted)} and requested {ShapeText.Of(requested)} must have the same shape [N].");
        CheckClasses(predicted, classes, nameof(predicted));
        CheckClasses(requested, classes, nameof(requested));
        using var scope = NewDisposeScope();
        var confusion = ClassificationMetrics.ConfusionMatrix(predicted.cpu(), requested.cpu(), classes).to(ScalarType.Float64);
        var hits = confusion.diagonal().data<double>().ToArray();
        var asked = confusion.sum(1).data<double>().ToArray();
        return hits.Zip(asked, (h, a) => a == 0 ? double.NaN : h / a).ToArray();
    }

    /// <summary>
    /// Diversity of a set of samples: the mean Euclidean distance between the feature vectors [N, D] of two different
    /// samples (all N (N - 1) ordered pairs; the judge's features for images). 0 when every sample is the same.
    /// </summary>
    public static double MeanPairwiseDistance(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.ndim != 2 || features.shape[0] < 2)
            throw new ArgumentException($"Expected features of shape [N, D] with N at least 2; got {ShapeText.Of(features)}.", nameof(features));
        using var scope = NewDisposeScope();
        var f = features.to(ScalarType.Float64);
        long n = f.shape[0];
        // ||f_i - f_j|| for all pairs; the diagonal (i = j) is 0 and drops out of the sum
        var distances = cdist(f.unsqueeze(0), f.unsqueeze(0)).squeeze(0);
        return distances.sum().item<double>() / (n * (n - 1));
    }

    /// <summary>
    /// Diversity within each class: for class k, <see cref="MeanPairwiseDistance"/> of the features [N, D] of the samples
    /// whose <paramref name="classes"/> (int64 [N]: the class asked for, or the judge's label) is k; NaN for a class with
    /// fewer than two samples. A guided generator that draws one prototype per class scores near 0 here even when its
    /// class histogram is perfectly even.
    /// </summary>
    public static double[] WithinClassDiversity(Tensor features, Tensor classes, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(classes);
        if (features.ndim != 2 || classes.ndim != 1 || classes.shape[0] != features.shape[0])
            throw new ArgumentException($"Expected features [N, D] and one class per row, [N]; got {ShapeText.Of(features)} and {ShapeText.Of(classes)}.", nameof(classes));
        CheckClasses(classes, classCount, nameof(classes));
        using var scope = NewDisposeScope();
        var cpuFeatures = features.cpu();
        var cpuClasses = classes.cpu();
        var result = new double[classCount];
        for (int k = 0; k < classCount; k++)
        {
            var rows = cpuFeatures[cpuClasses.eq(k)];
            result[k] = rows.shape[0] < 2 ? double.NaN : MeanPairwiseDistance(rows);
        }
        return result;
    }

    static void CheckClasses(Tensor t, int classes, string name)
    {
        if (t.ndim != 1 || t.dtype != ScalarType.Int64)
            throw new ArgumentException($"Expected int64 class ids of shape [N]; got {t.dtype} {ShapeText.Of(t)}.", name);
        if (t.numel() > 0)
        {
            long min = t.min().item<long>(), max = t.max().item<long>();
            if (min < 0 || max >= classes)
                throw new ArgumentException($"Class ids must be in [0, {classes}); got values from {min} to {max}.", name);
        }
    }
}

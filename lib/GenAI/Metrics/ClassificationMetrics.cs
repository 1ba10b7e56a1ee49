using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>
/// How often a classifier is right, and in which way it is wrong. Every method takes predicted
/// class ids and true class ids, both int64 [N] (take <c>logits.argmax(1)</c> for the predictions).
/// A ratio whose denominator is zero (no predicted positives for precision, no true positives
/// for recall) counts as 0, as scikit-learn does.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Fraction of predictions equal to the target: (1/N) Σ_i [ŷ_i = y_i].</summary>
    public static double Accuracy(Tensor predictions, Tensor targets)
    {
        CheckLabels(predictions, targets);
        using var scope = NewDisposeScope();
        return predictions.eq(targets).to(ScalarType.Float64).mean().item<double>();
    }

    /// <summary>
    /// Counts C [classes, classes], int64: C[i, j] = number of examples of true class i predicted
    /// as class j (rows true, columns predicted, as in scikit-learn). The diagonal holds the hits.
    /// </summary>
    public static Tensor ConfusionMatrix(Tensor predictions, Tensor targets, int classes)
    {
        CheckLabels(predictions, targets, classes);
        using var scope = NewDisposeScope();
        // pair (i, j) ↦ cell i·classes + j; counting the cells and reshaping gives C
        var cells = targets * classes + predictions;
        return scope.MoveToOuter(cells.bincount(null, classes * classes).reshape(classes, classes));
    }

    /// <summary>Precision of one class: TP / (TP + FP), of the examples predicted positive, the fraction truly positive.</summary>
    public static double Precision(Tensor predictions, Tensor targets, long positiveClass = 1)
    {
        var (tp, fp, _) = Counts(predictions, targets, positiveClass);
        return Ratio(tp, tp + fp);
    }

    /// <summary>Recall of one class: TP / (TP + FN), of the truly positive examples, the fraction found.</summary>
    public static double Recall(Tensor predictions, Tensor targets, long positiveClass = 1)
    {
        var (tp, _, fn) = Counts(predictions, targets, positiveClass);
        return Ratio(tp, tp + fn);
    }

    /// <summary>F1 of one class: the harmonic mean of precision and recall, 2PR / (P + R) = 2TP / (2TP + FP + FN).</summary>
    public static double F1(Tensor predictions, Tensor targets, long positiveClass = 1)
    {
        var (tp, fp, fn) = Counts(predictions, targets, positiveClass);
        return Ratio(2 * tp, 2 * tp + fp + fn);
    }

    /// <summary>Macro precision: the unweighted mean over classes 0..classes-1 of each class's precision.</summary>
    public static double MacroPrecision(Tensor predictions, Tensor targets, int classes) =>
        Macro(predictions, targets, classes, (tp, fp, fn) => Ratio(tp, tp + fp));

    /// <summary>Macro recall: the unweighted mean over classes 0..classes-1 of each class's recall.</summary>
    public static double MacroRecall(Tensor predictions, Tensor targets, int classes) =>
        Macro(predictions, targets, classes, (tp, fp, fn) => Ratio(tp, tp + fn));

    /// <summary>Macro F1: the unweighted mean over classes 0..classes-1 of each class's F1 (rare classes count as much as common ones).</summary>
    public static double MacroF1(Tensor predictions, Tensor targets, int classes) =>
        Macro(predictions, targets, classes, (tp, fp, fn) => Ratio(2 * tp, 2 * tp + fp + fn));

    static double Macro(Tensor predictions, Tensor targets, int classes, Func<long, long, long, double> perClass)
    {
        using var scope = NewDisposeScope();
        var matrix = ConfusionMatrix(predictions, targets, classes);
        // (dim: named, because a literal 0 would convert to ScalarType.Byte and pick the dtype overload)
        // TP_k = C[k, k]; FP_k = column k minus TP_k; FN_k = row k minus TP_k
        var tp = matrix.diagonal().data<long>().ToArray();
        var predicted = matrix.sum(dim: 0).data<long>().ToArray();
        var actual = matrix.sum(dim: 1).data<long>().ToArray();
        return Enumerable.Range(0, classes).Average(k => perClass(tp[k], predicted[k] - tp[k], actual[k] - tp[k]));
    }

    static (long TruePositives, long FalsePositives, long FalseNegatives) Counts(Tensor predictions, Tensor targets, long positiveClass)
    {
        CheckLabels(predictions, targets);
        using var scope = NewDisposeScope();
        var predictedPositive = predictions.eq(positiveClass);
        var actuallyPositive = targets.eq(positiveClass);
        long tp = predictedPositive.logical_and(actuallyPositive).sum().item<long>();
        long fp = predictedPositive.logical_and(actuallyPositive.logical_not()).sum().item<long>();
        long fn = predictedPositive.logical_not().logical_and(actuallyPositive).sum().item<long>();
        return (tp, fp, fn);
    }

    static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    internal static void CheckLabels(Tensor predictions, Tensor targets, int? classes = null)
    {
        if (predictions.ndim != 1 || targets.ndim != 1 || predictions.shape[0] != targets.shape[0])
            throw new ArgumentException(
                $"predictions and targets must both be class ids of shape [N] with the same N; got predictions {ShapeText.Of(predictions)} and targets {ShapeText.Of(targets)}. " +
                "For logits [N, C], pass logits.argmax(1).",
                nameof(predictions));
        if (predictions.dtype != ScalarType.Int64 || targets.dtype != ScalarType.Int64)
            throw new ArgumentException($"predictions and targets must hold class ids as int64; got {predictions.dtype} and {targets.dtype}.", nameof(predictions));
        if (predictions.numel() == 0)
            throw new ArgumentException("predictions and targets are empty: a metric needs at least one example.", nameof(predictions));
        if (classes is int k)
        {
            if (k < 1) throw new ArgumentOutOfRangeException(nameof(classes), k, "There must be at least one class.");
            long lowest = Math.Min(predictions.min().item<long>(), targets.min().item<long>());
            long highest = Math.Max(predictions.max().item<long>(), targets.max().item<long>());
            if (lowest < 0 || highest >= k)
                throw new ArgumentException($"Class ids run from {lowest} to {highest} but there are {k} classes (ids 0..{k - 1}).", nameof(classes));
        }
    }
}

using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Tests.Metrics;

public class ClassificationMetricsTests
{
    // Worked binary example, 10 examples, class 1 positive:
    //   true 1 1 1 1 0 0 0 0 0 0
    //   pred 1 1 1 0 1 1 0 0 0 0   → TP = 3, FN = 1, FP = 2, TN = 4
    // accuracy = 7/10, precision = 3/5, recall = 3/4, F1 = 2·(3/5)(3/4)/(3/5 + 3/4) = 2/3.
    static Tensor BinaryTrue() => tensor(new long[] { 1, 1, 1, 1, 0, 0, 0, 0, 0, 0 });
    static Tensor BinaryPred() => tensor(new long[] { 1, 1, 1, 0, 1, 1, 0, 0, 0, 0 });

    // Worked 3-class example:
    //   true 0 0 1 1 2 2
    //   pred 0 1 1 1 2 0   → C = [[1, 1, 0], [0, 2, 0], [1, 0, 1]] (rows true, columns predicted)
    static Tensor ThreeTrue() => tensor(new long[] { 0, 0, 1, 1, 2, 2 });
    static Tensor ThreePred() => tensor(new long[] { 0, 1, 1, 1, 2, 0 });

    [Fact]
    public void BinaryExampleByHand()
    {
        using var y = BinaryTrue();
        using var p = BinaryPred();
        Assert.Equal(0.7, ClassificationMetrics.Accuracy(p, y), 12);
        Assert.Equal(3.0 / 5, ClassificationMetrics.Precision(p, y), 12);
        Assert.Equal(3.0 / 4, ClassificationMetrics.Recall(p, y), 12);
        Assert.Equal(2.0 / 3, ClassificationMetrics.F1(p, y), 12);
    }

    [Fact]
    public void NegativeClassAsPositiveSwapsTheRoles()
    {
        // Class 0 positive: TP = 4, FP = 1, FN = 2 → precision 4/5, recall 4/6.
        using var y = BinaryTrue();
        using var p = BinaryPred();
        Assert.Equal(4.0 / 5, ClassificationMetrics.Precision(p, y, positiveClass: 0), 12);
        Assert.Equal(4.0 / 6, ClassificationMetrics.Recall(p, y, positiveClass: 0), 12);
    }

    [Fact]
    public void ConfusionMatrixByHand()
    {
        using var y = ThreeTrue();
        using var p = ThreePred();
        using var c = ClassificationMetrics.ConfusionMatrix(p, y, 3);
        Assert.Equal(ScalarType.Int64, c.dtype);
        Assert.Equal(new long[] { 3, 3 }, c.shape);
        Assert.Equal(new long[] { 1, 1, 0, 0, 2, 0, 1, 0, 1 }, c.data<long>().ToArray());
    }

    [Fact]
    public void MacroAveragesByHand()
    {
        // precision per class: 1/2, 2/3, 1/1; recall: 1/2, 2/2, 1/2; F1: 1/2, 4/5, 2/3.
        using var y = ThreeTrue();
        using var p = ThreePred();
        Assert.Equal((0.5 + 2.0 / 3 + 1) / 3, ClassificationMetrics.MacroPrecision(p, y, 3), 12);
        Assert.Equal((0.5 + 1 + 0.5) / 3, ClassificationMetrics.MacroRecall(p, y, 3), 12);
        Assert.Equal((0.5 + 0.8 + 2.0 / 3) / 3, ClassificationMetrics.MacroF1(p, y, 3), 12);
    }

    [Fact]
    public void NoPredictedPositivesGivesZeroPrecisionNotNaN()
    {
        using var y = tensor(new long[] { 1, 0, 1 });
        using var p = tensor(new long[] { 0, 0, 0 });
        Assert.Equal(0.0, ClassificationMetrics.Precision(p, y));
        Assert.Equal(0.0, ClassificationMetrics.F1(p, y));
    }

    [Fact]
    public void LogitsInsteadOfClassIdsAreAClearError()
    {
        using var logits = zeros(4, 3);
        using var y = tensor(new long[] { 0, 1, 2, 0 });
        var e = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy(logits, y));
        Assert.Equal("predictions", e.ParamName);
        Assert.Contains("got predictions [4, 3] and targets [4]", e.Message);
        Assert.Contains("logits.argmax(1)", e.Message);
    }

    [Fact]
    public void FloatLabelsAreRejected()
    {
        using var p = tensor(new float[] { 0, 1 });
        using var y = tensor(new long[] { 0, 1 });
        var e = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Accuracy(p, y));
        Assert.Contains("int64", e.Message);
    }

    [Fact]
    public void ClassIdOutsideTheRangeIsAClearError()
    {
        using var p = tensor(new long[] { 0, 3 });
        using var y = tensor(new long[] { 0, 1 });
        var e = Assert.Throws<ArgumentException>(() => ClassificationMetrics.ConfusionMatrix(p, y, 3));
        Assert.Equal("classes", e.ParamName);
        Assert.Contains("from 0 to 3 but there are 3 classes", e.Message);
    }
}

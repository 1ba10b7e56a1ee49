using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Tests.Metrics;

public class RegressionAndLossTests
{
    [Fact]
    public void MseAndRmseByHand()
    {
        // errors 0, -2, 3 → MSE = (0 + 4 + 9) / 3 = 13/3, RMSE = √(13/3)
        using var p = tensor(new double[] { 1, 2, 3 });
        using var y = tensor(new double[] { 1, 4, 0 });
        Assert.Equal(13.0 / 3, RegressionMetrics.Mse(p, y), 12);
        Assert.Equal(Math.Sqrt(13.0 / 3), RegressionMetrics.Rmse(p, y), 12);
    }

    [Fact]
    public void ColumnAgainstVectorIsAnErrorNotABroadcast()
    {
        using var p = zeros(5, 1);
        using var y = zeros(5);
        var e = Assert.Throws<ArgumentException>(() => RegressionMetrics.Mse(p, y));
        Assert.Contains("got predictions [5, 1] and targets [5]", e.Message);
    }

    [Fact]
    public void ConfidentCorrectProbabilitiesOfZeroAndOneCostNothingAndAConfidentMistakeIsInfinite()
    {
        // 0 · log 0 counts as 0: p = 0 for y = 0 and p = 1 for y = 1 are perfect answers, not NaN
        using var p = tensor(new double[] { 0, 1, 0.5 });
        using var y = tensor(new double[] { 0, 1, 1 });
        Assert.Equal(Math.Log(2) / 3, BinaryCrossEntropy.FromProbabilities(p, y), 12);
        using var wrong = tensor(new double[] { 1.0 });
        using var zero = tensor(new double[] { 0.0 });
        Assert.Equal(double.PositiveInfinity, BinaryCrossEntropy.FromProbabilities(wrong, zero));
    }

    [Fact]
    public void BinaryCrossEntropyByHand()
    {
        // p = [0.5, 0.8], y = [1, 0]: BCE = -(ln 0.5 + ln 0.2) / 2 = ln 10 / 2
        using var p = tensor(new double[] { 0.5, 0.8 });
        using var y = tensor(new double[] { 1, 0 });
        Assert.Equal(Math.Log(10) / 2, BinaryCrossEntropy.FromProbabilities(p, y), 12);
        // the same probabilities as logits: z = log(p / (1 - p))
        using var z = (p / (1 - p)).log();
        Assert.Equal(Math.Log(10) / 2, BinaryCrossEntropy.FromLogits(z, y), 12);
    }

    [Fact]
    public void BinaryCrossEntropyRejectsLabelsOtherThanZeroAndOne()
    {
        using var p = tensor(new double[] { 0.5, 0.8 });
        using var y = tensor(new double[] { 1, 2 });
        var e = Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities(p, y));
        Assert.Equal("targets", e.ParamName);
    }

    [Fact]
    public void BinaryCrossEntropyTellsLogitsFromProbabilities()
    {
        using var z = tensor(new double[] { -2, 3 });
        using var y = tensor(new double[] { 0, 1 });
        var e = Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.FromProbabilities(z, y));
        Assert.Contains("FromLogits", e.Message);
    }

    [Fact]
    public void NllOfLogSoftmaxByHand()
    {
        // Uniform scores over 4 classes: every log-probability is -ln 4, so NLL = ln 4 whatever the targets.
        using var logProbs = full(3, 4, -Math.Log(4), dtype: ScalarType.Float64);
        using var targets = tensor(new long[] { 0, 3, 1 });
        Assert.Equal(Math.Log(4), NegativeLogLikelihood.FromLogProbabilities(logProbs, targets), 12);
    }
}

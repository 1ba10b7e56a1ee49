using GenAI.Models;
using GenAI.Training;
using static TorchSharp.torch;

namespace GenAI.Tests.Training;

public class LayerStatisticsTests
{
    static void AssertStats(LayerStats expected, LayerStats actual)
    {
        Assert.Equal(expected.Layer, actual.Layer);
        Assert.Equal(expected.Mean, actual.Mean, 12);
        Assert.Equal(expected.Std, actual.Std, 12);
        Assert.Equal(expected.FractionZero, actual.FractionZero, 12);
        Assert.Equal(expected.FractionSaturated, actual.FractionSaturated, 12);
    }

    [Fact]
    public void ActivationStatisticsByHand()
    {
        // Layer 1 [0.5, -0.5, 1, -1]: mean 0, variance (0.25 + 0.25 + 1 + 1)/4 = 0.625, no zeros, |h| ≥ 0.99 for 2 of 4.
        // Layer 2 = ReLU of it [0.5, 0, 1, 0]: mean 0.375, variance (0.25 + 1)/4 - 0.375² = 0.171875, half zeros, 1 of 4 saturated.
        using var h1 = tensor(new double[] { 0.5, -0.5, 1, -1 }, [2, 2]);
        using var h2 = h1.relu();
        var stats = LayerStatistics.Activations([h1, h2]);
        AssertStats(new LayerStats(1, 0, Math.Sqrt(0.625), 0, 0.5), stats[0]);
        AssertStats(new LayerStats(2, 0.375, Math.Sqrt(0.171875), 0.5, 0.25), stats[1]);
    }

    [Fact]
    public void SigmoidOutputsSaturateNearZeroAndOne()
    {
        using var h = tensor(new double[] { 0.005, 0.5, 0.995, 0.7 }, [1, 4]);
        Assert.Equal(0.5, LayerStatistics.Activations([h], sigmoidLike: true)[0].FractionSaturated, 12);
        Assert.Equal(0.25, LayerStatistics.Activations([h])[0].FractionSaturated, 12);
    }

    [Fact]
    public void GradientNormsAreTheFrobeniusNormsOfEachWeightGradient()
    {
        using var model = new MlpClassifier(new MlpClassifierConfig(3, [4], 2));
        using var x = ones(5, 3);
        model.call(x).sum().backward();
        var norms = LayerStatistics.GradientNorms(model.LinearLayers);
        Assert.Equal(2, norms.Length);
        for (int i = 0; i < 2; i++)
            Assert.Equal(model.LinearLayers[i].weight!.grad!.square().sum().sqrt().item<float>(), norms[i], tolerance: 1e-5);   // a tolerance, not rounding to 5 places: a value near a rounding edge failed once
    }

    [Fact]
    public void GradientNormsBeforeBackwardIsAClearError()
    {
        using var model = new MlpClassifier(new MlpClassifierConfig(3, [4], 2));
        var e = Assert.Throws<InvalidOperationException>(() => LayerStatistics.GradientNorms(model.LinearLayers));
        Assert.Contains("backward()", e.Message);
    }
}

using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class InitializationTests
{
    [Fact]
    public void VarianceFormulasByHand()
    {
        // n_in = 200, n_out = 50
        Assert.Equal(0.0, Initialization.StandardDeviation(InitScheme.Zeros, 200, 50));
        Assert.Equal(0.01, Initialization.StandardDeviation(InitScheme.Normal, 200, 50));
        Assert.Equal(Math.Sqrt(2.0 / 250), Initialization.StandardDeviation(InitScheme.Xavier, 200, 50), 15); // σ² = 2/(200+50) = 0.008
        Assert.Equal(0.1, Initialization.StandardDeviation(InitScheme.He, 200, 50), 15);                       // σ² = 2/200 = 0.01
        Assert.Equal(Math.Sqrt(1.0 / 200), Initialization.StandardDeviation(InitScheme.LeCun, 200, 50), 15);   // σ² = 1/200
    }

    [Theory]
    [InlineData(InitScheme.Normal)]
    [InlineData(InitScheme.Xavier)]
    [InlineData(InitScheme.He)]
    [InlineData(InitScheme.LeCun)]
    public void DrawnWeightsHaveTheTheoreticalVariance(InitScheme scheme)
    {
        // 400 × 300 = 120 000 draws: the sample variance is within 2% of σ² with overwhelming probability
        // (its relative standard error is √(2/N) ≈ 0.4%), and the mean within 5 standard errors of 0.
        manual_seed(5);
        using var w = empty(400, 300, dtype: ScalarType.Float64);
        Initialization.Apply(scheme, w);
        double expected = Math.Pow(Initialization.StandardDeviation(scheme, 300, 400), 2);
        double variance = w.var().item<double>();
        Assert.InRange(variance / expected, 0.98, 1.02);
        Assert.InRange(Math.Abs(w.mean().item<double>()), 0, 5 * Math.Sqrt(expected / w.numel()));
    }

    [Fact]
    public void SameDrawsAsTorchNnInitUnderTheSameSeed()
    {
        void Same(InitScheme scheme, Action<Tensor> reference)
        {
            using var mine = empty(64, 32);
            using var theirs = empty(64, 32);
            manual_seed(17);
            Initialization.Apply(scheme, mine);
            manual_seed(17);
            reference(theirs);
            Assert.True(mine.allclose(theirs, 1e-6, 1e-6), $"{scheme} differs from torch.nn.init");
        }
        Same(InitScheme.He, w => nn.init.kaiming_normal_(w, nonlinearity: nn.init.NonlinearityType.ReLU));
        // LeCun is Kaiming with gain 1 (a linear unit)
        Same(InitScheme.LeCun, w => nn.init.kaiming_normal_(w, nonlinearity: nn.init.NonlinearityType.Linear));
        Same(InitScheme.Normal, w => nn.init.normal_(w, 0, 0.01));
        Same(InitScheme.Zeros, w => nn.init.zeros_(w));
    }

    [Fact]
    public void TorchNnInitXavierDrawsWithTheXavierVariance()
    {
        // TorchSharp's xavier_normal_ consumes the generator differently (its draws differ from normal_'s
        // under the same seed), so it is compared by its variance: within 2% of 2 / (n_in + n_out).
        manual_seed(23);
        using var w = empty(400, 300, dtype: ScalarType.Float64);
        nn.init.xavier_normal_(w);
        double expected = Math.Pow(Initialization.StandardDeviation(InitScheme.Xavier, 300, 400), 2);
        Assert.InRange(w.var().item<double>() / expected, 0.98, 1.02);
    }

    [Fact]
    public void ApplyToLayersZeroesTheBiases()
    {
        using var model = new MlpClassifier(new MlpClassifierConfig(6, [5], 3));
        Initialization.Apply(InitScheme.He, model.LinearLayers);
        Assert.All(model.LinearLayers, layer => Assert.Equal(0, layer.bias!.abs().sum().item<float>()));
        Assert.True(model.LinearLayers[0].weight!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void AVectorIsNotAWeightMatrix()
    {
        using var v = zeros(5);
        var e = Assert.Throws<ArgumentException>(() => Initialization.Apply(InitScheme.He, v));
        Assert.Contains("[5]", e.Message);
    }

    [Fact]
    public void AFanBelowOneIsAnErrorNamingWhichFan()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Initialization.StandardDeviation(InitScheme.Xavier, 4, 0));
        Assert.Equal("fanOut", e.ParamName);
        Assert.Contains("got 4 and 0", e.Message);
        Assert.Equal("fanIn", Assert.Throws<ArgumentOutOfRangeException>(() => Initialization.StandardDeviation(InitScheme.He, 0, 4)).ParamName);
    }
}

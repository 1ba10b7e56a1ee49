using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class MlpClassifierTests
{
    static long Counted(nn.Module module) => module.parameters().Sum(p => p.numel());

    [Fact]
    public void NotesExampleSixteenInputsFiveOutputsWithBiasHas85Parameters()
    {
        // One linear layer 16 → 5: 16·5 weights + 5 biases = 85.
        var config = new MlpClassifierConfig(16, [], 5);
        using var model = new MlpClassifier(config);
        Assert.Equal(85, config.ParameterCount);
        Assert.Equal(85, Counted(model));
        Assert.Equal(80, new MlpClassifierConfig(16, [], 5, Bias: false).ParameterCount);
    }

    [Theory]
    [InlineData(Normalization.None, 64 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10)]
    [InlineData(Normalization.BatchNorm, 64 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10 + 2 * (32 + 16))]
    [InlineData(Normalization.LayerNorm, 64 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10 + 2 * (32 + 16))]
    public void ParameterCountByFormulaMatchesTheModule(Normalization normalization, long byHand)
    {
        var config = new MlpClassifierConfig(64, [32, 16], 10, Normalization: normalization);
        using var model = new MlpClassifier(config);
        Assert.Equal(byHand, config.ParameterCount);
        Assert.Equal(byHand, Counted(model));
    }

    [Fact]
    public void LogitsHaveOneRowPerExampleAndOneColumnPerClass()
    {
        using var model = new MlpClassifier(new MlpClassifierConfig(8, [6, 6, 4], 3, Activation.Tanh, Dropout: 0.2, Normalization.LayerNorm, Residual: true));
        using var x = randn(7, 8);
        var (logits, hidden) = model.ForwardWithHidden(x);
        Assert.Equal(new long[] { 7, 3 }, logits.shape);
        Assert.Equal([new long[] { 7, 6 }, [7, 6], [7, 4]], hidden.Select(h => h.shape).ToArray());
        Assert.Equal(4, model.LinearLayers.Count);
    }

    [Fact]
    public void SkipConnectionAddsTheInputWhereSizesMatch()
    {
        // With the hidden layer's weights and bias at zero, ReLU(0) = 0, so the residual layer passes x through unchanged.
        using var model = new MlpClassifier(new MlpClassifierConfig(4, [4], 2, Residual: true));
        using (no_grad())
        {
            model.LinearLayers[0].weight!.zero_();
            model.LinearLayers[0].bias!.zero_();
        }
        using var x = randn(3, 4);
        var (logits, hidden) = model.ForwardWithHidden(x);
        Assert.True(hidden[0].allclose(x));
        Assert.True(logits.allclose(model.LinearLayers[1].call(x)));
    }

    [Fact]
    public void DropoutActsInTrainingOnlyAndMatchesAPlainStackInEvalMode()
    {
        manual_seed(3);
        using var model = new MlpClassifier(new MlpClassifierConfig(5, [16], 2, Activation.SiLU, Dropout: 0.5));
        using var x = randn(10, 5);
        model.eval();
        var layers = model.LinearLayers;
        using var expected = layers[1].call(nn.functional.silu(layers[0].call(x)));
        Assert.True(model.call(x).allclose(expected, 1e-6, 1e-6));
        model.train();
        var (_, hidden) = model.ForwardWithHidden(x);
        Assert.True(hidden[0].eq(0).any().item<bool>(), "dropout with p = 0.5 should zero some of 160 hidden values");
    }

    [Fact]
    public void BatchNormNormalisesEachHiddenUnitAcrossTheBatch()
    {
        // Identity activation: the hidden output is the batch-normalised pre-activation, mean 0 per unit at initialisation (γ = 1, β = 0).
        using var model = new MlpClassifier(new MlpClassifierConfig(3, [4], 2, Activation.Identity, Normalization: Normalization.BatchNorm));
        using var x = randn(32, 3) * 5 + 2;
        var (_, hidden) = model.ForwardWithHidden(x);
        Assert.True(hidden[0].mean([0]).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void WrongFeatureCountNamesBothShapes()
    {
        using var model = new MlpClassifier(new MlpClassifierConfig(64, [8], 10));
        using var x = zeros(5, 63);
        var e = Assert.Throws<ArgumentException>(() => model.call(x));
        Assert.Equal("features", e.ParamName);
        Assert.Contains("[B, 64]", e.Message);
        Assert.Contains("[5, 63]", e.Message);
    }

    [Fact]
    public void IntegerFeaturesAreAClearError()
    {
        using var model = new MlpClassifier(new MlpClassifierConfig(2, [], 2));
        using var x = zeros(new long[] { 3, 2 }, ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => model.call(x));
        Assert.Contains("floating point", e.Message);
    }

    [Fact]
    public void BadSizesAndDropoutAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new MlpClassifier(new MlpClassifierConfig(4, [8, 0], 3)));
        Assert.StartsWith("MlpClassifierConfig.HiddenSizes[1] must be at least 1; got 0.", e.Message);
        Assert.Equal("HiddenSizes", e.ParamName);
        var d = Assert.Throws<ArgumentException>(() => new MlpClassifier(new MlpClassifierConfig(4, [8], 3, Dropout: 1)));
        Assert.StartsWith("MlpClassifierConfig.Dropout must be in [0, 1); got 1.", d.Message);
        var c = Assert.Throws<ArgumentException>(() => new MlpClassifierConfig(4, [8], 0).Validate());
        Assert.StartsWith("MlpClassifierConfig.Classes must be at least 1; got 0.", c.Message);
    }
}

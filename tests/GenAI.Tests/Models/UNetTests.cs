using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class UNetTests
{
    [Theory]
    [InlineData(28)]
    [InlineData(32)]
    [InlineData(16)]
    public void TheUNetIsFullyConvolutional(int side)
    {
        using var model = new UNet(new UNetConfig(ModelDim: 8, ChannelMultipliers: new[] { 1, 2, 4 }));
        using var x = randn(2, 1, side, side);
        using var t = tensor(new long[] { 0, 99 });
        using var eps = model.call(x, t);
        Assert.Equal(new long[] { 2, 1, side, side }, eps.shape);
        Assert.True(eps.isfinite().all().item<bool>(), "a fresh U-Net gives finite predictions (its GroupNorms are initialised)");
    }

    [Fact]
    public void TheStepChangesThePredictionAndClassesToo()
    {
        using var model = new UNet(new UNetConfig(Channels: 3, ModelDim: 8, ChannelMultipliers: new[] { 1, 2 }, ClassCount: 10));
        using var x = randn(1, 3, 12, 12).expand(2, 3, 12, 12);
        using var early = model.call(x, tensor(new long[] { 3, 3 }));
        using var late = model.call(x, tensor(new long[] { 3, 80 }));
        Assert.True(early[0].allclose(late[0], atol: 1e-5), "same input and step, same output");
        Assert.False(early[1].allclose(late[1], atol: 1e-6), "another step, another output");
        using var labelled = model.forward(x, tensor(new long[] { 3, 3 }), tensor(new long[] { 10, 4 }));
        Assert.True(labelled[0].allclose(early[0], atol: 1e-5), "no labels means the null class (10)");
        Assert.False(labelled[1].allclose(early[1], atol: 1e-6), "a class changes the prediction");
    }

    [Fact]
    public void TheSinusoidalEmbeddingHasSinesThenCosines()
    {
        using var emb = TimestepEmbedding.Sinusoidal(tensor(new long[] { 0, 2 }), 4);
        // frequencies 10000^(-k/2), k = 0, 1: 1 and 0.01
        var expected = new float[] { 0, 0, 1, 1, MathF.Sin(2), MathF.Sin(0.02f), MathF.Cos(2), MathF.Cos(0.02f) };
        Assert.True(emb.allclose(tensor(expected).view(2, 4), atol: 1e-6), emb.ToString(TorchSharp.TensorStringStyle.Julia));
    }

    [Fact]
    public void TheConfigNamesItsBadField()
    {
        Assert.Contains("ModelDim must be at least 1; got 0", Assert.Throws<ArgumentException>(() => new UNet(new UNetConfig(ModelDim: 0))).Message);
        Assert.Contains("ModelDim · 1 = 6 is not divisible", Assert.Throws<ArgumentException>(() => new UNet(new UNetConfig(ModelDim: 6, ChannelMultipliers: new[] { 1, 2 }, Groups: 8))).Message);
        Assert.Contains("ChannelMultipliers must be one or more values", Assert.Throws<ArgumentException>(() => new UNet(new UNetConfig(ChannelMultipliers: new[] { 1, 0 }))).Message);
        using var model = new UNet(new UNetConfig(ModelDim: 8, ChannelMultipliers: new[] { 1 }));
        using var x = zeros(2, 3, 8, 8);
        using var t = zeros(2, dtype: ScalarType.Int64);
        Assert.Contains("[N, 1, H, W]; got [2, 3, 8, 8]", Assert.Throws<ArgumentException>(() => model.call(x, t)).Message);
        using var labels = zeros(2, dtype: ScalarType.Int64);
        using var grey = zeros(2, 1, 8, 8);
        Assert.Contains("ClassCount = 0", Assert.Throws<ArgumentException>(() => model.forward(grey, t, labels)).Message);
    }
}

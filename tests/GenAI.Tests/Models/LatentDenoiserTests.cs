using GenAI.Diffusion;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class LatentDenoiserTests
{
    [Fact]
    public void PredictsNoiseOfTheLatentsShapeAndUsesStepAndClass()
    {
        using var model = new LatentDenoiser(new LatentDenoiserConfig(LatentDim: 6, HiddenDim: 16, Layers: 2, ClassCount: 3));
        using var z = randn(1, 6).expand(2, 6);
        using var same = model.call(z, tensor(new long[] { 4, 4 }));
        using var other = model.call(z, tensor(new long[] { 4, 40 }));
        Assert.Equal(new long[] { 2, 6 }, same.shape);
        Assert.True(same[0].allclose(same[1], atol: 1e-6));
        Assert.False(other[0].allclose(other[1], atol: 1e-6), "another step, another prediction");
        using var labelled = model.PredictNoise(z, tensor(new long[] { 4, 4 }), tensor(new long[] { 3, 1 }));
        Assert.True(labelled[0].allclose(same[0], atol: 1e-6), "label 3 is the null class, as no label");
        Assert.False(labelled[1].allclose(same[1], atol: 1e-6), "a class changes the prediction");
    }

    [Fact]
    public void TrainsWithTheSameLoopAsTheUNet()
    {
        using var _ = NewDisposeScope();
        var generator = new Generator(11);
        var model = new LatentDenoiser(new LatentDenoiserConfig(LatentDim: 4, HiddenDim: 32, Layers: 2));
        // Latents on two points: the noise is predictable once the network knows the two points
        var codes = cat(new[] { full(new long[] { 64, 4 }, 1f), full(new long[] { 64, 4 }, -1f) });
        var losses = DiffusionTraining.Train(model, NoiseSchedule.Cosine(50), codes, new DiffusionTrainingOptions(Steps: 150, BatchSize: 32, LearningRate: 3e-3), generator: generator);
        double first = losses.Take(10).Average(), last = losses.TakeLast(20).Average();
        Assert.True(last < 0.7 * first, $"loss {first:F3} -> {last:F3}");
    }

    [Fact]
    public void TheConfigAndTheInputsAreChecked()
    {
        Assert.Contains("HiddenDim must be even", Assert.Throws<ArgumentException>(() => new LatentDenoiser(new LatentDenoiserConfig(LatentDim: 2, HiddenDim: 7))).Message);
        using var model = new LatentDenoiser(new LatentDenoiserConfig(LatentDim: 2, HiddenDim: 8));
        using var z = zeros(3, 5);
        using var t = zeros(3, dtype: ScalarType.Int64);
        Assert.Contains("[N, 2]; got [3, 5]", Assert.Throws<ArgumentException>(() => model.call(z, t)).Message);
    }
}

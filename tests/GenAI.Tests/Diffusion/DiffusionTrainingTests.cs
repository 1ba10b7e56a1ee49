using GenAI.Diffusion;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Diffusion;

public class DiffusionTrainingTests
{
    [Fact]
    public void TheLossOfAZeroPredictorIsTheMeanSquareOfTheNoise()
    {
        var schedule = NoiseSchedule.Cosine(20);
        using var x0 = ones(4, 1, 3, 3);
        using var loss = DiffusionTraining.NoisePredictionLoss((xt, t, y) => zeros_like(xt), schedule, x0, generator: new Generator(4));
        var replay = new Generator(4);
        using var t = randint(0, 20, new long[] { 4 }, dtype: ScalarType.Int64, generator: replay);
        using var noise = randn(new long[] { 4, 1, 3, 3 }, generator: replay);
        Assert.Equal(noise.square().mean().item<float>(), loss.item<float>(), 5);
    }

    [Fact]
    public void DropLabelsReplacesAllOrNone()
    {
        using var labels = arange(10, dtype: ScalarType.Int64);
        using var none = DiffusionTraining.DropLabels(labels, 0, 10, new Generator(1));
        using var all = DiffusionTraining.DropLabels(labels, 1, 10, new Generator(1));
        Assert.True(none.eq(labels).all().item<bool>());
        Assert.True(all.eq(10).all().item<bool>());
        using var many = zeros(20000, dtype: ScalarType.Int64);
        using var some = DiffusionTraining.DropLabels(many, 0.1, 10, new Generator(1));
        double share = some.eq(10).to_type(ScalarType.Float32).mean().item<float>();
        Assert.InRange(share, 0.09, 0.11);   // 0.1 ± 4.7 standard errors
    }

    [Fact]
    public void TrainingLowersTheLossOnOneRepeatedImage()
    {
        using var _ = NewDisposeScope();
        var generator = new Generator(7);
        var model = new UNet(new UNetConfig(ModelDim: 8, ChannelMultipliers: new[] { 1, 2 }, Groups: 4));
        var images = (rand(new long[] { 1, 1, 8, 8 }, generator: generator) * 2 - 1).expand(32, 1, 8, 8).contiguous();
        var losses = DiffusionTraining.Train(model, NoiseSchedule.Cosine(50), images, new DiffusionTrainingOptions(Steps: 60, BatchSize: 16, LearningRate: 3e-3), generator: generator);
        Assert.Equal(60, losses.Count);
        double first = losses.Take(10).Average(), last = losses.TakeLast(10).Average();
        Assert.True(last < 0.6 * first, $"loss {first:F3} -> {last:F3}: {string.Join(", ", losses.Select(l => l.ToString("F3")))}");
    }

    [Fact]
    public void MaxGradientNormClipsTheGradientOfEveryStep()
    {
        using var _ = NewDisposeScope();
        double LastGradientNorm(double? maxNorm)
        {
            manual_seed(3);
            var model = new LatentDenoiser(new LatentDenoiserConfig(LatentDim: 4, HiddenDim: 16, Layers: 1));
            var codes = randn(new long[] { 32, 4 }, generator: new Generator(5));
            DiffusionTraining.Train(model, NoiseSchedule.Cosine(20), codes, new DiffusionTrainingOptions(Steps: 3, BatchSize: 8, MaxGradientNorm: maxNorm), generator: new Generator(6));
            // the gradients of the last step are still on the parameters, after clipping
            return Math.Sqrt(model.parameters().Sum(p => p.grad!.pow(2).sum().item<float>()));
        }
        Assert.True(LastGradientNorm(null) > 0.01);
        Assert.InRange(LastGradientNorm(0.001), 0.0009, 0.001 + 1e-6);
        Assert.Contains("MaxGradientNorm must be positive", Assert.Throws<ArgumentException>(() => new DiffusionTrainingOptions(MaxGradientNorm: 0).Validate()).Message);
    }

    [Fact]
    public void OptionsAndInputsAreChecked()
    {
        Assert.Contains("LabelDropout must lie in [0, 1]; got 2", Assert.Throws<ArgumentException>(() => new DiffusionTrainingOptions(LabelDropout: 2).Validate()).Message);
        using var model = new UNet(new UNetConfig(ModelDim: 8, ChannelMultipliers: new[] { 1 }, Groups: 4));
        using var images = zeros(4, 1, 8, 8);
        using var labels = zeros(4, dtype: ScalarType.Int64);
        Assert.Contains("ClassCount = 0", Assert.Throws<ArgumentException>(() => DiffusionTraining.Train(model, NoiseSchedule.Cosine(5), images, new DiffusionTrainingOptions(Steps: 1), labels)).Message);
    }
}

using GenAI.Diffusion;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Diffusion;

public class SamplerTests
{
    // If all the data is one image x*, the best noise prediction is exact: eps = (x_t - sqrt(alphaBar_t) x*) / sqrt(1 - alphaBar_t).
    static NoisePredictor Oracle(NoiseSchedule schedule, Tensor target) => (xt, t) =>
    {
        var alphaBar = tensor(schedule.AlphaBars.ToArray(), dtype: xt.dtype).index_select(0, t).view(-1, 1, 1, 1);
        return (xt - alphaBar.sqrt() * target) / (1 - alphaBar).sqrt();
    };

    static Tensor Target() => tensor(new float[] { 0.5f, -0.25f, 0.9f, -0.8f }).view(1, 1, 2, 2);

    [Theory]
    [InlineData("linear")]
    [InlineData("cosine")]
    public void DdpmRecoversTheOnlyImageFromAnExactNoisePredictor(string kind)
    {
        var schedule = kind == "linear" ? NoiseSchedule.LinearScaled(50) : NoiseSchedule.Cosine(50);
        using var target = Target();
        using var result = new DdpmSampler(schedule).Sample(Oracle(schedule, target), new long[] { 3, 1, 2, 2 }, new Generator(1), snapshotEvery: 10);
        Assert.True(result.Samples.allclose(target.expand(3, 1, 2, 2), atol: 1e-4), $"got {result.Samples.flatten().ToString(TorchSharp.TensorStringStyle.Julia)}");
        Assert.Equal(new[] { 40, 30, 20, 10, 0 }, result.Snapshots.Select(s => s.Step).ToArray());
        Assert.True(result.Snapshots[^1].Images.eq(result.Samples).all().item<bool>(), "the last snapshot is x_0");
        Assert.False(result.Snapshots[0].Images.allclose(result.Samples, atol: 1e-3), "the first snapshot is still noisy");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    public void DdimRecoversTheOnlyImageWithAnyNumberOfSteps(int steps)
    {
        var schedule = NoiseSchedule.Cosine(50);
        using var target = Target();
        using var result = new DdimSampler(schedule, steps).Sample(Oracle(schedule, target), new long[] { 2, 1, 2, 2 }, new Generator(2), snapshotEvery: 1);
        Assert.True(result.Samples.allclose(target.expand(2, 1, 2, 2), atol: 1e-4), $"got {result.Samples.flatten().ToString(TorchSharp.TensorStringStyle.Julia)}");
        Assert.Equal(steps, result.Snapshots.Count);
        Assert.True(result.Snapshots[^1].Images.eq(result.Samples).all().item<bool>(), "the last snapshot is x_0");
    }

    [Fact]
    public void DdimVisitsEvenlySpacedStepsFromTheNoisiest()
    {
        var sampler = new DdimSampler(NoiseSchedule.Cosine(100), 5);
        Assert.Equal(new[] { 99, 74, 50, 25, 0 }, sampler.Timesteps);
        Assert.Equal(Enumerable.Range(0, 10).Reverse(), new DdimSampler(NoiseSchedule.Cosine(10), 10).Timesteps);
    }

    // A predictor that is not exact (a fixed linear map), so the samplers' arithmetic matters.
    static Tensor Shrink(Tensor xt, Tensor t) => 0.3 * xt + 0.01 * t.to_type(ScalarType.Float32).view(-1, 1, 1, 1);

    [Fact]
    public void DdimWithEtaZeroIsDeterministicGivenTheStartingNoise()
    {
        var schedule = NoiseSchedule.LinearScaled(40);
        var sampler = new DdimSampler(schedule, 10, eta: 0);
        using var xT = randn(new long[] { 2, 1, 3, 3 }, generator: new Generator(5));
        using var a = sampler.SampleFrom(Shrink, xT.clone(), new Generator(10));
        using var b = sampler.SampleFrom(Shrink, xT.clone(), new Generator(999));
        Assert.True(a.Samples.eq(b.Samples).all().item<bool>(), "eta = 0 must ignore the generator");
        using var c = new DdimSampler(schedule, 10, eta: 1).SampleFrom(Shrink, xT.clone(), new Generator(10));
        using var d = new DdimSampler(schedule, 10, eta: 1).SampleFrom(Shrink, xT.clone(), new Generator(999));
        Assert.False(c.Samples.allclose(d.Samples), "eta = 1 adds fresh noise");
    }

    [Fact]
    public void DdpmStepMatchesThePapersUpdateWithoutClipping()
    {
        // One step (T = 1 is not enough to test the noise; T = 2 leaves noise at the first of the two steps).
        // With no clipping, x_{t-1} = 1/sqrt(alpha_t) (x_t - beta_t / sqrt(1 - alphaBar_t) eps) + sigma_t z.
        var schedule = NoiseSchedule.Cosine(2);
        var generator = new Generator(3);
        using var result = new DdpmSampler(schedule, clipSample: null).Sample(Shrink, new long[] { 1, 1, 2, 2 }, generator);
        var replay = new Generator(3);
        var x = randn(new long[] { 1, 1, 2, 2 }, generator: replay);
        for (int t = 1; t >= 0; t--)
        {
            var eps = Shrink(x, full(1, t, dtype: ScalarType.Int64));
            double alpha = schedule.Alphas[t], beta = schedule.Betas[t], alphaBar = schedule.AlphaBars[t];
            x = (x - beta / Math.Sqrt(1 - alphaBar) * eps) / Math.Sqrt(alpha);
            if (t > 0) x = x + Math.Sqrt(schedule.PosteriorVariances()[t]) * randn(new long[] { 1, 1, 2, 2 }, generator: replay);
        }
        Assert.True(result.Samples.allclose(x, atol: 1e-5), $"sampler {result.Samples.flatten().ToString(TorchSharp.TensorStringStyle.Julia)} vs paper {x.flatten().ToString(TorchSharp.TensorStringStyle.Julia)}");
    }

    [Fact]
    public void GuidanceCombinesTheTwoPredictions()
    {
        using var u = tensor(new float[] { 1, 2 });
        using var c = tensor(new float[] { 3, 1 });
        using var guided = ClassifierFreeGuidance.Combine(u, c, 2);
        Assert.Equal(new float[] { 5, 0 }, guided.data<float>().ToArray());   // 1 + 2(3-1), 2 + 2(1-2)
        // Through Guide: a fake network that predicts the label everywhere; the null class (10) gives 10
        using var labels = tensor(new long[] { 2, 7 });
        var predictor = ClassifierFreeGuidance.Guide((xt, t, y) => y.to_type(ScalarType.Float32).view(-1, 1).expand(xt.shape[0], 3), labels, 0.5, 10);
        using var x = zeros(2, 3);
        using var steps = zeros(2, dtype: ScalarType.Int64);
        using var eps = predictor(x, steps);
        Assert.True(eps.allclose(tensor(new float[] { 6, 6, 6, 8.5f, 8.5f, 8.5f }).view(2, 3)), eps.ToString(TorchSharp.TensorStringStyle.Julia));   // 10 + 0.5 (y - 10)
    }

    [Fact]
    public void BadArgumentsAreRejectedWithTheirNames()
    {
        var schedule = NoiseSchedule.Cosine(10);
        Assert.Contains("steps must lie in 1 .. T = 10; got 11", Assert.Throws<ArgumentException>(() => new DdimSampler(schedule, 11)).Message);
        Assert.Contains("eta must be at least 0; got -1", Assert.Throws<ArgumentException>(() => new DdimSampler(schedule, 5, eta: -1)).Message);
        Assert.Contains("clipSample must be positive", Assert.Throws<ArgumentException>(() => new DdpmSampler(schedule, 0)).Message);
        Assert.Contains("got [3]", Assert.Throws<ArgumentException>(() => new DdpmSampler(schedule).Sample(Shrink, new long[] { 3 })).Message);
        using var floatLabels = zeros(2);
        Assert.Contains("int64 labels", Assert.Throws<ArgumentException>(() => ClassifierFreeGuidance.Guide((x, t, y) => x, floatLabels, 1, 10)).Message);
    }
}

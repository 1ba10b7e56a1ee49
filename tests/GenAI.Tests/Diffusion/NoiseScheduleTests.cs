using System.Text.Json;
using GenAI.Diffusion;
using static TorchSharp.torch;

namespace GenAI.Tests.Diffusion;

public class NoiseScheduleTests
{
    static readonly JsonElement Reference = ReferenceFixture.Load("Diffusion", "schedule_reference.json");

    static double[] Values(string schedule, string field) =>
        Reference.GetProperty(schedule).GetProperty(field).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }

    public static IEnumerable<object[]> Schedules() => new[]
    {
        new object[] { "linear_1000" }, new object[] { "linear_scaled_50" }, new object[] { "cosine_10" }, new object[] { "cosine_1000" },
    };

    static NoiseSchedule Make(string name) => name switch
    {
        "linear_1000" => NoiseSchedule.Linear(1000),
        "linear_scaled_50" => NoiseSchedule.LinearScaled(50),
        "cosine_10" => NoiseSchedule.Cosine(10),
        "cosine_1000" => NoiseSchedule.Cosine(1000),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void BetasAlphasAndAlphaBarsMatchThePapersFormulas(string name)
    {
        var schedule = Make(name);
        AssertClose(Values(name, "betas"), schedule.Betas, 1e-12, "beta");
        AssertClose(Values(name, "alphas"), schedule.Alphas, 1e-12, "alpha");
        AssertClose(Values(name, "alpha_bars"), schedule.AlphaBars, 1e-10, "alphaBar");
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void PosteriorVarianceAndMeanCoefficientsMatchThePapersFormulas(string name)
    {
        var schedule = Make(name);
        var (c0, ct) = schedule.PosteriorCoefficients();
        AssertClose(Values(name, "posterior_variance"), schedule.PosteriorVariances(), 1e-10, "betaTilde");
        AssertClose(Values(name, "posterior_mean_coef_x0"), c0, 1e-10, "x0 coefficient");
        AssertClose(Values(name, "posterior_mean_coef_xt"), ct, 1e-10, "xt coefficient");
    }

    [Fact]
    public void TheLinearScheduleSpansDdpmsRangeAndTheFirstPosteriorVarianceIsZero()
    {
        var schedule = NoiseSchedule.Linear(1000);
        Assert.Equal(1e-4, schedule.Betas[0], 12);
        Assert.Equal(0.02, schedule.Betas[^1], 12);
        Assert.Equal(0.0, schedule.PosteriorVariances()[0]);
        Assert.True(schedule.AlphaBars[^1] < 1e-4, $"alphaBar_T = {schedule.AlphaBars[^1]}");
    }

    static Tensor Worked(string field) =>
        tensor(Reference.GetProperty("worked").GetProperty(field).EnumerateArray()
            .SelectMany(row => row.EnumerateArray().Select(e => e.GetDouble())).ToArray(), dtype: ScalarType.Float64).view(3, 4);

    [Fact]
    public void TheJumpAndThePosteriorMeanMatchTheWorkedExample()
    {
        var schedule = NoiseSchedule.Cosine(10);
        using var x0 = Worked("x0");
        using var noise = Worked("noise");
        using var t = tensor(new long[] { 0, 5, 9 });
        using var xt = schedule.AddNoise(x0, noise, t);
        using var expectedXt = Worked("xt");
        Assert.True(xt.allclose(expectedXt, rtol: 1e-10, atol: 1e-12), "x_t");
        using var mean = schedule.PosteriorMean(x0, xt, t);
        using var expectedMean = Worked("posterior_mean");
        Assert.True(mean.allclose(expectedMean, rtol: 1e-10, atol: 1e-12), "posterior mean");
        // PredictX0 inverts the jump when given the true noise
        using var back = schedule.PredictX0(xt, noise, t);
        Assert.True(back.allclose(x0, rtol: 1e-8, atol: 1e-10), "x0 from x_t and eps");
    }

    [Fact]
    public void BadArgumentsAreRejectedWithTheirNames()
    {
        Assert.Contains("T must be at least 1; got 0", Assert.Throws<ArgumentException>(() => NoiseSchedule.Cosine(0)).Message);
        Assert.Contains("beta[1] = 1.5", Assert.Throws<ArgumentException>(() => new NoiseSchedule(new[] { 0.1, 1.5 })).Message);
        var schedule = NoiseSchedule.Cosine(10);
        using var x0 = zeros(2, 3);
        using var noise = zeros(2, 3);
        using var wrongNoise = zeros(2, 4);
        using var late = tensor(new long[] { 3, 10 });
        using var asFloat = tensor(new float[] { 3, 1 });
        using var tooMany = tensor(new long[] { 1, 2, 3 });
        Assert.Contains("0 .. 9 (T = 10); got values from 3 to 10", Assert.Throws<ArgumentException>(() => schedule.AddNoise(x0, noise, late)).Message);
        Assert.Contains("must be int64; got Float32", Assert.Throws<ArgumentException>(() => schedule.AddNoise(x0, noise, asFloat)).Message);
        Assert.Contains("shape [2]; got [3]", Assert.Throws<ArgumentException>(() => schedule.AddNoise(x0, noise, tooMany)).Message);
        Assert.Contains("got [2, 4]", Assert.Throws<ArgumentException>(() => schedule.AddNoise(x0, wrongNoise, tooMany)).Message);
    }
}

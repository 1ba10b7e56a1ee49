using GenAI.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Tests.Training;

public class LearningRateScheduleTests
{
    /// <summary>The learning rates a torch.optim scheduler sets for steps 0..steps-1 (read before each scheduler.step()).</summary>
    static double[] TorchRates(double initial, Func<optim.Optimizer, optim.lr_scheduler.LRScheduler> make, int steps)
    {
        var p = new Parameter(zeros(1));
        var optimizer = optim.SGD([p], initial);
        var scheduler = make(optimizer);
        var rates = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            rates[t] = optimizer.ParamGroups.First().LearningRate;
            optimizer.step();
            scheduler.step();
        }
        return rates;
    }

    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-9, $"step {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Fact]
    public void TimeBasedDecayByHand()
    {
        // η_0 = 0.1, k = 0.5: 0.1, 0.1/1.5, 0.1/2, 0.1/2.5
        AssertClose([0.1, 0.1 / 1.5, 0.05, 0.04], new TimeBasedDecay(0.1, 0.5).Take(4));
    }

    [Fact]
    public void StepDecayByHandAndAgainstStepLR()
    {
        // η_0 = 1, every 3 steps × 0.5: 1 1 1 .5 .5 .5 .25
        AssertClose([1, 1, 1, 0.5, 0.5, 0.5, 0.25], new StepDecay(1, 3, 0.5).Take(7));
        AssertClose(TorchRates(0.2, o => optim.lr_scheduler.StepLR(o, 4, 0.3), 20), new StepDecay(0.2, 4, 0.3).Take(20));
    }

    [Fact]
    public void ExponentialDecayByHandAndAgainstExponentialLR()
    {
        AssertClose([1, 0.9, 0.81, 0.729], new ExponentialDecay(1, 0.9).Take(4));
        AssertClose(TorchRates(0.05, o => optim.lr_scheduler.ExponentialLR(o, 0.95), 20), new ExponentialDecay(0.05, 0.95).Take(20));
    }

    [Fact]
    public void CosineAnnealingByHandAndAgainstCosineAnnealingLR()
    {
        // T = 4, η_0 = 1, η_min = 0: (1 + cos(πt/4))/2 = 1, (1 + √2/2)/2, 1/2, (1 - √2/2)/2, then 0
        double r = Math.Sqrt(2) / 2;
        AssertClose([1, (1 + r) / 2, 0.5, (1 - r) / 2, 0], new CosineAnnealing(1, 4).Take(5));
        AssertClose(TorchRates(0.1, o => optim.lr_scheduler.CosineAnnealingLR(o, 15, 0.01), 16), new CosineAnnealing(0.1, 15, 0.01).Take(16));
    }

    [Fact]
    public void LinearWarmupByHandAndAgainstLinearLR()
    {
        // Peak 1, W = 4, start factor 0.2: 0.2, 0.4, 0.6, 0.8, then 1
        AssertClose([0.2, 0.4, 0.6, 0.8, 1, 1], new LinearWarmup(1, 4, 0.2).Take(6));
        AssertClose(TorchRates(0.3, o => optim.lr_scheduler.LinearLR(o, 0.1, 1.0, 10), 14), new LinearWarmup(0.3, 10, 0.1).Take(14));
    }

    [Fact]
    public void WarmupThenCosineHandsOverAtTheEndOfWarmup()
    {
        var schedule = new LinearWarmup(1, 2, 0.5, Then: new CosineAnnealing(1, 2));
        AssertClose([0.5, 0.75, 1, 0.5, 0], schedule.Take(5));
    }

    [Fact]
    public void NegativeStepIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(1, 0.9).At(-1));
        Assert.Equal("step", e.ParamName);
    }
}

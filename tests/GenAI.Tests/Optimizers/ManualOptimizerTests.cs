using GenAI.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Tests.Optimizers;

/// <summary>
/// Each hand-written optimiser against TorchSharp's torch.optim class with the same settings: the
/// same starting weights, the same problem, twelve steps, the weights compared after every step.
/// </summary>
public class ManualOptimizerTests
{
    const int Steps = 12;

    // A small least-squares problem with a tanh in it, so gradients change from step to step.
    static readonly Tensor X = tensor(Enumerable.Range(0, 24).Select(i => Math.Sin(1.3 * i)).ToArray(), [8, 3]).DetachFromDisposeScope();
    static readonly Tensor Y = tensor(Enumerable.Range(0, 16).Select(i => Math.Cos(0.7 * i)).ToArray(), [8, 2]).DetachFromDisposeScope();

    static Parameter[] Start() =>
    [
        new Parameter(tensor(new double[] { 0.5, -0.3, 0.8, 0.1, -0.6, 0.4 }, [3, 2])),
        new Parameter(tensor(new double[] { 0.05, -0.02 })),
    ];

    static Tensor Loss(Parameter[] p) => (X.mm(p[0]).tanh() + p[1] - Y).square().mean();

    static void AssertSameEveryStep(Func<Parameter[], ManualOptimizer> manual, Func<Parameter[], optim.Optimizer> reference)
    {
        var mine = Start();
        var theirs = Start();
        using var byHand = manual(mine);
        using var library = reference(theirs);
        for (int step = 1; step <= Steps; step++)
        {
            byHand.ZeroGrad();
            Loss(mine).backward();
            byHand.Step();
            library.zero_grad();
            Loss(theirs).backward();
            library.step();
            for (int i = 0; i < mine.Length; i++)
            {
                double difference = (mine[i] - theirs[i]).abs().max().item<double>();
                Assert.True(difference < 1e-6, $"step {step}, parameter {i}: differs from torch.optim by {difference}");
            }
        }
        // The weights really moved, so agreement is not two optimisers that both did nothing.
        Assert.True((mine[0] - Start()[0]).abs().max().item<double>() > 1e-3);
        Assert.Equal(Steps, byHand.StepCount);
    }

    [Fact]
    public void SgdMatchesTorchOptimSgd() =>
        AssertSameEveryStep(p => new ManualSgd(p, 0.1), p => optim.SGD(p, 0.1));

    [Fact]
    public void SgdWithWeightDecayMatchesTorchOptimSgd() =>
        AssertSameEveryStep(p => new ManualSgd(p, 0.1, weightDecay: 0.05), p => optim.SGD(p, 0.1, weight_decay: 0.05));

    [Fact]
    public void MomentumMatchesTorchOptimSgdWithMomentum() =>
        AssertSameEveryStep(p => new ManualMomentum(p, 0.05, 0.9, weightDecay: 0.01), p => optim.SGD(p, 0.05, momentum: 0.9, weight_decay: 0.01));

    [Fact]
    public void AdagradMatchesTorchOptimAdagrad() =>
        AssertSameEveryStep(p => new ManualAdagrad(p, 0.1, weightDecay: 0.01), p => optim.Adagrad(p, 0.1, weight_decay: 0.01));

    [Fact]
    public void RmsPropMatchesTorchOptimRmsProp() =>
        AssertSameEveryStep(p => new ManualRmsProp(p, 0.01, 0.9, weightDecay: 0.01), p => optim.RMSProp(p, 0.01, alpha: 0.9, weight_decay: 0.01));

    [Fact]
    public void AdamMatchesTorchOptimAdam() =>
        AssertSameEveryStep(p => new ManualAdam(p, 0.05, 0.9, 0.99, weightDecay: 0.01), p => optim.Adam(p, 0.05, 0.9, 0.99, weight_decay: 0.01));

    [Fact]
    public void AdamWMatchesTorchOptimAdamW() =>
        AssertSameEveryStep(p => new ManualAdamW(p, 0.05, 0.9, 0.99, weightDecay: 0.1), p => optim.AdamW(p, 0.05, 0.9, 0.99, weight_decay: 0.1));

    [Fact]
    public void FirstStepsByHand()
    {
        // L(θ) = θ², g = 2θ, from θ = 1 with η = 0.1.
        // SGD:      θ1 = 1 - 0.1·2 = 0.8
        // Momentum: b1 = 2, θ1 = 0.8; g2 = 1.6, b2 = 0.9·2 + 1.6 = 3.4, θ2 = 0.8 - 0.34 = 0.46
        // Adam:     m̂1 = g, v̂1 = g², so θ1 = 1 - 0.1·g/|g| = 0.9 (up to ε): the first step has length η whatever g
        static double Run(Func<Tensor[], ManualOptimizer> make, int steps)
        {
            var theta = tensor(1.0).requires_grad_(true);
            using var optimizer = make([theta]);
            for (int i = 0; i < steps; i++)
            {
                optimizer.ZeroGrad();
                theta.square().backward();
                optimizer.Step();
            }
            return theta.item<double>();
        }
        Assert.Equal(0.8, Run(p => new ManualSgd(p, 0.1), 1), 12);
        Assert.Equal(0.46, Run(p => new ManualMomentum(p, 0.1, 0.9), 2), 12);
        Assert.Equal(0.9, Run(p => new ManualAdam(p, 0.1), 1), 6);
        // Adagrad: s1 = 4, θ1 = 1 - 0.1·2/2 = 0.9
        Assert.Equal(0.9, Run(p => new ManualAdagrad(p, 0.1), 1), 8);
    }

    [Fact]
    public void ATensorThatNeedsNoGradientIsRejected()
    {
        var frozen = zeros(2, 3);
        var e = Assert.Throws<ArgumentException>(() => new ManualSgd([frozen], 0.1));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("does not require gradients", e.Message);
    }

    [Fact]
    public void NonPositiveLearningRateIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ManualAdam([zeros(2).requires_grad_(true)], learningRate: 0));
        Assert.Equal("learningRate", e.ParamName);
    }
}

// Learning-rate schedules follow PyTorch's sequence, step by step, starting from the
// rate set at construction (epoch 0).
using TorchSharp;
using static TorchSharp.torch;
using static GenAI.Torch.Tests.NN.NNFixtures;
using Sched = TorchSharp.torch.optim.lr_scheduler;

namespace GenAI.Torch.Tests.Optim;

public class LRSchedulerTests
{
    private static Sched.LRScheduler Make(string name, optim.Optimizer o) => name switch
    {
        "step_3_0.5" => Sched.StepLR(o, 3, gamma: 0.5),
        "exponential_0.9" => Sched.ExponentialLR(o, 0.9),
        "cosine_5_0.01" => Sched.CosineAnnealingLR(o, 5, eta_min: 0.01),
        "cosine_10" => Sched.CosineAnnealingLR(o, 10),
        "lambda_0.95_pow" => Sched.LambdaLR(o, e => Math.Pow(0.95, e)),
        "linear_0.25_4" => Sched.LinearLR(o, start_factor: 0.25, total_iters: 4),
        "linear_1_0.1_5" => Sched.LinearLR(o, start_factor: 1.0, end_factor: 0.1, total_iters: 5),
        "multistep_2_5_0.5" => Sched.MultiStepLR(o, new[] { 2, 5 }, gamma: 0.5),
        "constant_0.5_3" => Sched.ConstantLR(o, factor: 0.5, total_iters: 3),
        "warmup3_then_cosine8" => Sched.SequentialLR(o,
            new[] { Sched.LinearLR(o, start_factor: 0.1, total_iters: 3), Sched.CosineAnnealingLR(o, 8, eta_min: 0.001) }, new[] { 3 }),
        "chained_exp_step" => Sched.ChainedLR(new[] { Sched.ExponentialLR(o, 0.9), Sched.StepLR(o, 4, gamma: 0.5) }),
        _ => throw new ArgumentException(name),
    };

    public static IEnumerable<object[]> Names() => Get("lr_schedulers").EnumerateObject().Select(p => new object[] { p.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Sequence_matches_pytorch(string name)
    {
        var expected = Get("lr_schedulers", name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        using var p = nn.Parameter(torch.zeros(1));
        using var opt = optim.SGD(new[] { p }, 0.1);
        var sched = Make(name, opt);
        var seen = new List<double> { sched.get_last_lr().Single() };
        for (int k = 0; k < expected.Length - 1; k++)
        {
            opt.step();
            sched.step();
            seen.Add(sched.get_last_lr().Single());
            Assert.Equal(seen[^1], opt.ParamGroups.Single().LearningRate);
        }
        for (int k = 0; k < expected.Length; k++)
            AssertClose(expected[k], seen[k], 1e-12, $"{name} epoch {k}");
    }

    [Fact]
    public void Warm_up_then_step_decay_by_hand()
    {
        using var p = nn.Parameter(torch.zeros(1));
        using var opt = optim.Adam(new[] { p }, lr: 1.0);
        var warm = Sched.LinearLR(opt, start_factor: 0.5, total_iters: 2);
        // 0.5 at epoch 0, 0.75 at epoch 1, 1.0 from epoch 2 on
        Assert.Equal(0.5, warm.get_last_lr().Single(), 12);
        warm.step();
        Assert.Equal(0.75, warm.get_last_lr().Single(), 12);
        warm.step();
        warm.step();
        Assert.Equal(1.0, warm.get_last_lr().Single(), 12);
    }
}

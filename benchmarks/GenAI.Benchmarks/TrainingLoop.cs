using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Benchmarks;

/// <summary>Times optimizer steps the way a course notebook runs them: one dispose scope per step.</summary>
static class TrainingLoop
{
    public static double StepsPerSecond(optim.Optimizer optimizer, Func<Tensor> loss, int steps, int warmup)
    {
        for (var i = 0; i < warmup; i++) Step(optimizer, loss);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) Step(optimizer, loss);
        return steps / clock.Elapsed.TotalSeconds;
    }

    static void Step(optim.Optimizer optimizer, Func<Tensor> loss)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        loss().backward();
        optimizer.step();
    }
}

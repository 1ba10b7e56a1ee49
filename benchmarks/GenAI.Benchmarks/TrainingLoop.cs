using System.Diagnostics;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Benchmarks;

/// <summary>
/// Times the course's own training loop, <see cref="Trainer"/>, as the notebooks run it: per step a
/// dispose scope, zero_grad, the loss, reading the loss back as a double (the NaN guard), backward,
/// the optimiser step. benchmarks/python/bench.py's <c>trainer_steps_per_second</c> does the same.
/// </summary>
static class TrainingLoop
{
    public static double StepsPerSecond(nn.Module model, optim.Optimizer optimizer, Func<Tensor> loss, int steps, int warmup)
    {
        // Warm-up steps outside the clock: the optimiser allocates its moment buffers on the first
        // step and libtorch fills its kernel caches, on both sides.
        Run(model, optimizer, loss, warmup);
        var clock = Stopwatch.StartNew();
        Run(model, optimizer, loss, steps);
        return steps / clock.Elapsed.TotalSeconds;
    }

    // EvalEvery = steps: one history entry at the end, no validation, nothing printed (Quiet).
    static void Run(nn.Module model, optim.Optimizer optimizer, Func<Tensor> loss, int steps) =>
        new Trainer(model, optimizer, new TrainingOptions(Steps: steps, EvalEvery: steps, Quiet: true)).Run(loss);
}

using System.Diagnostics;
using TorchSharp;

namespace GenAI.Benchmarks;

/// <summary>
/// Per-op overhead: `a + b` on 16 floats, so the kernel costs next to nothing and the time is the
/// binding's and libtorch's dispatch (argument marshalling, the result's handle, freeing it).
/// Two ways of freeing the results, because they cost differently in TorchSharp:
///   add16        each result disposed at once (`using`), as Python frees `c` when it is rebound;
///   add16-scope  results left to a dispose scope per 100 ops, the way a training step frees its
///                temporaries (the scope's bookkeeping and the freeing at its end are timed). A
///                step's scope holds tens of tensors (12 for the MLP language model's), not thousands.
/// The Python side has one loop for both (it has no dispose scopes).
/// </summary>
static class SmallOpBenchmark
{
    const int OpsPerScope = 100;
    const int Ops = 200_000;

    public static double MicrosecondsPerOpDisposed(double scale)
    {
        var ops = Count(scale);
        using var a = torch.rand(16);
        using var b = torch.rand(16);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < ops; i++)
        {
            using var c = a + b;
        }
        return clock.Elapsed.TotalMicroseconds / ops;
    }

    public static double MicrosecondsPerOpInScope(double scale)
    {
        var scopes = Count(scale) / OpsPerScope;
        using var a = torch.rand(16);
        using var b = torch.rand(16);
        var clock = Stopwatch.StartNew();
        for (var s = 0; s < scopes; s++)
        {
            using var scope = torch.NewDisposeScope();
            for (var i = 0; i < OpsPerScope; i++)
                _ = a + b;
        }
        return clock.Elapsed.TotalMicroseconds / ((double)scopes * OpsPerScope);
    }

    // A whole number of scopes, at least one.
    static int Count(double scale) => Math.Max(1, (int)(Ops / OpsPerScope * scale)) * OpsPerScope;
}

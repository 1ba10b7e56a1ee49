using System.Diagnostics;
using TorchSharp;

namespace GenAI.Benchmarks;

/// <summary>
/// Per-op overhead: `a + b` on 16 floats, so the kernel costs next to nothing and the time is
/// the binding's (argument marshalling, handle creation, dispose-scope bookkeeping, freeing).
/// The ops run in dispose scopes of 1 000, the way a training step frees its temporaries, and
/// the freeing at the end of each scope is part of the time.
/// </summary>
static class SmallOpBenchmark
{
    const int OpsPerScope = 1_000;

    public static double MicrosecondsPerOp(double scale)
    {
        var scopes = Math.Max(1, (int)(200 * scale));
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
}

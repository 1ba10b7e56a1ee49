using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Benchmarks;

/// <summary>Single-precision square matrix product (a @ b), the machine's sgemm rate.</summary>
static class SgemmBenchmark
{
    /// <summary>GFLOP/s of one n x n by n x n product, best of a few (2 n^3 floating-point operations).</summary>
    public static double Gflops(int n, int products = 5)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n);
        var b = randn(n, n);
        for (var i = 0; i < 2; i++) a.mm(b).Dispose();
        var best = double.MaxValue;
        for (var i = 0; i < products; i++)
        {
            var watch = Stopwatch.StartNew();
            a.mm(b).Dispose();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / best / 1e9;
    }
}

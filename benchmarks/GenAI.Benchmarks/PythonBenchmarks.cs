using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GenAI.Benchmarks;

/// <summary>Runs benchmarks/python/bench.py (the same workloads in PyTorch) and reads its JSON lines.</summary>
static class PythonBenchmarks
{
    /// <summary>One run's values by benchmark name, and what the Python side ran on.</summary>
    public sealed record Results(Dictionary<string, double> Values, string Torch, string Blas, int Threads);

    /// <summary>
    /// Whether the BLAS file bench.py found mapped is Debian's reference (netlib) BLAS,
    /// /usr/lib/x86_64-linux-gnu/blas/libblas.so.3, rather than OpenBLAS or another optimised one.
    /// </summary>
    public static bool IsReferenceBlas(string blas) =>
        blas.Contains("/blas/libblas.so", StringComparison.Ordinal) || blas.EndsWith("/libblas.so.3.11.0", StringComparison.Ordinal);

    /// <summary>One run of each named benchmark in a fresh interpreter.</summary>
    public static Results Run(string python, string script, IEnumerable<string> names, double scale)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--repeats", "1", "--scale", scale.ToString(CultureInfo.InvariantCulture) }.Concat(names))
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {python}.");
        var errors = process.StandardError.ReadToEndAsync();
        var values = new Dictionary<string, double>();
        var (torch, blas, threads) = ("", "", 0);
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var row = JsonDocument.Parse(line);
            var root = row.RootElement;
            values[root.GetProperty("name").GetString()!] = root.GetProperty("value").GetDouble();
            (torch, blas, threads) = (root.GetProperty("torch").GetString()!, root.GetProperty("blas").GetString()!, root.GetProperty("threads").GetInt32());
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{python} {script} failed with exit code {process.ExitCode} (it needs Debian's python3-torch: apt-get install python3-torch):\n{errors.Result}");
        return new Results(values, torch, blas, threads);
    }
}

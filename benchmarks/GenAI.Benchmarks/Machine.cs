using System.Globalization;
using TorchSharp;

namespace GenAI.Benchmarks;

/// <summary>What the numbers were measured on, printed with them.</summary>
static class Machine
{
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("Run the benchmarks from inside the repository (no Notebooks.sln found above the current folder).");
    }

    public static string Describe()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{model ?? "unknown CPU"}, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
    }

    /// <summary>TorchSharp's version and the libtorch it ships (with MKL linked into libtorch_cpu).</summary>
    public static string Engine() =>
        $"TorchSharp {typeof(torch).Assembly.GetName().Version?.ToString(3)}, libtorch {torch.__version__}";

    /// <summary>
    /// The one-minute load average (/proc/loadavg), sampled between rounds: on a shared machine it
    /// says how much the other work may have slowed both sides.
    /// </summary>
    public static double? LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : null;
}

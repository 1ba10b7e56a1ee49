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

    /// <summary>
    /// The BLAS that libtorch's matmuls went through, as mapped into this process (the file behind the links). Debian's libtorch
    /// links libblas.so.3, which is whichever BLAS the system's alternatives point at (the
    /// reference BLAS unless OpenBLAS is installed), and the MLP numbers depend on it tenfold.
    /// </summary>
    public static string BlasLibrary()
    {
        if (!File.Exists("/proc/self/maps")) return "unknown";
        var blas = File.ReadLines("/proc/self/maps")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .FirstOrDefault(p => Path.GetFileName(p).StartsWith("libblas.so", StringComparison.Ordinal)
                              || Path.GetFileName(p).StartsWith("libopenblas", StringComparison.Ordinal));
        return blas ?? "not loaded as libblas.so.3";
    }
}

using System.Text.RegularExpressions;

namespace GenAI.Doctor;

/// <summary>
/// Which libtorch this process loaded and its version. TorchSharp's API has no call for the
/// libtorch version (torch.__version__ is the engine's own), so the doctor reads it from the
/// library the loader mapped: a versioned file name (Debian: libtorch_cpu.so.1.13.0) or the
/// version.py beside a PyTorch install's torch/lib folder (2.8.0+cu128).
/// </summary>
static class LibtorchInfo
{
    public static string Describe()
    {
        var path = LoadedLibrary("libtorch_cpu.so");
        if (path == null) return "not loaded";
        var cuda = LoadedLibrary("libtorch_cuda.so") != null || File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "libtorch_cuda.so"));
        return $"{Version(path) ?? "version unknown"} ({(cuda ? "CUDA build" : "CPU build")}, {path})";
    }

    static string? LoadedLibrary(string name) =>
        File.ReadLines("/proc/self/maps")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .FirstOrDefault(p => Path.GetFileName(p).StartsWith(name, StringComparison.Ordinal));

    static string? Version(string library)
    {
        var suffix = Regex.Match(Path.GetFileName(library), @"\.so\.(\d+(\.\d+)*)$");
        if (suffix.Success) return suffix.Groups[1].Value;
        var versionPy = Path.Combine(Path.GetDirectoryName(library)!, "..", "version.py");
        if (!File.Exists(versionPy)) return null;
        var line = Regex.Match(File.ReadAllText(versionPy), @"^__version__\s*=\s*['""]([^'""]+)['""]", RegexOptions.Multiline);
        return line.Success ? line.Groups[1].Value : null;
    }
}

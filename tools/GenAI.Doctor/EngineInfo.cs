using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using TorchSharp;

namespace GenAI.Doctor;

/// <summary>A TorchSharp runtime package: it brings one build of libtorch, for the CPU or for CUDA.</summary>
sealed record RuntimePackage(string Name, string Version)
{
    /// <summary>The runtime packages TorchSharp publishes; the build switch picks one (lib/GenAI/GenAI.csproj).</summary>
    public static readonly string[] Names = ["TorchSharp-cpu", "TorchSharp-cuda-linux", "TorchSharp-cuda-windows"];

    public bool IsCuda => Name.StartsWith("TorchSharp-cuda", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// What this process runs on: the TorchSharp version, the runtime package it was built with, and
/// which libtorch the loader actually mapped. TorchSharp's <c>torch.__version__</c> is the version of
/// the libtorch its packages ship; the package version is the TorchSharp assembly's informational
/// version; which package (CPU or CUDA) is recorded only in the program's deps.json.
/// </summary>
static class EngineInfo
{
    /// <summary>TorchSharp's NuGet version, such as 0.107.0 (the informational version without its source hash).</summary>
    public static string TorchSharpVersion()
    {
        var assembly = typeof(torch).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }

    /// <summary>The program's deps.json, which lists every package it was built with.</summary>
    public static string DepsFile =>
        Path.Combine(AppContext.BaseDirectory, Assembly.GetEntryAssembly()!.GetName().Name + ".deps.json");

    /// <summary>The TorchSharp runtime packages in this program's deps.json (one, unless the build is broken).</summary>
    public static IReadOnlyList<RuntimePackage> BuiltWith()
    {
        if (!File.Exists(DepsFile)) return [];
        using var deps = JsonDocument.Parse(File.ReadAllText(DepsFile));
        if (!deps.RootElement.TryGetProperty("libraries", out var libraries)) return [];
        return libraries.EnumerateObject()
            .Select(library => library.Name.Split('/', 2))
            .Where(parts => parts.Length == 2 && RuntimePackage.Names.Contains(parts[0], StringComparer.OrdinalIgnoreCase))
            .Select(parts => new RuntimePackage(parts[0], parts[1]))
            .ToList();
    }

    /// <summary>
    /// The file this process mapped for a native library (libtorch_cpu.so, or Debian's
    /// libtorch_cpu.so.1.13), from /proc/self/maps; null when it is not loaded.
    /// </summary>
    public static string? LoadedLibrary(string fileName)
    {
        if (!File.Exists("/proc/self/maps")) return null;
        return File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
            .Select(fields => fields[5].Trim())
            .FirstOrDefault(path =>
            {
                var name = Path.GetFileName(path);
                return name == fileName || name.StartsWith(fileName + ".", StringComparison.Ordinal);
            });
    }

    /// <summary>
    /// Whether a loaded library comes from the TorchSharp packages: beside TorchSharp.dll (or in
    /// the folder TorchSharp consolidates native files into, below it), or in a libtorch package
    /// of the NuGet cache. Anything else (a system libtorch such as Debian's libtorch-dev) means
    /// another libtorch on the loader path won.
    /// </summary>
    public static bool IsFromTorchSharpPackage(string libraryPath)
    {
        var library = RealPath(libraryPath);
        var torchSharpFolder = RealPath(Path.GetDirectoryName(typeof(torch).Assembly.Location)!);
        if (library.StartsWith(torchSharpFolder.TrimEnd('/') + "/", StringComparison.Ordinal)) return true;
        var segments = library.Split('/');
        return segments.Any(s => s.StartsWith("libtorch-cpu-", StringComparison.Ordinal) || s.StartsWith("libtorch-cuda-", StringComparison.Ordinal));
    }

    /// <summary>The path of a file beside TorchSharp.dll, where the build copies the package's native files; null when absent.</summary>
    public static string? BesideTorchSharp(string fileName)
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(torch).Assembly.Location)!, fileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Why TorchSharp's native library does not load, in the loader's words: the doctor loads
    /// libLibTorchSharp.so from beside TorchSharp.dll itself, where TorchSharp looks first, and
    /// reports the loader's error (a missing file, a missing GLIBCXX version, a symbol another
    /// libtorch lacks), with what fixes it.
    /// </summary>
    public static IEnumerable<string> WhyNativeLibraryFails()
    {
        var folder = Path.GetDirectoryName(typeof(torch).Assembly.Location)!;
        var library = Path.Combine(folder, "libLibTorchSharp.so");
        if (!File.Exists(library))
        {
            yield return $"{library} is missing: build again (dotnet build) so that the TorchSharp runtime package's native files are copied beside TorchSharp.dll.";
            yield break;
        }
        string? error = null;
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(library));
        }
        catch (DllNotFoundException e)
        {
            error = e.Message;
        }
        if (error == null)
        {
            yield return $"{library} loads on its own, so the failure is in TorchSharp's later steps (its message is above).";
            yield break;
        }
        // .NET's message explains how to debug loading; the loader's own error is its last line.
        var loaderError = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        yield return $"the loader says: {loaderError}";
        if (error.Contains("GLIBCXX_", StringComparison.Ordinal))
            yield return "this machine's libstdc++ is older than TorchSharp's native library asks for (Debian 12 stops at GLIBCXX_3.4.30); " +
                         "scripts/setup.sh marks that one unneeded requirement weak (tools/GenAI.WeakGlibcxx).";
    }

    /// <summary>The first sentence of a message (TorchSharp's load errors go on with a long trace).</summary>
    public static string FirstSentence(string message)
    {
        var firstLine = message.Split('\n', 2)[0].Trim();
        var end = firstLine.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? firstLine : firstLine[..(end + 1)];
    }

    /// <summary>The path with every symbolic link resolved, as the loader records it in /proc/self/maps.</summary>
    static string RealPath(string path)
    {
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return Path.GetFullPath(path);
        try { return Marshal.PtrToStringUTF8(resolved)!; }
        finally { free(resolved); }
    }

    [DllImport("libc", SetLastError = true)]
    static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    static extern void free(IntPtr pointer);
}

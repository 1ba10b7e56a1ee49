using System.Reflection;
using System.Runtime.InteropServices;

namespace GenAI.Notebooks.Execution;

/// <summary>
/// Makes a notebook's TorchSharp use its own package's libtorch even where another libtorch is on the
/// loader path (Debian's libtorch-dev puts libtorch_cpu.so 1.13 in /usr/lib/x86_64-linux-gnu).
/// TorchSharp loads libtorch by name; when TorchSharp.dll sits in the NuGet cache (a <c>#r "nuget:"</c>),
/// no libtorch is beside it and the name resolves to the system's copy, after which its own
/// libLibTorchSharp.so cannot load, or loads against the wrong libtorch.so and crashes. Loading the
/// package's libc10, libtorch_cpu and libtorch by full path the moment TorchSharp.dll loads settles those
/// names first: the loader then hands these libraries to every later request for them (same soname).
/// Nothing on the machine is changed.
/// </summary>
public static class TorchSharpNativePreload
{
    private static int _installed;

    public static void Install()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _installed, 1) == 1) return;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => OnAssemblyLoad(e.LoadedAssembly);
    }

    private static void OnAssemblyLoad(Assembly assembly)
    {
        if (assembly.GetName().Name != "TorchSharp" || string.IsNullOrEmpty(assembly.Location)) return;
        var folder = PackageLibtorchFolders(assembly).FirstOrDefault(f => File.Exists(Path.Combine(f, "libtorch_cpu.so")));
        if (folder is null) return;
        // In dependency order; each settles its soname for everything loaded after it (libLibTorchSharp.so
        // needs libtorch.so, which needs libtorch_cpu.so, which needs libc10.so).
        foreach (var library in (string[])["libc10.so", "libtorch_cpu.so", "libtorch.so"])
            if (File.Exists(Path.Combine(folder, library)))
                NativeLibrary.TryLoad(Path.Combine(folder, library), out _);
    }

    /// <summary>
    /// Where the libtorch that belongs to this TorchSharp.dll is: beside it (a build output, such as
    /// lib/GenAI/bin), or, for TorchSharp.dll in the NuGet cache (packages/torchsharp/V/lib/TFM/), in the
    /// libtorch-cpu-linux-x64 package of the version TorchSharp was built for (its constant
    /// <c>libtorchPackageVersion</c>, "2.10.0.0" in 0.107; NuGet's folder drops the trailing ".0").
    /// </summary>
    internal static IEnumerable<string> PackageLibtorchFolders(Assembly torchSharp)
    {
        var folder = Path.GetDirectoryName(torchSharp.Location)!;
        yield return folder;
        var version = torchSharp.GetType("TorchSharp.torch")
            ?.GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static)
            ?.GetRawConstantValue() as string;
        if (version is null) yield break;
        if (version.EndsWith(".0", StringComparison.Ordinal) && version.Count(c => c == '.') == 3)
            version = version[..^2];
        var packages = Path.GetFullPath(Path.Combine(folder, "..", "..", "..", ".."));
        yield return Path.Combine(packages, "libtorch-cpu-linux-x64", version, "runtimes", "linux-x64", "native");
    }
}

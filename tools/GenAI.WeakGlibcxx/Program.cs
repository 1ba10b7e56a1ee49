// Marks TorchSharp's one unneeded GLIBCXX_3.4.32 requirement weak, so that libLibTorchSharp.so loads
// with Debian 12's libstdc++ (which stops at GLIBCXX_3.4.30). Why this is safe: README.md.
//
//   dotnet run --project tools/GenAI.WeakGlibcxx -- [--check-only] FILE...
//
// Does nothing where the machine's libstdc++ already provides the version (a current distribution),
// nothing to a file that is already patched (silently), and says what it changed. Exit 0 on success, 1 on an
// error (the message names the file).
using GenAI.WeakGlibcxx;

const string Version = "GLIBCXX_3.4.32";
var checkOnly = args.Contains("--check-only");
var files = args.Where(a => a != "--check-only").ToArray();

var libstdcxx = SystemLibstdcxx.Find();
if (libstdcxx is null)
{
    Console.Error.WriteLine("weak-glibcxx: no libstdc++.so.6 found in the system library folders");
    return 1;
}
if (SystemLibstdcxx.Provides(libstdcxx, Version))
{
    return 0;
}
if (checkOnly)
{
    Console.WriteLine($"weak-glibcxx: {libstdcxx} lacks {Version}; TorchSharp's native library needs the fix");
    return 0;
}

foreach (var file in files)
{
    try
    {
        if (GlibcxxFix.Apply(file, Version) is { } change)
            Console.WriteLine(change);
    }
    catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"weak-glibcxx: {file}: {e.Message}");
        return 1;
    }
}
return 0;

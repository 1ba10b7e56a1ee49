using System.Text;

namespace GenAI.WeakGlibcxx;

/// <summary>The libstdc++ the dynamic loader would pick, and whether it defines a symbol version.</summary>
static class SystemLibstdcxx
{
    static readonly string[] Folders = ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64"];

    public static string? Find() =>
        Folders.Select(folder => Path.Combine(folder, "libstdc++.so.6")).FirstOrDefault(File.Exists);

    /// <summary>
    /// True if the library's version definitions name <paramref name="version"/>. Each name is stored as
    /// a NUL-terminated string, so a search for "GLIBCXX_3.4.32\0" cannot match GLIBCXX_3.4.320.
    /// </summary>
    public static bool Provides(string library, string version)
    {
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        return File.ReadAllBytes(library).AsSpan().IndexOf(needle) >= 0;
    }
}

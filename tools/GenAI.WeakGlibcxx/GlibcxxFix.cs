namespace GenAI.WeakGlibcxx;

/// <summary>Marks one libstdc++ version requirement of a shared object weak, in place.</summary>
static class GlibcxxFix
{
    /// <summary>
    /// Returns a line saying what was changed, or null when nothing needed changing (already weak, or no such
    /// requirement); the file is only written when something changes.
    /// </summary>
    public static string? Apply(string path, string version)
    {
        var elf = ElfVersionNeeds.Parse(File.ReadAllBytes(path), path);
        var requirement = elf.Requirements.FirstOrDefault(r => r.Version == version && r.Library.StartsWith("libstdc++", StringComparison.Ordinal));
        if (requirement is null)
            return null;
        if (elf.IsWeak(requirement))
            return null;
        elf.MakeWeak(requirement);
        // Write beside, then rename: a process that has the library mapped keeps its old pages.
        var temporary = path + ".weak-glibcxx.tmp";
        File.WriteAllBytes(temporary, elf.Bytes);
        File.Move(temporary, path, overwrite: true);
        return $"weak-glibcxx: {path}: marked {version} weak (this machine's libstdc++ lacks it)";
    }
}

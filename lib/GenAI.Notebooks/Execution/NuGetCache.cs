namespace GenAI.Notebooks.Execution;

/// <summary>
/// Resolves #r "nuget: Name, Version" from the packages the build has already restored
/// (the global packages folder). The runner never downloads anything; a package that is not
/// there is an error that says so.
/// </summary>
public static class NuGetCache
{
    private static readonly string[] FrameworkPreference =
    [
        "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1",
        "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.0",
    ];

    public static string PackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The assemblies of the package, or an exception naming the package and the folder searched.</summary>
    public static IReadOnlyList<string> Resolve(string spec)
    {
        var pieces = spec.Split(',', 2, StringSplitOptions.TrimEntries);
        var name = pieces[0];
        var version = pieces.Length > 1 && pieces[1].Length > 0 ? pieces[1] : null;
        if (name.Length == 0)
            throw new InvalidOperationException($"#r \"nuget: {spec}\": no package name given.");

        var packageFolder = Path.Combine(PackagesFolder, name.ToLowerInvariant());
        var versions = Directory.Exists(packageFolder)
            ? Directory.GetDirectories(packageFolder).Select(Path.GetFileName).OfType<string>().ToList()
            : [];
        var chosen = version is null || version.Contains('*')
            ? versions.Where(v => version is not null || !v.Contains('-')).OrderBy(VersionKey).LastOrDefault()
            : versions.FirstOrDefault(v => string.Equals(v, version, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            var wanted = version is null ? name : $"{name} {version}";
            var have = versions.Count == 0 ? "none" : string.Join(", ", versions);
            throw new InvalidOperationException(
                $"#r \"nuget: {spec}\": package {wanted} is not in the local package cache ({PackagesFolder}; versions there: {have}). " +
                "The headless runner cannot download packages: reference the package from a project of this repository so that the build restores it.");
        }

        var lib = Path.Combine(packageFolder, chosen, "lib");
        var framework = FrameworkPreference.FirstOrDefault(f => Directory.Exists(Path.Combine(lib, f)));
        if (framework is null)
            throw new InvalidOperationException($"#r \"nuget: {spec}\": package {name} {chosen} has no assemblies for .NET in {lib}.");
        return Directory.GetFiles(Path.Combine(lib, framework), "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }

    private static Version VersionKey(string version)
    {
        var numeric = version.Split('-', '+')[0];
        return Version.TryParse(numeric, out var parsed) ? parsed : new Version(0, 0);
    }
}

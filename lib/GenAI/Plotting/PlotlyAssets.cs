namespace GenAI.Plotting;

/// <summary>
/// Finds the local copy of plotly.js (npm package plotly.js-dist-min, installed by scripts/setup.sh into
/// lib/GenAI.Notebooks/web) for pages that must work offline: standalone HTML files and PNG export.
/// </summary>
public static class PlotlyAssets
{
    /// <summary>The plotly.js version the CDN fallback of notebook outputs loads (same as the npm copy).</summary>
    public const string CdnVersion = "2.35.2";

    /// <summary>CDN address without ".js": the form require.js wants in its paths.</summary>
    public const string CdnUrlWithoutExtension = "https://cdn.plot.ly/plotly-" + CdnVersion + ".min";

    private const string PackageFile = "plotly.js-dist-min/plotly.min.js";
    private const string RepoRelative = "lib/GenAI.Notebooks/web/node_modules/" + PackageFile;

    /// <summary>
    /// Path of plotly.min.js, or null. Looks at GENAI_WEB_ASSETS (the file itself, or a folder holding it,
    /// its npm package or a node_modules folder), then walks up from this library's folder and from the
    /// current directory looking for the repository's lib/GenAI.Notebooks/web/node_modules.
    /// </summary>
    public static string? FindPlotlyJs() => Candidates().FirstOrDefault(File.Exists);

    /// <summary>The text of plotly.min.js; a clear error saying where it looked when it is missing.</summary>
    public static string ReadPlotlyJs()
    {
        string? path = FindPlotlyJs();
        if (path is null)
            throw new FileNotFoundException(
                "plotly.min.js was not found, so an offline page cannot be written. Run scripts/setup.sh " +
                "(it installs the npm package plotly.js-dist-min into lib/GenAI.Notebooks/web), or set GENAI_WEB_ASSETS " +
                "to plotly.min.js or the folder holding it. Looked in: " + string.Join(", ", Candidates().Distinct()));
        return File.ReadAllText(path);
    }

    private static IEnumerable<string> Candidates()
    {
        string? configured = Environment.GetEnvironmentVariable("GENAI_WEB_ASSETS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            yield return configured;
            yield return Path.Combine(configured, "plotly.min.js");
            yield return Path.Combine(configured, PackageFile);
            yield return Path.Combine(configured, "node_modules", PackageFile);
        }
        var starts = new[] { Path.GetDirectoryName(typeof(PlotlyAssets).Assembly.Location), AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)).Distinct())
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
                yield return Path.Combine(dir.FullName, RepoRelative);
    }
}

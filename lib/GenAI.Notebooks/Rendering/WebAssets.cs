namespace GenAI.Notebooks.Rendering;

/// <summary>
/// Where the offline copies of plotly.js, KaTeX, highlight.js and MiniSearch are (npm packages installed by
/// scripts/setup.sh in lib/GenAI.Notebooks/web). Other parts of the course (standalone chart export)
/// find plotly.min.js here too.
/// </summary>
public static class WebAssets
{
    /// <summary>Overrides the search: a node_modules folder holding plotly.js-dist-min, katex and @highlightjs/cdn-assets, or its parent.</summary>
    public const string EnvironmentVariable = "GENAI_WEB_ASSETS";

    private static readonly string RelativeNodeModules = Path.Combine("lib", "GenAI.Notebooks", "web", "node_modules");

    /// <summary>The node_modules folder; throws an error that says how to install it when it is missing.</summary>
    public static string NodeModules => TryFindNodeModules() ?? throw new DirectoryNotFoundException(
        $"The offline web assets (plotly.js, KaTeX, highlight.js) were not found: set {EnvironmentVariable} to a node_modules folder, " +
        "or run `npm ci` in lib/GenAI.Notebooks/web (scripts/setup.sh does this).");

    /// <summary>plotly.min.js from the plotly.js-dist-min package.</summary>
    public static string PlotlyJsPath => Path.Combine(NodeModules, "plotly.js-dist-min", "plotly.min.js");

    /// <summary>MiniSearch's browser build (UMD: defines window.MiniSearch), the course site's offline search.</summary>
    public static string MiniSearchPath => Path.Combine(NodeModules, "minisearch", "dist", "umd", "index.js");

    public static string KatexFolder => Path.Combine(NodeModules, "katex", "dist");

    public static string HighlightFolder => Path.Combine(NodeModules, "@highlightjs", "cdn-assets");

    /// <summary>GENAI_WEB_ASSETS, else the first lib/GenAI.Notebooks/web/node_modules above this assembly or the working directory.</summary>
    public static string? TryFindNodeModules()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            // Either the node_modules folder itself or the folder holding it (like lib/GenAI.Notebooks/web).
            var nested = Path.Combine(fromEnvironment, "node_modules");
            return Directory.Exists(nested) ? Path.GetFullPath(nested)
                : Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativeNodeModules);
                if (File.Exists(Path.Combine(candidate, "plotly.js-dist-min", "plotly.min.js")))
                    return candidate;
            }
        }
        return null;
    }
}

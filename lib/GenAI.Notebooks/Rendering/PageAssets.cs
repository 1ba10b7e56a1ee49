using System.Reflection;

namespace GenAI.Notebooks.Rendering;

/// <summary>
/// Copies what a rendered page needs into an "assets" folder beside it, so the pages open offline
/// (file://, no CDN): plotly.js, KaTeX with its fonts, highlight.js, MiniSearch (the course search), and the page's own script and style.
/// </summary>
public static class PageAssets
{
    public const string FolderName = "assets";

    /// <summary>Paths as the pages reference them, relative to the page.</summary>
    public static readonly string[] Stylesheets = ["assets/katex/katex.min.css", "assets/highlight/vs.min.css", "assets/notebook-page.css"];

    public static readonly string[] Scripts =
        ["assets/plotly.min.js", "assets/katex/katex.min.js", "assets/highlight/highlight.min.js", "assets/notebook-page.js"];

    /// <summary>The course site's search, on the index and on every page of a folder run (deferred, after the page's own scripts).</summary>
    public static readonly string[] SearchScripts = ["assets/minisearch.min.js", "assets/" + SearchDataFileName, "assets/course-search.js"];

    /// <summary>The documents of the course search, written by `run` for a folder once every notebook has run.</summary>
    public const string SearchDataFileName = "search-data.js";

    public static void CopyTo(string outputFolder)
    {
        var target = Path.Combine(outputFolder, FolderName);
        CopyFile(WebAssets.PlotlyJsPath, Path.Combine(target, "plotly.min.js"));
        CopyFile(Path.Combine(WebAssets.KatexFolder, "katex.min.js"), Path.Combine(target, "katex", "katex.min.js"));
        CopyFile(Path.Combine(WebAssets.KatexFolder, "katex.min.css"), Path.Combine(target, "katex", "katex.min.css"));
        // katex.min.css refers to fonts/KaTeX_*.woff2 etc. relative to itself.
        foreach (var font in Directory.GetFiles(Path.Combine(WebAssets.KatexFolder, "fonts")))
            CopyFile(font, Path.Combine(target, "katex", "fonts", Path.GetFileName(font)));
        CopyFile(Path.Combine(WebAssets.HighlightFolder, "highlight.min.js"), Path.Combine(target, "highlight", "highlight.min.js"));
        CopyFile(Path.Combine(WebAssets.HighlightFolder, "styles", "vs.min.css"), Path.Combine(target, "highlight", "vs.min.css"));
        CopyFile(WebAssets.MiniSearchPath, Path.Combine(target, "minisearch.min.js"));
        foreach (var resource in new[] { "notebook-page.js", "notebook-page.css", "course-search.js" })
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded resource {resource} is missing from the runner");
            WriteAtomically(Path.Combine(target, resource), stream.CopyTo);
        }
    }

    /// <summary>Copies unless an identical-looking copy is already there (the assets are large and shared by all pages).</summary>
    private static void CopyFile(string source, string destination)
    {
        if (!File.Exists(source))
            throw new FileNotFoundException($"web asset missing: {source} (run `npm ci` in lib/GenAI.Notebooks/web)", source);
        var existing = new FileInfo(destination);
        if (existing.Exists && existing.Length == new FileInfo(source).Length)
            return;
        using var input = File.OpenRead(source);
        WriteAtomically(destination, input.CopyTo);
    }

    /// <summary>
    /// Writes a private temporary file beside <paramref name="destination"/> and renames it into place: with
    /// <c>--jobs N</c> several notebook processes copy the same assets into one folder at once, and a rename
    /// never leaves a half-written file or fails because another process has the file open.
    /// </summary>
    private static void WriteAtomically(string destination, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temporary = $"{destination}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = File.Create(temporary))
                write(file);
            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}

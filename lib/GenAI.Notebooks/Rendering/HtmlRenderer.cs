using System.Net;
using System.Text;
using GenAI.Notebooks.Documents;

namespace GenAI.Notebooks.Rendering;

/// <summary>
/// Renders an executed notebook as one HTML page: markdown rendered (formulas by KaTeX), C# highlighted,
/// outputs shown by their richest mime type (HTML such as charts runs as it does in VS Code).
/// The page loads its scripts from the assets folder beside it (see <see cref="PageAssets"/>).
/// </summary>
public static class HtmlRenderer
{
    /// <summary>Richest first, like notebook front ends choose.</summary>
    private static readonly string[] MimePreference =
        ["text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown", "text/latex", "application/json", "text/plain"];

    /// <param name="site">The course site's links (index, previous, next) and search box; null for a page on its own.</param>
    public static string Render(Notebook notebook, string? failureSummary = null, SiteNavigation? site = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{Encode(Title(notebook))}</title>\n");
        foreach (var sheet in PageAssets.Stylesheets)
            html.Append($"<link rel=\"stylesheet\" href=\"{sheet}\">\n");
        foreach (var script in PageAssets.Scripts)
            html.Append($"<script src=\"{script}\"></script>\n");
        if (site is not null)
            html.Append(SiteHead());
        html.Append("</head>\n<body>\n");
        if (site is not null)
            html.Append(SiteHeader(site));
        html.Append("<main>\n");
        if (failureSummary is not null)
            html.Append($"<pre class=\"error\">{Encode(failureSummary)}</pre>\n");
        foreach (var cell in notebook.Cells)
        {
            html.Append(cell.Kind switch
            {
                CellKind.Markdown => $"<section class=\"cell markdown\" id=\"{AnchorOf(cell)}\">\n{MarkdownRenderer.ToHtml(cell.Source)}</section>\n",
                CellKind.Code => CodeCell(cell),
                _ => $"<section class=\"cell raw\" id=\"{AnchorOf(cell)}\"><pre>{Encode(cell.Source)}</pre></section>\n",
            });
        }
        html.Append("</main>\n");
        if (site is not null)
            html.Append(SiteFooter(site));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The scripts of the site's search (MiniSearch, the documents of every page, our search box), deferred.</summary>
    public static string SiteHead() =>
        string.Concat(PageAssets.SearchScripts.Select(script => $"<script defer src=\"{script}\"></script>\n"));

    /// <summary>The search box of every site page, the index's included.</summary>
    public static string SearchBox() =>
        "<form class=\"site-search\" role=\"search\" action=\"\" onsubmit=\"return false\">" +
        "<input type=\"search\" class=\"site-search-input\" name=\"q\" placeholder=\"Search the course\" aria-label=\"Search the course\" autocomplete=\"off\">" +
        "<ol class=\"site-search-results\" hidden></ol></form>\n";

    /// <summary>The top bar of a notebook page: back to the index, previous and next notebook, search.</summary>
    public static string SiteHeader(SiteNavigation site) =>
        $"<header class=\"site-header\">\n{Links(site, "site-nav top")}{SearchBox()}</header>\n";

    /// <summary>The same links again at the end of the page, where a learner finishes reading.</summary>
    public static string SiteFooter(SiteNavigation site) => $"<footer class=\"site-footer\">\n{Links(site, "site-nav bottom")}</footer>\n";

    private static string Links(SiteNavigation site, string classes)
    {
        var html = new StringBuilder($"<nav class=\"{classes}\" aria-label=\"Course\">");
        html.Append(site.Previous is { } previous
            ? $"<a class=\"site-prev\" rel=\"prev\" href=\"{Href(previous.Href)}\">&larr; {Encode(previous.Title)}</a>"
            : "<span class=\"site-prev\"></span>");
        html.Append($"<a class=\"site-home\" href=\"{Href(site.IndexHref)}\">Course index</a>");
        html.Append(site.Next is { } next
            ? $"<a class=\"site-next\" rel=\"next\" href=\"{Href(next.Href)}\">{Encode(next.Title)} &rarr;</a>"
            : "<span class=\"site-next\"></span>");
        html.Append("</nav>\n");
        return html.ToString();
    }

    /// <summary>A page file name as a link target (escaped, so names with spaces or '#' still resolve).</summary>
    public static string Href(string fileName) => Uri.EscapeDataString(fileName);

    /// <summary>The first markdown heading, else the file name.</summary>
    public static string Title(Notebook notebook)
    {
        var heading = notebook.Cells.Where(c => c.Kind == CellKind.Markdown)
            .SelectMany(c => c.Source.Split('\n'))
            .Select(line => line.Trim())
            .FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal));
        return heading is null ? notebook.Name : heading[2..].Trim();
    }

    private static string CodeCell(Cell cell)
    {
        var html = new StringBuilder();
        var notRun = cell.ExecutionCount is null;
        var classes = notRun ? "cell code not-run" : "cell code";
        html.Append($"<section class=\"{classes}\" id=\"{AnchorOf(cell)}\">\n");
        var label = cell.ExecutionCount is { } count ? $"[{count}]" : "[ ]";
        if (cell.Tags.Contains("parameters")) label += " parameters";
        if (cell.Tags.Contains("injected-parameters")) label += " injected parameters";
        if (notRun) label += " not run";
        html.Append($"<div class=\"label\">{Encode(label)}</div>\n");
        html.Append($"<pre class=\"source\"><code class=\"language-csharp\">{Encode(cell.Source)}</code></pre>\n");
        if (cell.Outputs.Count > 0)
        {
            html.Append("<div class=\"outputs\">\n");
            foreach (var output in cell.Outputs)
                html.Append(Output(output)).Append('\n');
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
        return html.ToString();
    }

    private static string Output(CellOutput output) => output switch
    {
        StreamOutput stream => $"<pre class=\"{stream.Name}\">{Encode(stream.Text.ToString())}</pre>",
        ErrorOutput error => $"<pre class=\"error\">{Encode(error.Message)}</pre>",
        DisplayOutput display => DisplayData(display.Data),
        _ => throw new ArgumentException($"unknown output type {output.GetType().Name}"),
    };

    private static string DisplayData(IReadOnlyDictionary<string, string> data)
    {
        var mime = MimePreference.FirstOrDefault(data.ContainsKey) ?? data.Keys.FirstOrDefault();
        if (mime is null) return "";
        var value = data[mime];
        return mime switch
        {
            "text/html" or "image/svg+xml" => $"<div class=\"output-html\">{value}</div>",
            "image/png" or "image/jpeg" => $"<img src=\"data:{mime};base64,{value.Replace("\n", "")}\" alt=\"image output\">",
            "text/markdown" => $"<div class=\"output-markdown\">{MarkdownRenderer.ToHtml(value)}</div>",
            "text/latex" => $"<div class=\"math\">{Encode(value)}</div>",
            _ => $"<pre>{Encode(value)}</pre>",
        };
    }

    /// <summary>Page anchor of a cell, prefixed so that it never collides with an element id inside an output.</summary>
    public static string AnchorOf(Cell cell) => Encode("cell-" + cell.Id);

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}

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

    public static string Render(Notebook notebook, string? failureSummary = null, string? indexLink = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{Encode(Title(notebook))}</title>\n");
        foreach (var sheet in PageAssets.Stylesheets)
            html.Append($"<link rel=\"stylesheet\" href=\"{sheet}\">\n");
        foreach (var script in PageAssets.Scripts)
            html.Append($"<script src=\"{script}\"></script>\n");
        html.Append("</head>\n<body>\n<main>\n");
        if (indexLink is not null)
            html.Append($"<nav class=\"breadcrumb\"><a href=\"{Encode(indexLink)}\">Course index</a></nav>\n");
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
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

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
    private static string AnchorOf(Cell cell) => Encode("cell-" + cell.Id);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

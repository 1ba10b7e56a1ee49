using System.Globalization;
using System.Net;
using System.Text;

namespace GenAI.Plotting;

/// <summary>
/// Writes figures as HTML: a fragment for notebook outputs and whole pages for files.
/// The fragment's script looks for plotly.js in this order (POLYGLOT.md section 5):
/// a global Plotly already on the page (the runner's offline HTML, or an earlier inlined copy);
/// else a private require.js context (VS Code's notebook webview has require.js) loading it from the CDN;
/// else a plain script tag from the CDN.
/// </summary>
public static class PlotlyHtml
{
    private const int DefaultHeight = 450;

    /// <summary>A div with a unique id and one script that draws the figure into it.</summary>
    public static string Fragment(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        // A fresh id per output: the same figure shown twice must give two independent charts.
        string id = "genai-plot-" + Guid.NewGuid().ToString("N");
        var layout = figure.RawLayout;
        string width = layout["width"] is { } w ? $"{w.GetValue<int>()}px" : "100%";
        int height = layout["height"]?.GetValue<int>() ?? DefaultHeight;
        // The JSON's < and > are escaped (\u003C), so no string in it can close this script early.
        string json = figure.ToJson();
        var html = new StringBuilder();
        html.Append("<div class=\"genai-figure\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}\" style=\"width:{width};height:{height}px;\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n(function () {\n");
        html.Append(CultureInfo.InvariantCulture, $"  var id = \"{id}\";\n  var figure = {json};\n");
        html.Append(CultureInfo.InvariantCulture, $"  var cdn = \"{PlotlyAssets.CdnUrlWithoutExtension}\";\n");
        html.Append("""
              function draw(Plotly) { Plotly.newPlot(id, figure); }
              function load() {
                if (typeof window.Plotly !== "undefined") { draw(window.Plotly); return; }
                if (typeof window.requirejs === "function" && typeof window.requirejs.config === "function") {
                  // A private context, so another library's "plotly" path (e.g. Plotly.NET's) never clashes with ours.
                  // plotly.js is 3.6 MB: a slow link gets a minute instead of require.js's default 7 s.
                  var req = window.requirejs.config({ context: "genai-plotly", paths: { plotly: cdn }, waitSeconds: 60 }) || window.require;
                  req(["plotly"], draw);
                  return;
                }
                var script = document.createElement("script");
                script.src = cdn + ".js";
                script.onload = function () { draw(window.Plotly); };
                document.head.appendChild(script);
              }
              // A page that includes plotly.js after this output has it by the time the document is parsed.
              if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load); else load();
            })();
            </script>
            </div>
            """);
        return html.ToString();
    }

    /// <summary>
    /// A whole HTML page with the figures one under the other. With <paramref name="inlinePlotly"/> the local
    /// plotly.min.js is embedded (about 3.6 MB) so the page works with no network; otherwise it loads from the CDN.
    /// </summary>
    public static string Page(IEnumerable<Figure> figures, string title = "Figure", bool inlinePlotly = true)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>\n");
        if (inlinePlotly)
        {
            // "</script" inside the library would end the tag; the escaped form means the same to JavaScript.
            string plotly = PlotlyAssets.ReadPlotlyJs().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
            html.Append("<script type=\"text/javascript\">\n").Append(plotly).Append("\n</script>\n");
        }
        else
            html.Append(CultureInfo.InvariantCulture, $"<script src=\"{PlotlyAssets.CdnUrlWithoutExtension}.js\"></script>\n");
        html.Append("<style>body { margin: 0; font-family: sans-serif; background: white; }</style>\n");
        html.Append("</head>\n<body>\n");
        foreach (var figure in figures) html.Append(Fragment(figure));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}

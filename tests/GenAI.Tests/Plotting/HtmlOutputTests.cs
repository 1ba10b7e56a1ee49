using System.Reflection;
using System.Text.RegularExpressions;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class HtmlOutputTests
{
    private static readonly Figure Simple = Chart.Bar(new[] { "a" }, new[] { 1.0 });

    [Fact]
    public void Each_html_output_gets_its_own_div_id_used_by_its_script()
    {
        string first = Simple.ToHtml(), second = Simple.ToHtml();

        string id1 = Regex.Match(first, "<div id=\"(genai-plot-[0-9a-f]{32})\"").Groups[1].Value;
        string id2 = Regex.Match(second, "<div id=\"(genai-plot-[0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEqual("", id1);
        Assert.NotEqual(id1, id2);
        Assert.Contains($"var id = \"{id1}\";", first);
    }

    [Fact]
    public void Script_uses_a_global_Plotly_first_then_a_private_require_context_then_the_cdn()
    {
        string html = Simple.ToHtml();

        int global = html.IndexOf("typeof window.Plotly !== \"undefined\"", StringComparison.Ordinal);
        int require = html.IndexOf("context: \"genai-plotly\"", StringComparison.Ordinal);
        int scriptTag = html.IndexOf("document.createElement(\"script\")", StringComparison.Ordinal);
        Assert.True(global > 0 && global < require && require < scriptTag, html);
        Assert.Contains($"var cdn = \"https://cdn.plot.ly/plotly-{PlotlyAssets.CdnVersion}.min\";", html);
    }

    [Fact]
    public void Text_that_could_close_the_script_is_escaped_in_the_json()
    {
        string html = Simple.WithTitle("</script><b>x</b>").ToHtml();

        Assert.Single(Regex.Matches(html, "</script>"));
        Assert.Contains("\\u003C/script\\u003E", html);
    }

    [Fact]
    public void Div_size_follows_the_layout_size()
    {
        Assert.Contains("style=\"width:300px;height:200px;\"", Simple.WithSize(300, 200).ToHtml());
        Assert.Contains("style=\"width:100%;height:450px;\"", Simple.ToHtml());
    }

    [Fact]
    public void Figure_follows_the_notebook_formatter_convention()
    {
        // What .NET Interactive's Formatter does: find an attribute named TypeFormatterSourceAttribute,
        // create the source with its parameterless constructor and call CreateTypeFormatters().
        var attribute = typeof(Figure).GetCustomAttributes().Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        Assert.Equal(new[] { "text/html" }, preferred);

        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).ToArray();
        var byMime = formatters.ToDictionary(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)!);
        Assert.Equal(new[] { "text/html", "text/plain" }, byMime.Keys.Order());
        Assert.All(formatters, f => Assert.Equal(typeof(Figure), f.GetType().GetProperty("Type")!.GetValue(f)));

        var figure = Simple.WithTitle("counts");
        string Format(string mime, object value)
        {
            var writer = new StringWriter();
            var handled = (bool)byMime[mime].GetType().GetMethod("Format")!.Invoke(byMime[mime], new[] { value, writer })!;
            return handled ? writer.ToString() : "<not handled>";
        }
        Assert.StartsWith("<div class=\"genai-figure\">", Format("text/html", figure));
        Assert.Equal("Plotly figure \"counts\": 1 trace(s) (bar)", Format("text/plain", figure));
        Assert.Equal("<not handled>", Format("text/html", "a string"));
    }

    [Fact]
    public void SaveHtml_writes_a_page_with_plotly_inlined_or_from_the_cdn()
    {
        string folder = Directory.CreateTempSubdirectory("genai-html-").FullName;
        try
        {
            string offline = Path.Combine(folder, "sub", "offline.html"), online = Path.Combine(folder, "online.html");
            Simple.WithTitle("Bars & <co>").SaveHtml(offline);
            Simple.SaveHtml(online, offline: false);

            string page = File.ReadAllText(offline);
            Assert.StartsWith("<!DOCTYPE html>", page);
            Assert.Contains("<title>Bars &amp; &lt;co&gt;</title>", page);
            // The inlined library is the local npm copy, byte for byte.
            Assert.Contains(File.ReadAllText(PlotlyAssets.FindPlotlyJs()!), page);
            Assert.DoesNotContain("<script src=", page);
            Assert.Contains($"<script src=\"https://cdn.plot.ly/plotly-{PlotlyAssets.CdnVersion}.min.js\"></script>", File.ReadAllText(online));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}

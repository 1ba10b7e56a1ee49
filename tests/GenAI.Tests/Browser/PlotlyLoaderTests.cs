using GenAI.Plotting;

namespace GenAI.Tests.Browser;

/// <summary>
/// The figure's script must draw wherever its HTML lands: in VS Code's notebook webview (require.js present,
/// no Plotly: load it through a private require context from the CDN) and in a bare page (neither: add a
/// script tag). The CDN is answered with the local npm copy, so these run offline.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PlotlyLoaderTests(ChromiumBrowser chromium)
{
    private const string RequireJs = "/usr/share/javascript/requirejs/require.min.js";

    private static readonly Figure[] TwoFigures =
    {
        Chart.Line(new[] { 1.0, 3, 2 }).WithTitle("first"),
        Chart.Heatmap(new double[,] { { 1, 2 }, { 3, 4 } }).WithTitle("second"),
    };

    [Fact]
    public async Task With_require_js_the_figures_load_plotly_once_through_a_private_context()
    {
        Assert.True(File.Exists(RequireJs), $"{RequireJs} is missing: run scripts/setup.sh (apt package libjs-requirejs).");
        string page = WritePage($"<script src=\"{new Uri(RequireJs).AbsoluteUri}\"></script>");

        await using var browser = await chromium.NewPageAsync();
        await browser.ServePlotlyCdnLocallyAsync();
        await browser.Page.GotoAsync(new Uri(page).AbsoluteUri);
        var rendered = await browser.WaitForFiguresAsync(2);

        Assert.Equal(new[] { true, true }, rendered);
        Assert.Single(browser.CdnRequests);
        // Loaded as an AMD module, plotly.js stays out of the global scope, as in VS Code.
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => typeof window.Plotly === 'undefined' && typeof window.requirejs === 'function'"));
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.BlockedRequests);
    }

    [Fact]
    public async Task Without_require_js_or_Plotly_the_figure_adds_a_script_tag_for_plotly()
    {
        string page = WritePage("");

        await using var browser = await chromium.NewPageAsync();
        await browser.ServePlotlyCdnLocallyAsync();
        await browser.Page.GotoAsync(new Uri(page).AbsoluteUri);
        var rendered = await browser.WaitForFiguresAsync(2);

        Assert.Equal(new[] { true, true }, rendered);
        Assert.NotEmpty(browser.CdnRequests);
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => typeof window.Plotly === 'object'"));
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.BlockedRequests);
    }

    private static string WritePage(string head)
    {
        string folder = Directory.CreateTempSubdirectory("genai-loader-").FullName;
        string path = Path.Combine(folder, "page.html");
        File.WriteAllText(path, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>" +
            string.Concat(TwoFigures.Select(f => f.ToHtml())) + "</body></html>");
        return path;
    }
}

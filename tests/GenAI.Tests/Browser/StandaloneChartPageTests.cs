using GenAI.Plotting;

namespace GenAI.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class StandaloneChartPageTests(ChromiumBrowser chromium, Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public async Task Every_chart_kind_renders_offline_in_chromium_without_errors()
    {
        var figures = EveryChartKind.Figures();
        string folder = Directory.CreateTempSubdirectory("genai-charts-").FullName;
        string page = Path.Combine(folder, "every-chart.html");
        File.WriteAllText(page, PlotlyHtml.Page(figures.Select(f => f.Figure), "Every chart"));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var browser = await chromium.NewPageAsync();
        log.WriteLine($"page opened in {clock.ElapsedMilliseconds} ms");
        await browser.Page.GotoAsync(new Uri(page).AbsoluteUri);
        log.WriteLine($"page loaded after {clock.ElapsedMilliseconds} ms");
        var rendered = await browser.WaitForFiguresAsync(figures.Count);
        log.WriteLine($"{rendered.Count(r => r)} of {figures.Count} figures drawn after {clock.ElapsedMilliseconds} ms");
        await browser.Page.ScreenshotAsync(new() { Path = ChromiumPage.ScreenshotPath("every-chart-standalone.png"), FullPage = true });

        log.WriteLine($"screenshot taken after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(figures.Count, rendered.Length);
        var missing = figures.Where((f, i) => !rendered[i]).Select(f => f.Name);
        Assert.Empty(missing);
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.BlockedRequests);
        // The animation holds its four frames and draws a slider.
        int animation = figures.Select(f => f.Name).ToList().IndexOf("animation");
        Assert.Equal(4, await browser.Page.EvaluateAsync<int>(
            "i => document.querySelectorAll('.genai-figure')[i].querySelector('.js-plotly-plot')._transitionData._frames.length", animation));
        Assert.True(await browser.Page.EvaluateAsync<bool>(
            "i => document.querySelectorAll('.genai-figure')[i].querySelector('.slider-group') !== null", animation));
        Directory.Delete(folder, recursive: true);
    }
}

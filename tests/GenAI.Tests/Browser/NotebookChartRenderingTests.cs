using System.Diagnostics;

namespace GenAI.Tests.Browser;

/// <summary>
/// The whole path a learner's chart takes: a notebook cell returns or displays a figure, the headless runner
/// formats it through the TypeFormatterSource convention into its offline HTML page, and Chromium draws it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class NotebookChartRenderingTests(ChromiumBrowser chromium, Xunit.Abstractions.ITestOutputHelper log)
{
    private const string Fixture = "tests/GenAI.Tests/Browser/Fixtures/every-chart.ipynb";

    // Fixture figures: loss, scatter, bar, histogram, confusion, contour, surface, image, samples,
    // denoising, grid, tensor image grid, tensor heat map, and the live training chart once: it is drawn as
    // updates of a one-line note, so no stale first frame stays where display(x) showed it (README.md).
    private const int FigureCount = 14;

    [Fact]
    public async Task Runner_html_of_the_fixture_notebook_shows_every_chart_kind()
    {
        string root = RepositoryRoot();
        string runner = Path.Combine(root, "lib/GenAI.Notebooks/bin/Debug/net10.0/GenAI.Notebooks.dll");
        Assert.True(File.Exists(runner), $"{runner} is missing: build the solution first (./build.sh test does).");
        string output = Directory.CreateTempSubdirectory("genai-fixture-").FullName;

        var clock = Stopwatch.StartNew();
        var (exitCode, text) = Run("dotnet", root, runner, "run", Path.Combine(root, Fixture), "--out", output);
        log.WriteLine($"runner finished in {clock.ElapsedMilliseconds} ms:\n{text}");
        Assert.True(exitCode == 0, $"the runner failed on {Fixture} (exit code {exitCode}):\n{text}");

        await using var browser = await chromium.NewPageAsync();
        await browser.Page.GotoAsync(new Uri(Path.Combine(output, "every-chart.html")).AbsoluteUri);
        var rendered = await browser.WaitForFiguresAsync(FigureCount);
        log.WriteLine($"{rendered.Count(r => r)} of {rendered.Length} figures drawn after {clock.ElapsedMilliseconds} ms");
        await browser.Page.ScreenshotAsync(new() { Path = ChromiumPage.ScreenshotPath("every-chart-notebook.png"), FullPage = true });

        Assert.Equal(Enumerable.Repeat(true, FigureCount), rendered);
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.BlockedRequests);
        // One live chart in the page, below its note; its updates replaced one output in place: it holds all
        // 40 steps, titled as finished.
        var titles = await browser.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.genai-figure .js-plotly-plot')].map(d => d.layout.title ? String(d.layout.title.text) : '')");
        Assert.Single(titles, t => t.StartsWith("Live loss", StringComparison.Ordinal));
        Assert.Equal(1, await browser.Page.Locator(".genai-progress-note").CountAsync());
        var live = await browser.Page.EvaluateAsync<string[]>(
            "() => { const d = [...document.querySelectorAll('.genai-figure .js-plotly-plot')].pop(); " +
            "return [d.layout.title.text, String(d.data[0].x.length), String(d.data[1].x.length)]; }");
        Assert.Equal(new[] { "Live loss", "40", "4" }, live);
        Directory.Delete(output, recursive: true);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"no Notebooks.sln above {AppContext.BaseDirectory}");
    }

    private static (int ExitCode, string Output) Run(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 3 minutes\n" + stdout.Result + stderr.Result);
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

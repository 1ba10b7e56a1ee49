using System.Diagnostics;
using System.Text;

namespace GenAI.Notebooks.Tests;

/// <summary>
/// Opens rendered pages in the real (headless) Chromium, offline from file://, and checks what scripts made
/// of them: KaTeX typeset the formulas, highlight.js coloured the code, plotly.js drew the chart.
/// </summary>
[Collection(PassingFixtures.Name)]
public sealed class BrowserTests(OutputsRun outputs, LibraryRun library)
{
    private static string RenderedDom(string page)
    {
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", new Uri(page).AbsoluteUri })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var dom = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) dom.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish rendering {page}");
        }
        process.WaitForExit();
        return dom.ToString();
    }

    [Fact]
    public void Formulas_are_typeset_and_code_highlighted_offline()
    {
        var dom = RenderedDom(Path.Combine(outputs.Result.OutputFolder, "outputs.html"));
        // The two formulas of the first markdown cell, one inline and one display.
        Assert.Equal(2, dom.Split("class=\"katex-html\"").Length - 1);
        Assert.Equal(1, dom.Split("class=\"katex-display\"").Length - 1);
        Assert.Contains("class=\"hljs-keyword\">var</span>", dom);
    }

    [Fact]
    public void Chart_written_for_require_js_is_drawn_by_the_local_plotly()
    {
        var dom = RenderedDom(Path.Combine(outputs.Result.OutputFolder, "outputs.html"));
        var chart = dom[dom.IndexOf("<div id=\"require-plot\"", StringComparison.Ordinal)..];
        Assert.Contains("class=\"main-svg\"", chart[..chart.IndexOf("</script>", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Chart_output_is_drawn_by_the_local_plotly()
    {
        var dom = RenderedDom(Path.Combine(library.Result.OutputFolder, "library.html"));
        Assert.Contains("class=\"main-svg\"", dom);
        Assert.Contains("squares", dom);
    }

    [Fact]
    public void Each_cell_that_trains_with_the_live_chart_shows_one_chart_in_the_page()
    {
        var dom = RenderedDom(Path.Combine(library.Result.OutputFolder, "library.html"));
        // The squares chart and one chart per training cell, each drawn with its final title; no stale first frame.
        Assert.Equal(3, dom.Split("class=\"plot-container plotly\"").Length - 1);
        Assert.Equal(1, dom.Split(">Fixture loss<").Length - 1);
        Assert.Equal(1, dom.Split(">Fixture loss with validation<").Length - 1);
        Assert.DoesNotContain("(step ", dom);
    }
}

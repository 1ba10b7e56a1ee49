using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

/// <summary>A notebook loads the built course library with #r, as every course notebook does.</summary>
public sealed class LibraryRun
{
    public RunResult Result { get; } = RunnerProcess.Run(RunnerProcess.Fixture("library.ipynb"), RunnerProcess.Fixture("nuget-torchsharp.ipynb"));
}

[Collection(PassingFixtures.Name)]
public sealed class LibraryTests(LibraryRun run)
{
    private readonly RunResult _result = run.Result;

    [Fact]
    public void Hash_r_of_the_built_library_path_makes_its_types_usable()
    {
        Assert.True(_result.ExitCode == 0, _result.Output);
        Assert.Equal("nab GenAI", Text(Outputs(_result.Cell("library", "text")).Single()["data"]!["text/plain"]));
    }

    [Fact]
    public void Library_figure_formats_itself_as_an_interactive_chart()
    {
        var html = Text(Outputs(_result.Cell("library", "chart")).Single()["data"]!["text/html"]);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("\"y\":[1,4,9]", html);
        Assert.Contains("\"name\":\"squares\"", html);
    }

    [Theory]
    [InlineData("live", "Fixture loss", 5)]
    [InlineData("live-validation", "Fixture loss with validation", 4)]
    public void A_cell_that_trains_with_the_live_chart_keeps_one_chart_in_its_final_state(string cell, string title, int steps)
    {
        var outputs = Outputs(_result.Cell("library", cell));
        var html = outputs.Where(o => o["data"]?["text/html"] is not null).Select(o => Text(o["data"]!["text/html"])).ToArray();
        // One chart, redrawn at every step and saved as last drawn: full title (no "(step k/n)"), every point.
        var chart = Assert.Single(html, h => h.Contains("Plotly.newPlot"));
        Assert.Contains($"\"text\":\"{title}\"", chart);
        Assert.DoesNotContain("(step ", chart);
        Assert.Contains($"\"x\":[{string.Join(",", Enumerable.Range(1, steps))}]", chart);
        // The only other display is the one-line placeholder shown first, a grey note that is not a result.
        var placeholder = Assert.Single(html, h => !h.Contains("Plotly.newPlot"));
        Assert.Equal($"<div class=\"genai-progress-note\" style=\"color:#6b7280;font-style:italic;font-size:0.9em;\">"
            + $"{title}: live chart below, redrawn while training runs</div>", placeholder);
        Assert.True(html.Length == outputs.Count(o => (string?)o["output_type"] == "display_data"));
        Assert.True(Array.IndexOf(html, placeholder) < Array.IndexOf(html, chart), "the placeholder comes first");
    }

    [Fact]
    public void TorchSharp_resolves_from_the_library_folder_and_runs_libtorch()
    {
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>6</pre></div>", Text(Outputs(_result.Cell("library", "torch")).Single()["data"]!["text/html"]));
    }

    [Fact]
    public void Tensor_formats_itself_as_html_through_TorchSharp_own_formatter()
    {
        // TorchSharp registers its formatter by the TypeFormatterSource convention; the kernel's default mime is HTML.
        var data = Outputs(_result.Cell("library", "tensor")).Single()["data"]!.AsObject();
        Assert.Equal(["text/html"], data.Select(kv => kv.Key));
        Assert.Equal("<div><pre>[2x3], type = Int64, device = cpu\n 0 1 2\n 3 4 5\n</pre></div>", Text(data["text/html"]));
    }

    [Fact]
    public void TorchSharp_from_nuget_runs_on_the_package_libtorch_even_with_a_system_libtorch_installed()
    {
        // Where Debian's libtorch-dev is installed (developers' machines, this CI machine), its libtorch_cpu.so
        // 1.13 is on the loader path; without the runner's preload TorchSharp would load it and fail.
        var text = Text(Outputs(_result.Cell("nuget-torchsharp", "libtorch")).Last()["data"]!["text/plain"]);
        var parts = text.Split(' ');
        Assert.Equal("6", parts[0]);
        Assert.Equal("2.10.0.0", parts[1]);
        var mapped = parts[2].Split(';');
        Assert.Equal(Path.Combine(NuGetPackages(), "libtorch-cpu-linux-x64", "2.10.0", "runtimes", "linux-x64", "native", "libtorch_cpu.so"), Assert.Single(mapped));
    }

    private static string NuGetPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? Path.TrimEndingDirectorySeparator(packages)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}

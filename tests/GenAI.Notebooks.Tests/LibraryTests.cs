using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

/// <summary>A notebook loads the built course library with #r, as every course notebook does.</summary>
public sealed class LibraryRun
{
    public RunResult Result { get; } = RunnerProcess.Run(RunnerProcess.Fixture("library.ipynb"));
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
}

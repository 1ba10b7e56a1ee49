using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

/// <summary>
/// Every course notebook in notebooks/ runs headless in quick mode (--param quick=true) without a failing cell.
/// The cases are found at test time, so a new notebook is tested without editing this file.
/// </summary>
public sealed class CourseNotebookTests
{
    private const string FolderCheck = "(the notebooks folder)";

    private static string NotebooksFolder => Path.Combine(RunnerProcess.RepositoryRoot, "notebooks");

    public static TheoryData<string> Notebooks()
    {
        // The first row always exists, so the theory is never empty while the course has no notebook yet.
        var data = new TheoryData<string> { FolderCheck };
        if (Directory.Exists(NotebooksFolder))
            foreach (var notebook in Directory.GetFiles(NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                data.Add(notebook!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_in_quick_mode(string notebook)
    {
        if (notebook == FolderCheck)
        {
            Assert.True(Directory.Exists(NotebooksFolder), $"missing folder {NotebooksFolder}");
            return;
        }
        var result = RunnerProcess.Run(Path.Combine(NotebooksFolder, notebook), "--param", "quick=true");
        Assert.True(result.ExitCode == 0, result.Output);
        // libtorch writes its NNPACK warning to stderr, read through its own pipe, so it can land after stdout's summary line.
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.Contains("NNPACK.cpp", StringComparison.Ordinal));
        Assert.Equal("1 passed, 0 failed", lines.Last());
        var name = Path.GetFileNameWithoutExtension(notebook);
        var errors = result.Notebook(name)["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Where(o => (string?)o!["output_type"] == "error");
        Assert.Empty(errors);
        Assert.True(File.Exists(Path.Combine(result.OutputFolder, name + ".html")));
    }
}

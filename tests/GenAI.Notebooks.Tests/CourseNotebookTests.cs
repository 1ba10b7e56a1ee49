using GenAI.Notebooks.Documents;
using GenAI.Notebooks.Rendering;
using System.Text.Json.Nodes;
using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

/// <summary>
/// Every course notebook in notebooks/ runs headless in quick mode (--param quick=true) without a failing cell,
/// with its exercises filled in by their reference solutions (--solutions), so every checker is proven to accept
/// its notebook's solution: a rejected solution fails the cell. The cases are found at test time, so a new
/// notebook is tested without editing this file.
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
        var result = RunnerProcess.Run(Path.Combine(NotebooksFolder, notebook), "--param", "quick=true", "--solutions");
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
        // Each exercise's check printed its pass line (a checker that printed nothing would prove nothing).
        var executed = result.Notebook(name)["cells"]!.AsArray().Select(c => c!.AsObject()).ToArray();
        var exercises = executed.Count(c => Tags(c).Contains("exercise"));
        var passes = executed.SelectMany(c => c["outputs"]?.AsArray() ?? [])
            .Count(o => Text(o!["text"]).Split('\n').Any(l => l.StartsWith("✓ ", StringComparison.Ordinal) && l.Contains(": passed.", StringComparison.Ordinal)));
        Assert.True(passes >= exercises, $"{notebook}: {exercises} exercise cells but {passes} checker pass lines");
        // The course site's "this run" number for the notebook (course.json's result pattern) is found in its outputs.
        if (CourseDescription.TryLoad(NotebooksFolder)?.Find(name)?.Entry.Result is { } pattern)
            Assert.True(CourseSite.ResultOf(CourseSite.ReadExecuted(Path.Combine(result.OutputFolder, name + ".ipynb")), pattern) is not null,
                $"{notebook}: course.json's result pattern /{pattern}/ matches nothing the notebook printed");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_has_an_exercise_with_a_stub_a_solution_and_a_checker(string notebook)
    {
        if (notebook == FolderCheck) return;
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebooksFolder, notebook)))!["cells"]!.AsArray()
            .Select(c => c!.AsObject()).ToList();
        var exercises = cells.Where(c => Tags(c).Contains("exercise")).ToList();
        Assert.True(exercises.Count > 0, $"{notebook}: no code cell tagged 'exercise'");
        foreach (var stub in exercises)
        {
            var id = (string?)stub["id"];
            Assert.Contains("throw new NotImplementedException()", Text(stub["source"]));
            Assert.False(string.IsNullOrWhiteSpace(Text(stub["metadata"]!["solution"])), $"{notebook}: exercise {id} has no solution");
            Assert.DoesNotContain("NotImplementedException", Text(stub["metadata"]!["solution"]));
            // The checker runs in a later cell, so a learner can rerun it without rewriting the stub.
            var after = cells.Skip(cells.IndexOf(stub) + 1).Where(c => (string?)c["cell_type"] == "code").Select(c => Text(c["source"]));
            Assert.True(after.Any(s => s.Contains("Exercises.", StringComparison.Ordinal) && s.Contains(".Check", StringComparison.Ordinal)),
                $"{notebook}: no cell after exercise {id} calls a checker from GenAI.Exercises");
        }
    }

    static string[] Tags(JsonObject cell) =>
        cell["metadata"]?["tags"]?.AsArray().Select(t => (string?)t ?? "").ToArray() ?? [];
}

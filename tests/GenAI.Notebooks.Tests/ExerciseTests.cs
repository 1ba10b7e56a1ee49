using GenAI.Notebooks.Cli;
using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

/// <summary>The runner's --solutions and the course library's checkers, end to end in the real kernel.</summary>
public sealed class ExerciseTests
{
    static string CheckOutput(RunResult result, string notebook) =>
        string.Concat(Outputs(result.Cell(notebook, "check")).Select(o => Text(o["text"])));

    [Fact]
    public void A_stub_left_alone_prints_not_done_yet_and_the_notebook_goes_on()
    {
        var result = RunnerProcess.Run(RunnerProcess.Fixture("exercise.ipynb"));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("… square a number: not done yet. Replace the line `throw new NotImplementedException();` with your code, then run the cell and this check again.\nthe notebook goes on\n",
            CheckOutput(result, "exercise"));
        Assert.Equal("int Square(int x)\n{\n    throw new NotImplementedException();\n}", Text(result.Cell("exercise", "stub")["source"]));
    }

    [Fact]
    public void Solutions_fills_the_exercise_cell_from_its_metadata_and_the_checker_passes_it()
    {
        var result = RunnerProcess.Run(RunnerProcess.Fixture("exercise.ipynb"), "--solutions");
        Assert.True(result.ExitCode == 0, result.Output);
        var stub = result.Cell("exercise", "stub");
        Assert.Equal("// The reference solution, filled in by the headless runner (--solutions)\nint Square(int x)\n{\n    return x * x;\n}",
            Text(stub["source"]));
        Assert.Equal(["exercise", "solution-filled"], stub["metadata"]!["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("✓ square a number: passed. It agrees with the reference on all 2 inputs.\nthe notebook goes on\n",
            CheckOutput(result, "exercise"));
    }

    [Fact]
    public void With_solutions_a_checker_that_rejects_the_solution_fails_the_cell_with_the_hint()
    {
        var result = RunnerProcess.Run(RunnerProcess.Fixture("exercise-wrong-solution.ipynb"), "--solutions");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cell 3 (check)", result.Output);
        Assert.Contains("the reference solution was rejected by its own checker: ✗ square a number: not yet right. On the number -5, you returned -10, expected 25.", result.Output);
    }

    [Fact]
    public void An_exercise_cell_without_a_solution_is_an_error_naming_the_cell()
    {
        var result = RunnerProcess.Run(RunnerProcess.Fixture("exercise-no-solution.ipynb"), "--solutions");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--solutions: cell 2 (stub) is tagged 'exercise' but its metadata has no 'solution' (a string or a list of lines).", result.Output);
        // Without --solutions the same notebook runs: the stub is what a learner sees.
        Assert.Equal(0, RunnerProcess.Run(RunnerProcess.Fixture("exercise-no-solution.ipynb")).ExitCode);
    }

    [Fact]
    public void Solutions_is_passed_on_to_each_notebook_process()
    {
        Assert.True(RunOptions.Parse(["nb", "--solutions"]).Solutions);
        Assert.False(RunOptions.Parse(["nb"]).Solutions);
        Assert.Contains("--solutions", RunOptions.Parse(["nb", "--solutions"]).ToChildArguments("nb", null));
    }
}

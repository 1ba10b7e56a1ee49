using GenAI.Notebooks.Parameters;
using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

public sealed class ParameterTests
{
    [Fact]
    public void Params_replace_the_declared_values_in_the_parameters_cell_so_values_computed_from_them_follow()
    {
        var result = RunnerProcess.Run(RunnerProcess.Fixture("parameters.ipynb"),
            "--param", "quick=true", "--param", "epochs=3", "--param", "rate=0.25", "--param", "label=quick \"run\"", "--param", "seed=7");

        Assert.True(result.ExitCode == 0, result.Output);
        var cells = result.Notebook("parameters")["cells"]!.AsArray().Select(c => c!.AsObject()).ToArray();
        Assert.Equal(["load", "params", "use"], cells.Skip(1).Select(c => (string?)c["id"]));
        var parameters = cells[2];
        Assert.Equal(["parameters", "injected-parameters"], parameters["metadata"]!["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(
            "// Set by the headless runner: quick = true, epochs = 3, rate = 0.25d, label = \"quick \\\"run\\\"\", seed = 7L\n" +
            "bool quick = true;\nint epochs = 3;\ndouble rate = 0.25d;\nstring label = \"quick \\\"run\\\"\";\nvar seed = 7L;\n" +
            "int steps = quick ? 2 : epochs * 100;  // computed from two parameters: must follow both",
            Text(parameters["source"]));
        // steps is 2, not the default's 1000: the override happened before the cell computed it.
        Assert.Equal("True 3 0.25 quick \"run\" 7 2", Text(Outputs(cells[3]).Single()["data"]!["text/plain"]));
    }

    [Fact]
    public void Only_the_top_level_declarations_named_are_rewritten_and_comments_stay()
    {
        var source = "bool quick = false; // CI sets true\nint n = quick ? 1 : 2;\nvoid F() { bool quick = false; }\nint m;";
        var rewritten = ParameterInjector.WithValues(source, new Dictionary<string, string> { ["quick"] = "true", ["m"] = "5" });
        Assert.Equal("bool quick = true; // CI sets true\nint n = quick ? 1 : 2;\nvoid F() { bool quick = false; }\nint m = 5;", rewritten);
    }

    [Fact]
    public void Override_of_an_undeclared_name_is_an_error_naming_it()
    {
        var result = RunnerProcess.Run(RunnerProcess.Fixture("parameters.ipynb"), "--param", "quick=true", "--param", "nope=1");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--param nope: the parameters cell does not declare 'nope' (it declares: quick, epochs, rate, label, seed, steps).", result.Output);
        Assert.EndsWith("0 passed, 1 failed", result.Output.TrimEnd());
        Assert.False(File.Exists(Path.Combine(result.OutputFolder, "parameters.ipynb")));
    }
}

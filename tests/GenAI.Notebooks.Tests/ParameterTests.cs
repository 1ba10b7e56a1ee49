using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

public sealed class ParameterTests
{
    [Fact]
    public void Params_are_injected_after_the_parameters_cell_with_their_declared_types()
    {
        var result = RunnerProcess.Run(RunnerProcess.Fixture("parameters.ipynb"),
            "--param", "quick=true", "--param", "epochs=3", "--param", "rate=0.25", "--param", "label=quick \"run\"", "--param", "seed=7");

        Assert.True(result.ExitCode == 0, result.Output);
        var cells = result.Notebook("parameters")["cells"]!.AsArray().Select(c => c!.AsObject()).ToArray();
        Assert.Equal(["cell-1", "load", "params", "injected-parameters", "use"], cells.Select(c => (string?)c["id"]));
        var injected = cells[3];
        Assert.Equal(["injected-parameters"], injected["metadata"]!["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(
            "// Parameters injected by the headless runner (--param).\nbool quick = true;\nint epochs = 3;\ndouble rate = 0.25d;\nstring label = \"quick \\\"run\\\"\";\nlong seed = 7L;",
            Text(injected["source"]));
        Assert.Equal("True 3 0.25 quick \"run\" 7", Text(Outputs(cells[4]).Single()["data"]!["text/plain"]));
    }

    [Fact]
    public void Override_of_an_undeclared_name_is_an_error_naming_it()
    {
        var result = RunnerProcess.Run(RunnerProcess.Fixture("parameters.ipynb"), "--param", "quick=true", "--param", "nope=1");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--param nope: the parameters cell does not declare 'nope' (it declares: quick, epochs, rate, label, seed).", result.Output);
        Assert.EndsWith("0 passed, 1 failed", result.Output.TrimEnd());
        Assert.False(File.Exists(Path.Combine(result.OutputFolder, "parameters.ipynb")));
    }
}

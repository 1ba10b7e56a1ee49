using System.Text.Json.Nodes;
using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

/// <summary>One run of the Fixtures/errors folder: notebooks that each fail in their own way.</summary>
public sealed class ErrorsRun
{
    public RunResult Result { get; } = RunnerProcess.Run(RunnerProcess.Fixture("errors"));
}

/// <summary>Failures are reported with notebook, cell, line and message; later cells are skipped.</summary>
public sealed class FailureTests(ErrorsRun run) : IClassFixture<ErrorsRun>
{
    private readonly RunResult _result = run.Result;

    private static JsonObject Error(JsonObject cell)
    {
        var error = Outputs(cell).Last();
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("Error", (string?)error["ename"]);
        return error;
    }

    private static void AssertNotRun(JsonObject cell)
    {
        Assert.Null(cell["execution_count"]);
        Assert.Empty(Outputs(cell));
    }

    [Fact]
    public void Folder_run_fails_and_counts_every_notebook()
    {
        Assert.Equal(1, _result.ExitCode);
        Assert.EndsWith("0 passed, 6 failed", _result.Output.TrimEnd());
    }

    [Fact]
    public void Compile_error_is_reported_with_cell_line_and_the_kernel_message()
    {
        const string message = "(2,1): error CS0103: The name 'undefinedName' does not exist in the current context";
        var path = Path.Combine(RunnerProcess.Fixture("errors"), "compile-error.ipynb");
        Assert.Contains($"{path}: cell 3 (broken), line 2: compile error: {message}", _result.Output);
        var error = Error(_result.Cell("compile-error", "broken"));
        Assert.Equal(message, (string?)error["evalue"]);
        Assert.Equal([message], error["traceback"]!.AsArray().Select(l => (string?)l));
        AssertNotRun(_result.Cell("compile-error", "after"));
    }

    [Fact]
    public void Runtime_error_keeps_earlier_output_and_names_the_cell()
    {
        var cell = _result.Cell("runtime-error", "throws");
        Assert.Equal("q is 7\n", Text(Outputs(cell)[0]["text"]));
        var evalue = (string)Error(cell)["evalue"]!;
        Assert.StartsWith("System.InvalidOperationException: bad value 42", evalue);
        Assert.Contains("error: ", _result.Output);
        // The kernel compiles cells without line information, so a runtime error names the cell, as VS Code does.
        Assert.Contains("runtime-error.ipynb: cell 2 (throws): runtime error: System.InvalidOperationException: bad value 42", _result.Output);
        AssertNotRun(_result.Cell("runtime-error", "after"));
    }

    [Fact]
    public void Cell_for_another_kernel_fails_loudly()
    {
        Assert.Contains("<div class=\"dni-plaintext\"><pre>2</pre></div>", Text(Outputs(_result.Cell("other-kernel", "csharp"))[0]["data"]!["text/html"]));
        var evalue = (string)Error(_result.Cell("other-kernel", "fsharp"))["evalue"]!;
        Assert.StartsWith("Kernel 'fsharp' is not available: the headless runner hosts the .NET Interactive C# kernel only", evalue);
        Assert.Contains("other-kernel.ipynb: cell 2 (fsharp): not supported: Kernel 'fsharp' is not available", _result.Output);
        AssertNotRun(_result.Cell("other-kernel", "after"));
    }

    [Fact]
    public void Libtorch_shape_error_is_a_cell_error_not_a_crash_of_the_notebook_process()
    {
        var evalue = (string)Error(_result.Cell("shape-error", "mm"))["evalue"]!;
        Assert.StartsWith("System.Runtime.InteropServices.ExternalException (0x80004005): mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", evalue);
        Assert.Contains("shape-error.ipynb: cell 2 (mm): runtime error: System.Runtime.InteropServices.ExternalException (0x80004005): mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", _result.Output);
        AssertNotRun(_result.Cell("shape-error", "after"));
    }

    [Fact]
    public void Native_abort_is_reported_with_the_running_cell_and_libtorch_message()
    {
        // TorchSharp 0.107's matmul lets libtorch's C++ error escape on Linux: the process dies with SIGABRT.
        var path = Path.Combine(RunnerProcess.Fixture("errors"), "native-abort.ipynb");
        Assert.Contains($"error: {path}: the notebook's process died while running cell 2 (matmul) with exit code 134 (signal 6, SIGABRT: a native abort): " +
                        "terminate called after throwing an instance of 'c10::Error' what():  mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3). Its outputs were not saved.",
            _result.Output);
        Assert.Contains($"FAIL {path}", _result.Output);
    }

    [Fact]
    public void Malformed_json_is_an_error_naming_the_file_and_writes_nothing()
    {
        var path = Path.Combine(RunnerProcess.Fixture("errors"), "malformed.ipynb");
        Assert.Contains($"error: {path}: malformed notebook JSON (line ", _result.Output);
        Assert.False(File.Exists(Path.Combine(_result.OutputFolder, "malformed.ipynb")));
    }

    [Fact]
    public void Failed_notebooks_still_get_pages_and_the_index_lists_them_in_file_order()
    {
        Assert.Contains("<pre class=\"error\">(2,1): error CS0103", _result.Html("compile-error"));
        var index = File.ReadAllText(Path.Combine(_result.OutputFolder, "index.html"));
        var order = new[] { "compile-error.html", "malformed.html", "native-abort.html", "other-kernel.html", "runtime-error.html", "shape-error.html" }
            .Select(page => index.IndexOf($"href=\"{page}\"", StringComparison.Ordinal)).ToArray();
        Assert.All(order, position => Assert.True(position > 0));
        Assert.Equal(order.Order(), order);
        Assert.Equal(6, index.Split("<span class=\"failed\">failed</span>").Length - 1);
    }
}

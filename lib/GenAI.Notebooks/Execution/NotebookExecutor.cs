using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GenAI.Notebooks.Documents;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace GenAI.Notebooks.Execution;

/// <summary>
/// Runs the code cells of one notebook in order through the real .NET Interactive C# kernel, the way
/// "Run All" in VS Code does, except that it stops at the first failing cell (later cells would only fail
/// for the same reason). Meant to run in a process of its own: native libraries a notebook loads stay
/// until the process ends, and a cell stopped by the timeout may still be running when the process exits.
/// </summary>
public sealed partial class NotebookExecutor
{
    private readonly Notebook _notebook;
    private readonly TimeSpan? _cellTimeout;
    private readonly Action<int, Cell> _onCellStart;
    private int _executionCount;

    /// <param name="onCellStart">Told the cell number and cell before each cell runs (for crash reports).</param>
    public NotebookExecutor(Notebook notebook, TimeSpan? cellTimeout, Action<int, Cell>? onCellStart = null)
    {
        _notebook = notebook;
        _cellTimeout = cellTimeout;
        _onCellStart = onCellStart ?? ((_, _) => { });
    }

    /// <summary>Executes every code cell, filling in outputs; returns the first failure, or null if all succeeded.</summary>
    public async Task<CellFailure?> RunAsync()
    {
        // VS Code starts the kernel in the notebook's folder: #r, #!import and file paths resolve from there.
        Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(_notebook.Path))!);
        TorchSharpNativePreload.Install();
        foreach (var cell in _notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }
        using var kernel = NotebookKernel.Create();
        using var recorder = new KernelEventRecorder(kernel);
        try
        {
            for (var i = 0; i < _notebook.Cells.Count; i++)
            {
                var cell = _notebook.Cells[i];
                if (cell.Kind != CellKind.Code || string.IsNullOrWhiteSpace(cell.Source)) continue;
                _onCellStart(i + 1, cell);
                var failure = await RunCellAsync(kernel, recorder, cell, i + 1);
                if (failure is not null)
                    return failure;
            }
            return null;
        }
        finally
        {
            recorder.Close();
        }
    }

    private async Task<CellFailure?> RunCellAsync(Kernel kernel, KernelEventRecorder recorder, Cell cell, int number)
    {
        recorder.StartCell(cell);
        cell.ExecutionCount = ++_executionCount;
        if (CellKernels.Unsupported(cell, _notebook.DefaultKernel) is { } unsupported)
            return Fail(recorder, cell, number, FailureKind.Unsupported, null, unsupported);

        var command = new SubmitCode(cell.Source, cell.KernelName(_notebook.DefaultKernel));
        using var cancel = new CancellationTokenSource();
        var run = kernel.SendAsync(command, cancel.Token);
        if (_cellTimeout is { } timeout && await Task.WhenAny(run, Task.Delay(timeout)) != run)
        {
            cancel.Cancel();
            var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return Fail(recorder, cell, number, FailureKind.Timeout, null,
                $"Command cancelled.\nThe cell ran longer than the timeout of {seconds} s and was stopped.");
        }
        var result = await run;
        var failed = result.Events.OfType<CommandFailed>().FirstOrDefault(f => f.Command == command)
                     ?? result.Events.OfType<CommandFailed>().FirstOrDefault();
        if (failed is null)
            return null;
        var compileError = CompileErrorPosition().Match(failed.Message);
        return compileError.Success
            ? Fail(recorder, cell, number, FailureKind.Compile, int.Parse(compileError.Groups[1].Value, CultureInfo.InvariantCulture), failed.Message)
            : Fail(recorder, cell, number, FailureKind.Runtime, null, failed.Message);
    }

    private static CellFailure Fail(KernelEventRecorder recorder, Cell cell, int number, FailureKind kind, int? line, string message)
    {
        recorder.Error(message);
        return new CellFailure(number, cell.Id, kind, line, message);
    }

    /// <summary>The kernel words a compile error as Roslyn does: "(line,col): error CS0103: ...", positions in the cell.</summary>
    [GeneratedRegex(@"^\((\d+),\d+\): error (?:CS|DNI)\d+", RegexOptions.Multiline)]
    private static partial Regex CompileErrorPosition();
}

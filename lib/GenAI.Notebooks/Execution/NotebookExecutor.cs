using System.Diagnostics;
using System.Globalization;
using GenAI.Notebooks.Documents;
using GenAI.Notebooks.Rendering;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace GenAI.Notebooks.Execution;

/// <summary>
/// Runs the cells of one notebook in order, in this process, the way "Run All" in VS Code does,
/// except that it stops at the first failing cell (later cells would only fail for the same reason).
/// Meant to run in a process of its own: native libraries loaded by a notebook stay until the process ends,
/// and a cell stopped by the timeout may still be running when the process exits.
/// </summary>
public sealed class NotebookExecutor
{
    private readonly Notebook _notebook;
    private readonly TimeSpan? _cellTimeout;
    private readonly OutputRecorder _recorder = new();
    private readonly Stopwatch _runningTime = new();
    private CSharpSession? _session;
    private int _executionCount;

    public NotebookExecutor(Notebook notebook, TimeSpan? cellTimeout)
    {
        _notebook = notebook;
        _cellTimeout = cellTimeout;
    }

    /// <summary>Executes every code cell, filling in outputs; returns the first failure, or null if all succeeded.</summary>
    public CellFailure? Run()
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(_notebook.Path))!;
        Directory.SetCurrentDirectory(folder);
        KernelOutput.Sink = _recorder;
        SetUpFormatters();
        var console = ConsoleCapture.Install(_recorder);
        try
        {
            _session = new CSharpSession(folder);
            _session.StartAsync().GetAwaiter().GetResult();
            foreach (var cell in _notebook.Cells.Where(c => c.Kind == CellKind.Code))
            {
                cell.Outputs.Clear();
                cell.ExecutionCount = null;
            }
            for (var i = 0; i < _notebook.Cells.Count; i++)
            {
                var cell = _notebook.Cells[i];
                if (cell.Kind != CellKind.Code) continue;
                var failure = RunWithTimeout(cell, i + 1);
                if (failure is not null)
                    return failure;
            }
            return null;
        }
        finally
        {
            _recorder.Close();
            Console.SetOut(console.Out);
            Console.SetError(console.Error);
        }
    }

    /// <summary>What the kernel sets up for browser front ends: HTML by default, strings as plain text.</summary>
    private static void SetUpFormatters()
    {
        Formatter.ResetToDefault();
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
    }

    private CellFailure? RunWithTimeout(Cell cell, int number)
    {
        _recorder.StartCell(cell);
        cell.ExecutionCount = ++_executionCount;
        _runningTime.Reset();
        var run = Task.Run(() => RunCellAsync(cell, number));
        // The timeout counts the time the cell's code runs, not compile time (slow on a busy machine).
        while (_cellTimeout is { } timeout && !run.Wait(TimeSpan.FromMilliseconds(50)))
        {
            if (_runningTime.Elapsed <= timeout) continue;
            var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            var message = $"Command cancelled.\nThe cell ran longer than the timeout of {seconds} s and was stopped.";
            _recorder.Error(message);
            _recorder.Close();
            return new CellFailure(number, cell.Id, FailureKind.Timeout, null, message);
        }
        return run.GetAwaiter().GetResult();
    }

    private async Task<CellFailure?> RunCellAsync(Cell cell, int number)
    {
        var clock = Stopwatch.StartNew();
        var parsed = SubmissionParser.Parse(cell.Source, cell.KernelName(_notebook.DefaultKernel));
        if (parsed.Error is not null)
            return Fail(cell, number, FailureKind.Unsupported, null, parsed.Error);
        var failure = await RunPartsAsync(parsed.Parts, cell, number);
        if (failure is null && parsed.Time)
            Show(new FormattedValue(PlainTextFormatter.MimeType,
                $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString("0.####", CultureInfo.InvariantCulture)}ms"));
        return failure;
    }

    private async Task<CellFailure?> RunPartsAsync(IReadOnlyList<SubmissionPart> parts, Cell cell, int number)
    {
        foreach (var part in parts)
        {
            var failure = part switch
            {
                CSharpPart code => await RunCSharpAsync(code, cell, number),
                DisplayPart { Kernel: KernelNames.Markdown } markdown => ShowMarkdown(markdown.Text),
                DisplayPart html => Show(new FormattedValue(HtmlFormatter.MimeType, html.Text)),
                ImportPart import => await ImportAsync(import.Path, cell, number),
                _ => throw new InvalidOperationException($"unexpected submission part {part}"),
            };
            if (failure is not null)
                return failure;
        }
        return null;
    }

    private async Task<CellFailure?> RunCSharpAsync(CSharpPart code, Cell cell, int number)
    {
        IReadOnlyList<string> packages;
        try
        {
            packages = code.NuGetReferences.SelectMany(NuGetCache.Resolve).ToArray();
        }
        catch (InvalidOperationException e)
        {
            return Fail(cell, number, FailureKind.Unsupported, null, e.Message);
        }
        var result = await _session!.RunAsync(code.Code, $"{Path.GetFileName(_notebook.Path)}#cell{number}", packages, _runningTime);
        if (result.Error is not null)
        {
            var kind = result.IsCompileError ? FailureKind.Compile : FailureKind.Runtime;
            return Fail(cell, number, kind, result.ErrorLine, result.Error);
        }
        if (!result.HasValue)
            return null;
        try
        {
            // A returned FormattedValue (or several) is shown as it is, like the kernel does.
            var values = result.Value switch
            {
                FormattedValue one => [one],
                IEnumerable<FormattedValue> many => many.ToArray(),
                var other => FormattedValue.CreateManyFromObject(other),
            };
            return Show(values.ToArray());
        }
        catch (Exception e)
        {
            return Fail(cell, number, FailureKind.Runtime, null, $"Formatting the cell's value failed: {e}");
        }
    }

    private async Task<CellFailure?> ImportAsync(string path, Cell cell, int number)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            return Fail(cell, number, FailureKind.Runtime, null, $"#!import: file not found: {fullPath}");
        var extension = Path.GetExtension(fullPath).ToLowerInvariant();
        if (extension is ".cs" or ".csx")
            return await RunPartsAsync(SubmissionParser.Parse(await File.ReadAllTextAsync(fullPath), KernelNames.CSharp).Parts, cell, number);
        if (extension is not (".ipynb" or ".dib"))
            return Fail(cell, number, FailureKind.Unsupported, null, $"#!import: '{extension}' files are not supported by the headless runner (.cs, .csx, .ipynb, .dib are).");

        Notebook imported;
        try
        {
            imported = NotebookFile.Read(fullPath);
        }
        catch (NotebookFormatException e)
        {
            return Fail(cell, number, FailureKind.Runtime, null, $"#!import: {e.Message}");
        }
        foreach (var importedCell in imported.Cells)
        {
            if (importedCell.Kind == CellKind.Markdown)
            {
                Show(new FormattedValue("text/markdown", importedCell.Source));
                continue;
            }
            if (importedCell.Kind != CellKind.Code) continue;
            var parsed = SubmissionParser.Parse(importedCell.Source, importedCell.KernelName(imported.DefaultKernel));
            var failure = parsed.Error is not null
                ? Fail(cell, number, FailureKind.Unsupported, null, $"#!import {path}: {parsed.Error}")
                : await RunPartsAsync(parsed.Parts, cell, number);
            if (failure is not null)
                return failure;
        }
        return null;
    }

    private CellFailure? ShowMarkdown(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        return Show(new FormattedValue(HtmlFormatter.MimeType, html));
    }

    private CellFailure? Show(params FormattedValue[] values)
    {
        _recorder.Display(Guid.NewGuid().ToString(), values);
        return null;
    }

    private CellFailure Fail(Cell cell, int number, FailureKind kind, int? line, string message)
    {
        _recorder.Error(message);
        return new CellFailure(number, cell.Id, kind, line, message);
    }
}

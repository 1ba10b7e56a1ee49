using System.Diagnostics;
using System.Reflection;

namespace GenAI.Notebooks.Cli;

/// <summary>
/// One notebook's process: this program again with run-one. Its stdout goes straight to our console;
/// its stderr is passed on line by line except the cell markers, and the last lines are kept, so that a
/// process that dies (a native abort prints its reason to stderr) is reported with the message and the cell.
/// </summary>
public sealed class ChildProcess
{
    private const int KeptLines = 400;
    private readonly Queue<string> _lastErrorLines = new();

    public int ExitCode { get; private set; }

    /// <summary>"cell N (id)": the cell that was running when the process ended, if any had started.</summary>
    public string? RunningCell { get; private set; }

    public static ChildProcess Run(IEnumerable<string> arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the running executable to start a notebook process");
        var start = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardError = true };
        // Under `dotnet GenAI.Notebooks.dll` the host is dotnet itself and needs the program's path first.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(RunOneCommand.Name);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Console.Out.Flush();
        var result = new ChildProcess();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        string? line;
        while ((line = process.StandardError.ReadLine()) is not null)
            result.OnErrorLine(line);
        process.WaitForExit();
        result.ExitCode = process.ExitCode;
        return result;
    }

    private void OnErrorLine(string line)
    {
        if (CellMarker.Parse(line) is { } cell)
        {
            RunningCell = cell;
            return;
        }
        Console.Error.WriteLine(line);
        _lastErrorLines.Enqueue(line);
        if (_lastErrorLines.Count > KeptLines) _lastErrorLines.Dequeue();
    }

    /// <summary>One message for a process that ended without reporting: the cell, the exit code and the native message.</summary>
    public string DescribeDeath()
    {
        var signal = ExitCode > 128 ? $" (signal {ExitCode - 128}{(ExitCode == 134 ? ", SIGABRT: a native abort" : "")})" : "";
        var where = RunningCell is null ? "before its first cell" : $"while running {RunningCell}";
        return $"the notebook's process died {where} with exit code {ExitCode}{signal}: {NativeMessage()}. Its outputs were not saved.";
    }

    /// <summary>
    /// The reason a native abort printed: C++'s "terminate called after throwing ..." and libtorch's
    /// "what(): ..." lines, without the backtrace frames; otherwise the last lines printed.
    /// </summary>
    private string NativeMessage()
    {
        var lines = _lastErrorLines.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0) return "it printed nothing to stderr";
        var terminate = Array.FindLastIndex(lines, l => l.StartsWith("terminate called", StringComparison.Ordinal));
        if (terminate >= 0)
            return string.Join(" ", lines.Skip(terminate).TakeWhile(l => !l.StartsWith("Exception raised from", StringComparison.Ordinal) && !l.StartsWith("frame #", StringComparison.Ordinal)));
        return "its last lines on stderr: " + string.Join(" | ", lines.Where(l => !l.StartsWith("frame #", StringComparison.Ordinal)).TakeLast(4));
    }
}

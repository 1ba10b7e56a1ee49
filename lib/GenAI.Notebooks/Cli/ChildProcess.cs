using System.Diagnostics;
using System.Reflection;

namespace GenAI.Notebooks.Cli;

/// <summary>
/// One notebook's process: this program again with run-one. Its stdout goes straight to our console;
/// its stderr is passed on line by line except the cell markers, and the last lines are kept, so that a
/// process that dies (a native abort prints its reason to stderr) is reported with the message and the cell.
/// With <c>capture</c> (notebooks running side by side), nothing is printed while it runs: stdout and stderr
/// lines are kept in the order they arrived and <see cref="Replay"/> prints them later, in course order.
/// </summary>
public sealed class ChildProcess
{
    private const int KeptLines = 400;
    private readonly Queue<string> _lastErrorLines = new();

    public int ExitCode { get; private set; }

    /// <summary>"cell N (id)": the cell that was running when the process ended, if any had started.</summary>
    public string? RunningCell { get; private set; }

    private readonly List<(bool IsError, string Line)>? _captured;

    private ChildProcess(bool capture) => _captured = capture ? [] : null;

    public static ChildProcess Run(IEnumerable<string> arguments) => Run(arguments, null, capture: false);

    /// <summary>
    /// Runs one notebook's process. <paramref name="environment"/> adds or replaces variables of this
    /// process's environment for the child (null: none).
    /// </summary>
    public static ChildProcess Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, bool capture)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the running executable to start a notebook process");
        var start = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = capture };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        // Under `dotnet GenAI.Notebooks.dll` the host is dotnet itself and needs the program's path first.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(RunOneCommand.Name);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (!capture) Console.Out.Flush();
        var result = new ChildProcess(capture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        var output = capture ? Task.Run(() => result.ReadOutput(process.StandardOutput)) : Task.CompletedTask;
        string? line;
        while ((line = process.StandardError.ReadLine()) is not null)
            result.OnErrorLine(line);
        output.Wait();
        process.WaitForExit();
        result.ExitCode = process.ExitCode;
        return result;
    }

    private void ReadOutput(StreamReader stdout)
    {
        string? line;
        while ((line = stdout.ReadLine()) is not null)
            lock (_captured!) _captured.Add((false, line));
    }

    /// <summary>Prints what a captured process wrote, stdout and stderr lines in the order they arrived.</summary>
    public void Replay()
    {
        if (_captured is null) return;
        lock (_captured)
            foreach (var (isError, line) in _captured)
                (isError ? Console.Error : Console.Out).WriteLine(line);
        Console.Out.Flush();
    }

    private void OnErrorLine(string line)
    {
        if (CellMarker.Parse(line) is { } cell)
        {
            RunningCell = cell;
            return;
        }
        if (_captured is null) Console.Error.WriteLine(line);
        else lock (_captured) _captured.Add((true, line));
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

using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace GenAI.Notebooks.Execution;

/// <summary>What one C# submission did: its trailing value (if it has one) or why it failed.</summary>
public sealed record SubmissionResult(bool HasValue, object? Value, string? Error, int? ErrorLine, bool IsCompileError = false);

/// <summary>
/// One Roslyn scripting state per notebook, continued cell by cell like the C# kernel
/// (POLYGLOT.md §3): the same imports and references, `using static Kernel`, #r and #load relative
/// to the notebook's folder, state kept after a cell throws.
/// </summary>
public sealed class CSharpSession
{
    private static readonly string[] Imports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    // Roslyn keeps "does this submission end in an expression" internal; the real kernel asks it by reflection too.
    private static readonly MethodInfo? HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly ScriptOptions _options;
    private ScriptState<object?>? _state;

    public CSharpSession(string workingDirectory)
    {
        _options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(Imports)
            .AddReferences(
                typeof(Enumerable).Assembly,
                typeof(Microsoft.DotNet.Interactive.Kernel).Assembly,
                typeof(Formatter).Assembly,
                typeof(IHtmlContent).Assembly,
                typeof(Microsoft.CSharp.RuntimeBinder.Binder).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(workingDirectory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(workingDirectory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>Runs the kernel's own first submission, which every later cell continues from.</summary>
    public async Task StartAsync()
    {
        _state = await CSharpScript.RunAsync<object?>("using static Microsoft.DotNet.Interactive.Kernel;", _options);
    }

    /// <param name="code">The cell's C# code (line numbers are the cell's).</param>
    /// <param name="fileName">Name used for stack-trace lines, so a runtime error can be traced to its line
    /// (Roslyn roots it at the working directory: "/notebooks/nb.ipynb#cell3:line 2").</param>
    /// <param name="extraReferences">Assemblies from resolved #r "nuget:" directives.</param>
    /// <param name="runningTime">Runs while the compiled code runs (not while it compiles), for the cell timeout.</param>
    public async Task<SubmissionResult> RunAsync(string code, string fileName, IReadOnlyList<string> extraReferences, Stopwatch runningTime)
    {
        if (_state is null)
            throw new InvalidOperationException("StartAsync must run before the first cell.");
        var options = _options.WithFilePath(fileName).AddReferences(extraReferences.Select(p => MetadataReference.CreateFromFile(p)));
        var script = _state.Script.ContinueWith<object?>(code, options);
        // Compiling first (the result is cached by the script) keeps compile time out of the timeout.
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        if (!errors.IsEmpty)
        {
            var firstLine = errors[0].Location.GetLineSpan().StartLinePosition.Line + 1;
            return new SubmissionResult(false, null, string.Join("\n", errors.Select(Describe)), firstLine, IsCompileError: true);
        }
        ScriptState<object?> next;
        runningTime.Start();
        try
        {
            next = await script.RunFromAsync(_state, catchException: _ => true);
        }
        finally
        {
            runningTime.Stop();
        }
        _state = next;
        if (next.Exception is { } exception)
            return new SubmissionResult(false, null, exception.ToString(), ThrowingLine(exception, fileName));
        var hasValue = HasReturnValueMethod?.Invoke(next.Script, null) is true || (HasReturnValueMethod is null && next.ReturnValue is not null);
        return new SubmissionResult(hasValue, next.ReturnValue, null, null);
    }

    /// <summary>The kernel's wording: "(line,col): error CSxxxx: text", positions relative to the cell.</summary>
    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        return $"({position.Line + 1},{position.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.GetMessage()}";
    }

    /// <summary>The innermost stack frame inside the cell that threw (nested exceptions included).</summary>
    private static int? ThrowingLine(Exception exception, string fileName)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames()
                .FirstOrDefault(f => string.Equals(Path.GetFileName(f.GetFileName()), fileName, StringComparison.Ordinal) && f.GetFileLineNumber() > 0);
            if (frame is not null)
                return frame.GetFileLineNumber();
        }
        return null;
    }
}

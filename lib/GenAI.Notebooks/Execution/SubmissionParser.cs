using System.Text;
using System.Text.RegularExpressions;
using GenAI.Notebooks.Documents;

namespace GenAI.Notebooks.Execution;

/// <summary>A piece of a cell that goes to one kernel or one magic command.</summary>
public abstract record SubmissionPart;

/// <summary>C# code, padded with blank lines so that Roslyn's line numbers are the cell's own.</summary>
public sealed record CSharpPart(string Code, IReadOnlyList<string> NuGetReferences) : SubmissionPart;

/// <summary>Text for a display-only kernel: markdown is rendered to HTML, html is shown as it is.</summary>
public sealed record DisplayPart(string Kernel, string Text) : SubmissionPart;

/// <summary>#!import of another notebook or script, relative to the working directory.</summary>
public sealed record ImportPart(string Path) : SubmissionPart;

/// <summary>A cell split into parts, or the reason it cannot run at all.</summary>
public sealed record ParsedCell(IReadOnlyList<SubmissionPart> Parts, bool Time, string? Error);

/// <summary>
/// Splits a cell the way the kernel's submission parser does (POLYGLOT.md §3): kernel selectors
/// (#!csharp, #!markdown...) start a new part, magic commands (#!time, #!import) are taken out,
/// #r "nuget:..." is resolved from the local package cache, everything else is C# for Roslyn.
/// </summary>
public static partial class SubmissionParser
{
    private static readonly HashSet<string> UnsupportedMagics = new(StringComparer.Ordinal)
    {
        "set", "value", "share", "who", "whos", "lsmagic", "about", "connect", "nuget-restore",
    };

    [GeneratedRegex(@"^#r\s+""nuget:\s*(?<spec>[^""]*)""\s*$")]
    private static partial Regex NuGetReference();

    [GeneratedRegex(@"^#i\s+""")]
    private static partial Regex SourceDirective();

    public static ParsedCell Parse(string source, string kernel)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var parts = new List<SubmissionPart>();
        var time = false;
        var code = new StringBuilder();
        var nuget = new List<string>();
        var partStartLine = 0;
        if (kernel is not (KernelNames.CSharp or KernelNames.Markdown or KernelNames.Html))
            return Fail($"kernel '{kernel}' is not supported by the headless runner: only C#, markdown and html cells can run.");

        void Flush(int nextStart)
        {
            var text = code.ToString();
            if (text.Trim().Length > 0 || nuget.Count > 0)
            {
                parts.Add(kernel == KernelNames.CSharp
                    ? new CSharpPart(new string('\n', partStartLine) + text, nuget.ToArray())
                    : new DisplayPart(kernel, text.Trim('\n')));
            }
            code.Clear();
            nuget.Clear();
            partStartLine = nextStart;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            var isSelector = trimmed.StartsWith("#!") && KernelNames.TryNormalize(trimmed[2..], out _);
            if (isSelector)
            {
                Flush(i + 1);
                KernelNames.TryNormalize(trimmed[2..], out kernel);
                if (kernel is not (KernelNames.CSharp or KernelNames.Markdown or KernelNames.Html))
                    return Fail($"kernel '{kernel}' is not supported by the headless runner: only C#, markdown and html cells can run (line {i + 1}).");
                continue;
            }
            if (kernel != KernelNames.CSharp)
            {
                code.Append(line).Append('\n');
                continue;
            }
            if (trimmed.StartsWith("#!"))
            {
                var name = trimmed[2..].Split(' ', 2)[0];
                if (name == "time")
                    time = true;
                else if (name == "import")
                {
                    Flush(i + 1);
                    parts.Add(new ImportPart(Unquote(trimmed["#!import".Length..].Trim())));
                    continue;
                }
                else if (UnsupportedMagics.Contains(name))
                    return Fail($"({i + 1},1): magic command '#!{name}' is not supported by the headless runner.");
                else
                    return Fail($"({i + 1},1): error DNI101: Unknown magic command '#!{name}'");
                code.Append('\n');
                continue;
            }
            if (NuGetReference().Match(trimmed) is { Success: true } match)
            {
                nuget.Add(match.Groups["spec"].Value.Trim());
                code.Append('\n');
                continue;
            }
            if (SourceDirective().IsMatch(trimmed))
            {
                // A package source for later restores; the runner only uses the local cache.
                code.Append('\n');
                continue;
            }
            code.Append(line).Append('\n');
        }
        Flush(lines.Length);
        return new ParsedCell(parts, time, null);

        ParsedCell Fail(string message) => new([], false, message);
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;
}

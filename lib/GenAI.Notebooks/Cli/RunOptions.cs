using System.Globalization;
using GenAI.Notebooks.Rendering;

namespace GenAI.Notebooks.Cli;

/// <summary>A command line that cannot be understood; the message says which argument and why.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Options shared by "run" and the per-notebook "run-one":
/// inputs, --out DIR, --param name=value (repeatable), --timeout SECONDS (per cell), --index-link PAGE,
/// --previous PAGE|TITLE and --next PAGE|TITLE (the course site's links, set by "run" for its children),
/// --solutions (fill every exercise cell with its reference solution, see <see cref="Parameters.SolutionInjector"/>);
/// "run" only: --jobs N (notebooks at once; not passed to run-one).
/// </summary>
public sealed record RunOptions(
    IReadOnlyList<string> Inputs,
    string OutputFolder,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    TimeSpan? CellTimeout,
    string? IndexLink,
    int? Jobs = null,
    PageLink? Previous = null,
    PageLink? Next = null,
    bool Solutions = false)
{
    public const string Usage =
        "usage: GenAI.Notebooks run <notebook.ipynb|notebook.dib|folder>... [--out DIR] [--param name=value]... [--timeout SECONDS] [--jobs N] [--solutions]";

    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        var parameters = new List<KeyValuePair<string, string>>();
        var output = "out";
        TimeSpan? timeout = null;
        string? indexLink = null;
        int? jobs = null;
        PageLink? previous = null, next = null;
        var solutions = false;
        PageLink Link(string option, string value)
        {
            var bar = value.IndexOf('|');
            return bar > 0 ? new PageLink(value[..bar], value[(bar + 1)..])
                : throw new UsageException($"{option} {value}: expected PAGE|TITLE.");
        }
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--out":
                    output = Value();
                    break;
                case "--param":
                    var pair = Value();
                    var equals = pair.IndexOf('=');
                    if (equals <= 0)
                        throw new UsageException($"--param {pair}: expected name=value.");
                    parameters.Add(KeyValuePair.Create(pair[..equals].Trim(), pair[(equals + 1)..]));
                    break;
                case "--timeout":
                    var text = Value();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0))
                        throw new UsageException($"--timeout {text}: expected a positive number of seconds.");
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "--jobs":
                    var count = Value();
                    if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                        throw new UsageException($"--jobs {count}: expected a whole number of notebooks at once, 1 or more.");
                    jobs = n;
                    break;
                case "--index-link":
                    indexLink = Value();
                    break;
                case "--previous":
                    previous = Link("--previous", Value());
                    break;
                case "--next":
                    next = Link("--next", Value());
                    break;
                case "--solutions":
                    solutions = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"unknown option {option}.\n{Usage}");
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }
        if (inputs.Count == 0)
            throw new UsageException($"no notebook or folder given.\n{Usage}");
        return new RunOptions(inputs, output, parameters, timeout, indexLink, jobs, previous, next, solutions);
    }

    /// <summary>The same options as arguments for a run-one child process.</summary>
    public IEnumerable<string> ToChildArguments(string notebook, SiteNavigation? site)
    {
        yield return notebook;
        yield return "--out";
        yield return OutputFolder;
        foreach (var (name, value) in Parameters)
        {
            yield return "--param";
            yield return $"{name}={value}";
        }
        if (Solutions)
            yield return "--solutions";
        if (CellTimeout is { } timeout)
        {
            yield return "--timeout";
            yield return timeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        }
        if (site is not null)
        {
            yield return "--index-link";
            yield return site.IndexHref;
            if (site.Previous is { } previous)
            {
                yield return "--previous";
                yield return $"{previous.Href}|{previous.Title}";
            }
            if (site.Next is { } next)
            {
                yield return "--next";
                yield return $"{next.Href}|{next.Title}";
            }
        }
    }
}

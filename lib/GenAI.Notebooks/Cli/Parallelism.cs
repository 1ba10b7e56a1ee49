using System.Globalization;

namespace GenAI.Notebooks.Cli;

/// <summary>
/// How many notebooks "run" executes at once and how many intra-op threads each one's libtorch gets.
/// A notebook process starts one libtorch (OpenMP) thread per core unless <c>OMP_NUM_THREADS</c> says
/// otherwise; notebooks side by side must share the cores, or the spinning threads outnumber them and
/// every step gets slower.
/// </summary>
public static class Parallelism
{
    public const string ThreadsVariable = "OMP_NUM_THREADS";

    /// <summary>The <c>OMP_NUM_THREADS</c> this process was given, when it is a positive whole number.</summary>
    public static int? ThreadsPerNotebook() =>
        int.TryParse(Environment.GetEnvironmentVariable(ThreadsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;

    /// <summary>
    /// --jobs N when given; otherwise as many notebooks as the cores hold at <c>OMP_NUM_THREADS</c>
    /// threads each (cores / threads, at least 1), and 1 when <c>OMP_NUM_THREADS</c> is not set (each
    /// notebook then uses every core, as before).
    /// </summary>
    public static int Jobs(int? requested) => Jobs(requested, Environment.ProcessorCount, ThreadsPerNotebook());

    /// <summary><see cref="Jobs(int?)"/> for a given core count and <c>OMP_NUM_THREADS</c> (null: not set).</summary>
    public static int Jobs(int? requested, int cores, int? threadsPerNotebook)
    {
        if (requested is { } n) return n;
        return threadsPerNotebook is { } t ? Math.Max(1, cores / t) : 1;
    }

    /// <summary>
    /// The environment a notebook's process gets on top of this one's: with more than one job and no
    /// <c>OMP_NUM_THREADS</c> of the user's, cores / jobs threads each (at least 1). A value the user set is
    /// kept. One job with nothing set changes nothing.
    /// </summary>
    public static Dictionary<string, string> ChildEnvironment(int jobs) => ChildEnvironment(jobs, Environment.ProcessorCount, ThreadsPerNotebook());

    /// <summary><see cref="ChildEnvironment(int)"/> for a given core count and <c>OMP_NUM_THREADS</c> (null: not set).</summary>
    public static Dictionary<string, string> ChildEnvironment(int jobs, int cores, int? threadsPerNotebook)
    {
        if (threadsPerNotebook is { } t)
            return new() { [ThreadsVariable] = t.ToString(CultureInfo.InvariantCulture) };
        if (jobs == 1) return [];
        var share = Math.Max(1, cores / jobs);
        return new() { [ThreadsVariable] = share.ToString(CultureInfo.InvariantCulture) };
    }
}

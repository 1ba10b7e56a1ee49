using System.Text.RegularExpressions;
using GenAI.Notebooks.Cli;

namespace GenAI.Notebooks.Tests;

/// <summary>The Fixtures/errors folder run with three notebooks at once.</summary>
public sealed class ErrorsRunInParallel
{
    public RunResult Sequential { get; } = RunnerProcess.Run(RunnerProcess.Fixture("errors"), "--jobs", "1");
    public RunResult Parallel { get; } = RunnerProcess.Run(RunnerProcess.Fixture("errors"), "--jobs", "3");
}

/// <summary>--jobs N: notebooks side by side, reported exactly as a sequential run reports them.</summary>
public sealed class JobsTests(ErrorsRunInParallel run) : IClassFixture<ErrorsRunInParallel>
{
    /// <summary>Stdout and stderr without what differs between any two runs: times, output folders, native addresses.</summary>
    private static string[] Comparable(RunResult result) => result.Output
        .Replace(result.OutputFolder, "OUT")
        .Split('\n')
        .Where(l => !l.StartsWith("running ", StringComparison.Ordinal) && !l.StartsWith("frame #", StringComparison.Ordinal))
        .Select(l => Regex.Replace(l, @"\(\d+\.\d s\)", "(T s)"))
        .ToArray();

    [Fact]
    public void Parallel_run_prints_the_same_lines_in_the_same_order_as_a_sequential_run()
    {
        // The test reads the runner's stdout and stderr through two pipes, so how lines of the two interleave
        // here is not fixed even between two sequential runs: each kind of line in order, and all lines as a set.
        string[] Reported(RunResult r) => Comparable(r).Where(l => l.StartsWith("error: ", StringComparison.Ordinal) || l.StartsWith("PASS ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Reported(run.Sequential).Where(l => !l.StartsWith("error: ", StringComparison.Ordinal)), Reported(run.Parallel).Where(l => !l.StartsWith("error: ", StringComparison.Ordinal)));
        Assert.Equal(Comparable(run.Sequential).Order(StringComparer.Ordinal), Comparable(run.Parallel).Order(StringComparer.Ordinal));
        Assert.EndsWith("0 passed, 6 failed", run.Parallel.Output.TrimEnd());
        Assert.Equal(run.Sequential.ExitCode, run.Parallel.ExitCode);
        Assert.Contains("running 3 notebooks at a time", run.Parallel.Output);
    }

    [Fact]
    public void Parallel_run_writes_the_same_index_and_notebooks()
    {
        // The index shows each notebook's run time, the one thing that differs.
        string Index(RunResult r) => Regex.Replace(File.ReadAllText(Path.Combine(r.OutputFolder, "index.html")), @"\d+\.\d (s|min)<", "T<");
        Assert.Equal(Index(run.Sequential), Index(run.Parallel));
        foreach (var name in new[] { "compile-error", "runtime-error", "other-kernel" })
            Assert.Equal(run.Sequential.Notebook(name).ToJsonString(), run.Parallel.Notebook(name).ToJsonString());
    }

    [Fact]
    public void Jobs_option_is_parsed_and_checked()
    {
        Assert.Equal(3, RunOptions.Parse(["nb", "--jobs", "3"]).Jobs);
        Assert.Null(RunOptions.Parse(["nb"]).Jobs);
        var error = Assert.Throws<UsageException>(() => RunOptions.Parse(["nb", "--jobs", "0"]));
        Assert.Equal("--jobs 0: expected a whole number of notebooks at once, 1 or more.", error.Message);
        Assert.DoesNotContain("--jobs", RunOptions.Parse(["nb", "--jobs", "2"]).ToChildArguments("nb", null));
    }

    [Fact]
    public void Default_jobs_fill_the_cores_at_the_threads_each_notebook_uses()
    {
        Assert.Equal(2, Parallelism.Jobs(null, cores: 2, threadsPerNotebook: 1));
        Assert.Equal(4, Parallelism.Jobs(null, cores: 16, threadsPerNotebook: 4));
        Assert.Equal(1, Parallelism.Jobs(null, cores: 2, threadsPerNotebook: 8));
        Assert.Equal(5, Parallelism.Jobs(5, cores: 2, threadsPerNotebook: 1));
    }

    [Fact]
    public void Each_notebook_gets_its_share_of_the_cores_unless_the_user_set_the_threads()
    {
        Assert.Equal("1", Parallelism.ChildEnvironment(2, cores: 2, threadsPerNotebook: null)[Parallelism.ThreadsVariable]);
        Assert.Equal("4", Parallelism.ChildEnvironment(4, cores: 16, threadsPerNotebook: null)[Parallelism.ThreadsVariable]);
        Assert.Equal("1", Parallelism.ChildEnvironment(3, cores: 2, threadsPerNotebook: null)[Parallelism.ThreadsVariable]);
        Assert.Equal("2", Parallelism.ChildEnvironment(4, cores: 16, threadsPerNotebook: 2)[Parallelism.ThreadsVariable]);
    }
}

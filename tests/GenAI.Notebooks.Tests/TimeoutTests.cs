using System.Diagnostics;
using static GenAI.Notebooks.Tests.RunResult;

namespace GenAI.Notebooks.Tests;

public sealed class TimeoutTests
{
    [Fact]
    public void Cell_past_the_timeout_is_stopped_reported_and_later_cells_skipped()
    {
        // 30 s: the timeout counts the cell's compilation, and the first cell of a fresh kernel took over
        // 10 s on a loaded 2-core machine, which made the test stop the wrong cell.
        var clock = Stopwatch.StartNew();
        var result = RunnerProcess.Run(RunnerProcess.Fixture("timeout.ipynb"), "--timeout", "30");
        clock.Stop();

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("0 passed, 1 failed", result.Output.TrimEnd());
        Assert.Contains("timeout.ipynb: cell 2 (spin): timeout: Command cancelled.", result.Output);
        Assert.Equal("started\n", Text(Outputs(result.Cell("timeout", "start"))[0]["text"]));
        var error = Outputs(result.Cell("timeout", "spin")).Single();
        Assert.Equal("Command cancelled.\nThe cell ran longer than the timeout of 30 s and was stopped.", (string?)error["evalue"]);
        Assert.Null(result.Cell("timeout", "after")["execution_count"]);
        // The endless cell must not keep the process alive (generous bound: process start and compile on a busy machine).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(150), $"took {clock.Elapsed}");
    }
}

using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class TrainingProgressTests
{
    /// <summary>A clock the test moves by hand, so throttling is checked without sleeping.</summary>
    private sealed class FakeClock
    {
        public TimeSpan Now { get; set; }
    }

    private static TrainingProgress Console(StringWriter output, int total, int? printEvery, FakeClock clock) =>
        new(total, "Loss", printEvery, 1.0, false, output, null, detectNotebook: false, () => clock.Now);

    [Fact]
    public void Without_a_notebook_it_prints_the_first_every_nth_and_last_step()
    {
        var output = new StringWriter();
        var clock = new FakeClock();
        var progress = Console(output, total: 5, printEvery: 2, clock);
        for (int step = 1; step <= 5; step++)
        {
            clock.Now = TimeSpan.FromSeconds(step * 1.5);
            progress.Report(step, 10.0 / step, step == 4 ? 3.0 : null);
        }
        progress.Complete();

        Assert.False(progress.IsLive);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'));
        Assert.Equal(new[]
        {
            "step 1/5  loss 10.0000  (1.5 s)",
            "step 2/5  loss 5.0000  (3.0 s)",
            "step 4/5  loss 2.5000  val 3.0000  (6.0 s)",
            "step 5/5  loss 2.0000  (7.5 s)",
            "done: 5 steps in 7.5 s, final loss 2.0000",
        }, lines);
    }

    [Fact]
    public void Losses_are_kept_and_drawn_as_train_and_validation_curves()
    {
        var progress = Console(new StringWriter(), total: 10, printEvery: 5, new FakeClock());
        progress.Report(1, 2.0);
        progress.Report(2, 1.5, 1.8);
        progress.Report(3, 1.0);

        var figure = progress.ToFigure();
        Assert.Equal(new[] { "train", "validation" }, figure.Data.Select(t => (string?)t!["name"]));
        Assert.Equal(new[] { 1.0, 2, 3 }, Json.Doubles(figure.Data[0]!["x"]));
        Assert.Equal(new[] { 2.0, 1.5, 1.0 }, Json.Doubles(figure.Data[0]!["y"]));
        Assert.Equal(new[] { 1.8 }, Json.Doubles(figure.Data[1]!["y"]));
        Assert.Equal("Loss (step 3/10)", (string?)figure.Layout["title"]!["text"]);
        Assert.Equal(new[] { 0.0, 10 }, Json.Doubles(figure.Layout["xaxis"]!["range"]));
    }

    [Fact]
    public void In_a_notebook_it_shows_one_chart_and_updates_it_at_most_once_per_interval()
    {
        FakeKernel.Reset();
        var display = NotebookDisplay.FromKernelType(typeof(FakeKernel))!;
        var clock = new FakeClock();
        var output = new StringWriter();
        var progress = new TrainingProgress(100, "Loss", null, 1.0, false, output, display, true, () => clock.Now);

        for (int step = 1; step <= 100; step++)
        {
            clock.Now = TimeSpan.FromMilliseconds(step * 100); // 0.1 s a step: ten steps per redraw
            progress.Report(step, 1.0 / step);
        }
        progress.Complete();

        Assert.True(progress.IsLive);
        Assert.Equal("", output.ToString());
        Assert.Equal(new[] { "text/html" }, FakeKernel.MimeTypes);
        var shown = Assert.Single(FakeKernel.Displayed);
        // Displayed first: a line of text, never a chart (the kernel keeps its first display as it was).
        var note = Assert.IsType<ProgressNote>(shown.Updates[0]);
        Assert.Equal("Loss: live chart below, redrawn while training runs", note.Text);
        Assert.Equal("<div class=\"genai-progress-note\" style=\"color:#6b7280;font-style:italic;font-size:0.9em;\">"
            + "Loss: live chart below, redrawn while training runs</div>", note.ToHtml());
        // Every chart is an update: the first draw at step 1, then every 10 steps (1 s), the last step, and Complete.
        Assert.Equal(1 + 11 + 1, shown.Updates.Count);
        Assert.All(shown.Updates.Skip(1), u => Assert.IsType<Figure>(u));
        var first = (Figure)shown.Updates[1];
        Assert.Equal("Loss (step 1/100)", (string?)first.Layout["title"]!["text"]);
        Assert.Single(first.Data[0]!["x"]!.AsArray());
        var last = (Figure)shown.Updates[^1];
        Assert.Equal(100, last.Data[0]!["x"]!.AsArray().Count);
        Assert.Equal("Loss", (string?)last.Layout["title"]!["text"]);
    }

    [Fact]
    public void A_kernel_that_cannot_show_anything_falls_back_to_printed_lines()
    {
        FakeKernel.Reset();
        FakeKernel.FailWith = "no kernel is hosting this code";
        var output = new StringWriter();
        var progress = new TrainingProgress(2, "Loss", 1, 1.0, false, output, NotebookDisplay.FromKernelType(typeof(FakeKernel)), true, () => TimeSpan.Zero);

        progress.Report(1, 0.5);
        progress.Report(2, 0.25);

        Assert.False(progress.IsLive);
        Assert.Contains("(live chart unavailable: no kernel is hosting this code; printing progress instead)", output.ToString());
        Assert.Contains("step 1/2  loss 0.5000  (0.0 s)", output.ToString());
        Assert.Contains("step 2/2  loss 0.2500  (0.0 s)", output.ToString());
    }

    [Fact]
    public void Bad_reports_are_errors_that_say_what_happened()
    {
        var progress = Console(new StringWriter(), total: 10, printEvery: 1, new FakeClock());
        progress.Report(3, 1.0);

        Assert.Equal("TrainingProgress.Report: step 3 comes after step 3; steps must increase. (Parameter 'step')",
            Assert.Throws<ArgumentException>(() => progress.Report(3, 1.0)).Message);
        Assert.Equal("TrainingProgress.Report: train loss at step 4 is NaN; training has diverged (try a lower learning rate).",
            Assert.Throws<ArgumentException>(() => progress.Report(4, double.NaN)).Message);
        progress.Complete();
        Assert.Throws<InvalidOperationException>(() => progress.Report(5, 1.0));
        Assert.Null(NotebookDisplay.FromKernelType(typeof(string)));
    }
}

/// <summary>Stands in for Microsoft.DotNet.Interactive.Kernel: same display signature, records what it is given.</summary>
public static class FakeKernel
{
    public static List<FakeDisplayedValue> Displayed { get; } = new();

    public static string[] MimeTypes { get; private set; } = Array.Empty<string>();

    public static string? FailWith { get; set; }

    public static void Reset()
    {
        Displayed.Clear();
        FailWith = null;
    }

    public static FakeDisplayedValue display(object value, params string[] mimeTypes)
    {
        if (FailWith is not null) throw new InvalidOperationException(FailWith);
        MimeTypes = mimeTypes;
        var shown = new FakeDisplayedValue();
        shown.Updates.Add(value);
        Displayed.Add(shown);
        return shown;
    }
}

public sealed class FakeDisplayedValue
{
    public List<object> Updates { get; } = new();

    public void Update(object value) => Updates.Add(value);
}

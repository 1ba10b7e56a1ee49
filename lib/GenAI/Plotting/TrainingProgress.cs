using System.Diagnostics;
using System.Globalization;

namespace GenAI.Plotting;

/// <summary>
/// Shows how training goes while the loop runs. In a notebook (VS Code or the headless runner) it displays a
/// one-line placeholder, then a loss chart below it that it redraws at most once per <c>updateSeconds</c>, so the
/// cell ends with one chart in its final state; elsewhere it prints lines such as
/// <c>step 100/1000  loss 2.3456  val 2.4001  (12.3 s)</c> every <c>printEvery</c> steps.
/// <code>
/// var progress = new TrainingProgress(totalSteps: 1000);
/// for (int step = 1; step &lt;= 1000; step++) { ...; progress.Report(step, loss.item&lt;float&gt;()); }
/// progress.Complete();
/// </code>
/// </summary>
public sealed class TrainingProgress
{
    private readonly int _totalSteps;
    private readonly string _title;
    private readonly int _printEvery;
    private readonly TimeSpan _updateInterval;
    private readonly bool _logScale;
    private readonly TextWriter _output;
    private readonly NotebookDisplay? _display;
    private readonly Func<TimeSpan> _clock;
    private readonly List<(int Step, double Loss)> _train = new();
    private readonly List<(int Step, double Loss)> _validation = new();

    private Action<object>? _updateChart;
    private TimeSpan? _lastDraw;
    private bool _chartFailed;
    private int _lastPrinted = -1;
    private bool _completed;

    /// <param name="totalSteps">Steps the loop will run (for "step 100/1000" and the final redraw).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="printEvery">Console lines every this many steps; default a tenth of the run.</param>
    /// <param name="updateSeconds">Least time between two redraws of the live chart.</param>
    /// <param name="logScale">Log y axis, for losses that fall over orders of magnitude.</param>
    /// <param name="output">Where console lines go (default Console.Out).</param>
    /// <param name="display">The notebook display; null finds the kernel's one when there is a kernel.</param>
    /// <param name="detectNotebook">false: never look for a kernel, always print lines.</param>
    public TrainingProgress(int totalSteps, string title = "Training loss", int? printEvery = null, double updateSeconds = 1.0,
        bool logScale = false, TextWriter? output = null, NotebookDisplay? display = null, bool detectNotebook = true)
        : this(totalSteps, title, printEvery, updateSeconds, logScale, output, display, detectNotebook, null)
    {
    }

    internal TrainingProgress(int totalSteps, string title, int? printEvery, double updateSeconds, bool logScale,
        TextWriter? output, NotebookDisplay? display, bool detectNotebook, Func<TimeSpan>? clock)
    {
        if (totalSteps < 1) throw new ArgumentException($"TrainingProgress: totalSteps must be at least 1, got {totalSteps}.", nameof(totalSteps));
        if (printEvery is < 1) throw new ArgumentException($"TrainingProgress: printEvery must be at least 1, got {printEvery}.", nameof(printEvery));
        if (updateSeconds < 0 || double.IsNaN(updateSeconds))
            throw new ArgumentException($"TrainingProgress: updateSeconds cannot be negative, got {updateSeconds}.", nameof(updateSeconds));
        _totalSteps = totalSteps;
        _title = title;
        _printEvery = printEvery ?? Math.Max(1, totalSteps / 10);
        _updateInterval = TimeSpan.FromSeconds(updateSeconds);
        _logScale = logScale;
        _output = output ?? Console.Out;
        _display = display ?? (detectNotebook ? NotebookDisplay.Detect() : null);
        var stopwatch = Stopwatch.StartNew();
        _clock = clock ?? (() => stopwatch.Elapsed);
    }

    /// <summary>True when progress goes to a live chart rather than to printed lines.</summary>
    public bool IsLive => _display is not null && !_chartFailed;

    public IReadOnlyList<(int Step, double Loss)> TrainLosses => _train;

    public IReadOnlyList<(int Step, double Loss)> ValidationLosses => _validation;

    /// <summary>Records the losses after <paramref name="step"/> (1-based) and redraws or prints when it is time.</summary>
    public void Report(int step, double trainLoss, double? validationLoss = null)
    {
        if (_completed) throw new InvalidOperationException("TrainingProgress.Report: the run was already completed with Complete().");
        if (_train.Count > 0 && step <= _train[^1].Step)
            throw new ArgumentException($"TrainingProgress.Report: step {step} comes after step {_train[^1].Step}; steps must increase.", nameof(step));
        CheckLoss(trainLoss, step, "train loss");
        if (validationLoss is not null) CheckLoss(validationLoss.Value, step, "validation loss");

        _train.Add((step, trainLoss));
        if (validationLoss is not null) _validation.Add((step, validationLoss.Value));

        if (IsLive && (_lastDraw is null || _clock() - _lastDraw.Value >= _updateInterval || step >= _totalSteps))
            Draw();
        // Printed lines also take over when the chart could not be shown (Draw then clears IsLive).
        if (!IsLive && (step % _printEvery == 0 || step >= _totalSteps || _lastPrinted < 0))
            Print(step, trainLoss, validationLoss);
    }

    /// <summary>Ends the run: a last redraw with every point, or a closing line.</summary>
    public void Complete()
    {
        if (_completed) return;
        _completed = true;
        if (_train.Count == 0) return;
        if (IsLive) Draw();
        else
        {
            var (step, loss) = _train[^1];
            if (_lastPrinted != step) Print(step, loss, _validation.Count > 0 && _validation[^1].Step == step ? _validation[^1].Loss : null);
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done: {step} steps in {_clock().TotalSeconds:F1} s, final loss {loss:F4}"));
        }
    }

    /// <summary>The loss curves so far as a figure (train, and validation when reported).</summary>
    public Figure ToFigure()
    {
        var curves = new List<Figure> { Chart.Line(_train.Select(p => p.Step), _train.Select(p => p.Loss), name: "train") };
        if (_validation.Count > 0)
            curves.Add(Chart.Line(_validation.Select(p => p.Step), _validation.Select(p => p.Loss), name: "validation", showMarkers: true));
        int last = _train.Count > 0 ? _train[^1].Step : 0;
        return Chart.Combine(curves)
            .WithTitle(_completed ? _title : $"{_title} (step {last}/{_totalSteps})")
            .WithXAxisStyle(title: "step", min: 0, max: _totalSteps)
            .WithYAxisStyle(title: "loss", type: _logScale ? AxisType.Log : null)
            .WithLegend(_validation.Count > 0)
            .WithSize(700, 400);
    }

    private void Draw()
    {
        try
        {
            var figure = ToFigure();
            // The chart is always an update of a one-line placeholder, never the first display itself: this kernel
            // build gives display(x) and the first Update of what it returned different value ids, so the first
            // display stays on screen (and in the saved notebook) as it was. A line of text may stay; a stale chart
            // must not. Where a kernel keeps the ids the same, the chart replaces the line.
            _updateChart ??= _display!.Show(Placeholder);
            _updateChart(figure);
            _lastDraw = _clock();
        }
        catch (Exception e) when (e is InvalidOperationException or MissingMethodException or NotSupportedException)
        {
            // A kernel type without a host (e.g. the runner's library loaded by a test) cannot show anything:
            // say so once and carry on with printed lines rather than failing the training loop.
            _chartFailed = true;
            _output.WriteLine($"(live chart unavailable: {e.Message}; printing progress instead)");
        }
    }

    /// <summary>What is shown first, before the live chart (which follows it, below) is drawn.</summary>
    internal ProgressNote Placeholder => new($"{_title}: live chart below, redrawn while training runs");

    private void Print(int step, double loss, double? validation)
    {
        _lastPrinted = step;
        string val = validation is null ? "" : string.Create(CultureInfo.InvariantCulture, $"  val {validation:F4}");
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"step {step}/{_totalSteps}  loss {loss:F4}{val}  ({_clock().TotalSeconds:F1} s)"));
    }

    private static void CheckLoss(double loss, int step, string what)
    {
        if (double.IsNaN(loss) || double.IsInfinity(loss))
            throw new ArgumentException(
                $"TrainingProgress.Report: {what} at step {step} is {loss}; training has diverged (try a lower learning rate).");
    }
}

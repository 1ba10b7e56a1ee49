using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class LayoutCompositionTests
{
    private static readonly Figure Train = Chart.Line(new[] { 1.0, 2 }, new[] { 3.0, 2 }, name: "train").WithTitle("loss").WithYAxisStyle(type: AxisType.Log);
    private static readonly Figure Val = Chart.Line(new[] { 1.0, 2 }, new[] { 3.5, 2.5 }, name: "val").WithTitle("ignored");

    [Fact]
    public void Combine_puts_all_traces_on_one_plot_and_the_first_layout_wins()
    {
        var figure = Chart.Combine(Train, Val);

        Assert.Equal(new[] { "train", "val" }, figure.Data.Select(t => (string?)t!["name"]));
        Assert.Equal("loss", (string?)figure.Layout["title"]!["text"]);
        Assert.Equal("log", (string?)figure.Layout["yaxis"]!["type"]);
    }

    [Fact]
    public void Grid_gives_each_cell_its_own_axes_domain_and_title()
    {
        var heat = Chart.Heatmap(new double[,] { { 1, 2 }, { 3, 4 } }).WithTitle("attention");
        var figure = Chart.Grid(new[] { Train, heat }, rows: 1, columns: 2, horizontalSpacing: 0.1);

        var traces = figure.Data;
        Assert.Equal(("x", "y"), ((string?)traces[0]!["xaxis"], (string?)traces[0]!["yaxis"]));
        Assert.Equal(("x2", "y2"), ((string?)traces[1]!["xaxis"], (string?)traces[1]!["yaxis"]));
        var layout = figure.Layout;
        // Two cells of width (1 - 0.1) / 2 = 0.45.
        Assert.Equal(new[] { 0.0, 0.45 }, Json.Doubles(layout["xaxis"]!["domain"]));
        Assert.Equal(new[] { 0.55, 1.0 }, Json.Doubles(layout["xaxis2"]!["domain"]), new ToleranceComparer(1e-12));
        Assert.Equal("y2", (string?)layout["xaxis2"]!["anchor"]);
        Assert.Equal("x2", (string?)layout["yaxis2"]!["anchor"]);
        // Each cell keeps its own axis settings: the log axis of the first, the reversed rows of the heat map.
        Assert.Equal("log", (string?)layout["yaxis"]!["type"]);
        Assert.Equal("reversed", (string?)layout["yaxis2"]!["autorange"]);
        Assert.Equal(new[] { "loss", "attention" }, layout["annotations"]!.AsArray().Select(a => (string?)a!["text"]));
        Assert.Equal(0.775, (double)layout["annotations"]![1]!["x"]!, 12);
        // The heat map's colour bar sits beside its own cell.
        Assert.Equal(1.01, (double)traces[1]!["colorbar"]!["x"]!, 12);
        // Named curves stay in the legend; the unnamed heat map does not add a "trace 2" entry.
        Assert.Null(traces[0]!["showlegend"]);
        Assert.False((bool)traces[1]!["showlegend"]!);
    }

    [Fact]
    public void Grid_places_rows_top_down_and_3D_figures_in_their_own_scene()
    {
        var surface = Chart.Surface(new double[,] { { 0, 1 }, { 1, 0 } });
        var figure = Chart.Grid(new[] { Train, surface }, rows: 2, columns: 1, subplotTitles: new[] { "top", "bottom" }, verticalSpacing: 0.2);

        var layout = figure.Layout;
        Assert.Equal(new[] { 0.6, 1.0 }, Json.Doubles(layout["yaxis"]!["domain"]), new ToleranceComparer(1e-12));
        Assert.Equal("scene2", (string?)figure.Data[1]!["scene"]);
        Assert.Equal(new[] { 0.0, 0.4 }, Json.Doubles(layout["scene2"]!["domain"]!["y"]), new ToleranceComparer(1e-12));
        Assert.Equal(new[] { "top", "bottom" }, layout["annotations"]!.AsArray().Select(a => (string?)a!["text"]));
        Assert.Equal(700, (int)layout["height"]!);
    }

    [Fact]
    public void Grid_errors_say_what_does_not_fit()
    {
        Assert.Equal("Chart.Grid: 3 figures do not fit in a 1x2 grid. (Parameter 'figures')",
            Assert.Throws<ArgumentException>(() => Chart.Grid(new[] { Train, Val, Train }, 1, 2)).Message);
        Assert.Equal("Chart.Grid: 1 subplot titles for 2 figures. (Parameter 'subplotTitles')",
            Assert.Throws<ArgumentException>(() => Chart.Grid(new[] { Train, Val }, 1, 2, subplotTitles: new[] { "a" })).Message);
    }

    [Fact]
    public void Animate_writes_frames_and_one_slider_step_per_frame()
    {
        var steps = Enumerable.Range(0, 3).Select(t => Chart.Image(new double[,] { { 0, t } }, min: 0, max: 2)).ToArray();
        var figure = Chart.Animate(steps, labels: new[] { "t=2", "t=1", "t=0" }, frameDurationMs: 200);

        var frames = figure.Frames;
        Assert.Equal(new[] { "t=2", "t=1", "t=0" }, frames.Select(f => (string?)f!["name"]));
        Assert.Equal(new[] { 255, 255, 255 }, PngReader.FromTrace(frames[2]!["data"]![0]).Pixel(0, 1));
        // The figure itself shows the first frame.
        Assert.Equal(new[] { 0, 0, 0 }, PngReader.FromTrace(figure.Data[0]).Pixel(0, 1));

        var slider = figure.Layout["sliders"]![0]!;
        var sliderSteps = slider["steps"]!.AsArray();
        Assert.Equal(new[] { "t=2", "t=1", "t=0" }, sliderSteps.Select(s => (string?)s!["label"]));
        Assert.Equal("animate", (string?)sliderSteps[1]!["method"]);
        Assert.Equal("t=1", (string?)sliderSteps[1]!["args"]![0]![0]);
        var play = figure.Layout["updatemenus"]![0]!["buttons"]![0]!;
        Assert.Equal("Play", (string?)play["label"]);
        Assert.Equal(200, (int)play["args"]![1]!["frame"]!["duration"]!);
        Assert.Contains("\"frames\":[", figure.ToJson());
    }

    [Fact]
    public void Animate_needs_the_same_traces_in_every_frame_and_cannot_be_nested()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Animate(new[] { Train, Chart.Combine(Train, Val) }));
        Assert.StartsWith("Chart.Animate: frame 0 has 1 traces but frame 1 has 2; every frame must draw the same traces.", e.Message);

        var animation = Chart.Animate(new[] { Train, Val });
        var nested = Assert.Throws<ArgumentException>(() => Chart.Grid(new[] { animation }, 1, 1));
        Assert.StartsWith("Chart.Grid: figure 0 is animated; animations cannot be combined or put in a grid.", nested.Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}

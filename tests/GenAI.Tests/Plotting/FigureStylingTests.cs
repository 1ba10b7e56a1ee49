using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class FigureStylingTests
{
    private static readonly Figure Base = Chart.Line(new[] { 1.0, 10, 100 }, new[] { 1.0, 0.1, 0.01 });

    [Fact]
    public void Titles_axes_legend_and_size_land_in_the_layout()
    {
        var figure = Base.WithTitle("Loss").WithXAxisTitle("step").WithYAxisStyle(title: "loss", type: AxisType.Log)
            .WithLegend(true, "top-left").WithSize(640, 320);

        var layout = figure.Layout;
        Assert.Equal("Loss", (string?)layout["title"]!["text"]);
        Assert.Equal("step", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Equal("loss", (string?)layout["yaxis"]!["title"]!["text"]);
        Assert.Equal("log", (string?)layout["yaxis"]!["type"]);
        Assert.True((bool)layout["showlegend"]!);
        Assert.Equal(0.0, (double)layout["legend"]!["x"]!);
        Assert.Equal("left", (string?)layout["legend"]!["xanchor"]);
        Assert.Equal(640, (int)layout["width"]!);
        Assert.Equal(320, (int)layout["height"]!);
    }

    [Fact]
    public void With_methods_leave_the_original_figure_unchanged()
    {
        var titled = Base.WithTitle("changed");

        Assert.Null(Base.Layout["title"]);
        Assert.Equal("changed", (string?)titled.Layout["title"]!["text"]);
    }

    [Fact]
    public void Range_of_a_log_axis_is_given_in_powers_of_ten()
    {
        var layout = Base.WithXAxisStyle(type: AxisType.Log, min: 1, max: 1000).WithYAxisStyle(min: -1, max: 2).Layout;

        Assert.Equal(new[] { 0.0, 3 }, Json.Doubles(layout["xaxis"]!["range"]));
        Assert.Equal(new[] { -1.0, 2 }, Json.Doubles(layout["yaxis"]!["range"]));
    }

    [Fact]
    public void Bad_styles_are_errors_naming_the_value()
    {
        Assert.Equal("WithXAxisStyle: a log axis cannot start at 0; its range must be positive.",
            Assert.Throws<ArgumentException>(() => Base.WithXAxisStyle(type: AxisType.Log, min: 0, max: 10)).Message);
        Assert.Equal("WithYAxisStyle: min (3) must be below max (1).",
            Assert.Throws<ArgumentException>(() => Base.WithYAxisStyle(min: 3, max: 1)).Message);
        Assert.Equal("WithSize: width and height must be positive, got 0x300.",
            Assert.Throws<ArgumentException>(() => Base.WithSize(0, 300)).Message);
        Assert.StartsWith("WithLegend: unknown position \"middle\"",
            Assert.Throws<ArgumentException>(() => Base.WithLegend(true, "middle")).Message);
    }

    [Fact]
    public void Escape_hatches_reach_plotly_options_this_api_does_not_name()
    {
        var figure = Base.WithLayout("bargap", 0.3).WithTraces(t => t["opacity"] = 0.5).WithStaticPlot();

        Assert.Equal(0.3, (double)figure.Layout["bargap"]!);
        Assert.Equal(0.5, (double)figure.Data[0]!["opacity"]!);
        Assert.True((bool)figure.Config["staticPlot"]!);
        Assert.Null(Base.Data[0]!["opacity"]);
    }

    [Fact]
    public void Json_has_data_layout_and_config_and_describes_itself_in_text()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Base.WithTitle("t").ToJson())!;

        Assert.Equal("scatter", (string?)json["data"]![0]!["type"]);
        Assert.Equal("t", (string?)json["layout"]!["title"]!["text"]);
        Assert.True((bool)json["config"]!["responsive"]!);
        Assert.Null(json["frames"]);
        Assert.Equal("Plotly figure \"t\": 1 trace(s) (scatter)", Base.WithTitle("t").ToString());
    }
}

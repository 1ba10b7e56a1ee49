using System.Text.Json.Nodes;
using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class LineAndScatterTests
{
    [Fact]
    public void Line_writes_a_scatter_trace_in_lines_mode_with_the_given_values()
    {
        var figure = Chart.Line(new[] { 1, 2, 3 }, new[] { 2.5f, 1.25f, 0.5f }, name: "train", color: "red", dash: "dot");

        var trace = Assert.Single(figure.Data)!.AsObject();
        Assert.Equal("scatter", (string?)trace["type"]);
        Assert.Equal("lines", (string?)trace["mode"]);
        Assert.Equal("train", (string?)trace["name"]);
        Assert.Equal(new[] { 1.0, 2, 3 }, Json.Doubles(trace["x"]));
        Assert.Equal(new[] { 2.5, 1.25, 0.5 }, Json.Doubles(trace["y"]));
        Assert.Equal("red", (string?)trace["line"]!["color"]);
        Assert.Equal("dot", (string?)trace["line"]!["dash"]);
    }

    [Fact]
    public void Line_of_y_alone_puts_the_points_at_0_1_2_and_markers_switch_the_mode()
    {
        var trace = Chart.Line(new[] { 5.0, 4.0, 3.0 }, showMarkers: true).Data[0]!;

        Assert.Equal(new[] { 0.0, 1, 2 }, Json.Doubles(trace["x"]));
        Assert.Equal("lines+markers", (string?)trace["mode"]);
    }

    [Fact]
    public void Line_with_x_and_y_of_different_lengths_is_an_error_naming_both_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1.0, 2, 3 }, new[] { 1.0, 2 }));
        Assert.Equal("Chart.Line: x has 3 values but y has 2; they must have the same length.", e.Message);
    }

    [Fact]
    public void Line_with_NaN_is_an_error_naming_the_index()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1.0, double.NaN, 3 }));
        Assert.StartsWith("Chart.Line: y[1] is NaN", e.Message);

        var inf = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 0.0, 1 }, new[] { 1.0, double.NegativeInfinity }));
        Assert.StartsWith("Chart.Line: y[1] is -infinity", inf.Message);
    }

    [Fact]
    public void Scatter_writes_markers_with_size_symbol_and_hover_text()
    {
        var trace = Chart.Scatter(new[] { 0.5, 1.5 }, new[] { -1.0, 1.0 }, markerSize: 9, symbol: "x", text: new[] { "a", "b" }).Data[0]!;

        Assert.Equal("markers", (string?)trace["mode"]);
        Assert.Equal(9.0, (double)trace["marker"]!["size"]!);
        Assert.Equal("x", (string?)trace["marker"]!["symbol"]);
        Assert.Equal(new[] { "a", "b" }, Json.Strings(trace["text"]));
    }

    [Fact]
    public void Scatter_with_classes_makes_one_trace_per_class_in_order_of_first_appearance()
    {
        var figure = Chart.Scatter(new[] { 0.0, 1, 2, 3, 4 }, new[] { 10.0, 11, 12, 13, 14 },
            classes: new[] { "cat", "dog", "cat", "bird", "dog" });

        var traces = figure.Data.Select(t => t!.AsObject()).ToArray();
        Assert.Equal(new[] { "cat", "dog", "bird" }, traces.Select(t => (string?)t["name"]));
        Assert.Equal(new[] { 0.0, 2 }, Json.Doubles(traces[0]["x"]));
        Assert.Equal(new[] { 11.0, 14 }, Json.Doubles(traces[1]["y"]));
        Assert.Equal(new[] { 3.0 }, Json.Doubles(traces[2]["x"]));
        Assert.True((bool)figure.Layout["showlegend"]!);
    }

    [Fact]
    public void Scatter_with_integer_classes_orders_the_legend_by_class_number()
    {
        var figure = Chart.Scatter(new[] { 0.0, 1, 2, 3 }, new[] { 0.0, 1, 2, 3 }, new[] { 7, 2, 10, 2 });

        Assert.Equal(new[] { "2", "7", "10" }, figure.Data.Select(t => (string?)t!["name"]));
        Assert.Equal(new[] { 1.0, 3 }, Json.Doubles(figure.Data[0]!["x"]));
    }

    [Fact]
    public void Scatter_with_too_few_class_labels_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Scatter(new[] { 0.0, 1 }, new[] { 0.0, 1 }, classes: new[] { "a" }));
        Assert.Equal("Chart.Scatter: x has 2 values but classes has 1; they must have the same length.", e.Message);
    }
}

/// <summary>Reads JSON arrays back into C# values for comparisons.</summary>
internal static class Json
{
    public static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => (double)v!).ToArray();

    public static string[] Strings(JsonNode? node) => node!.AsArray().Select(v => (string)v!).ToArray();

    public static double[][] Rows(JsonNode? node) => node!.AsArray().Select(Doubles).ToArray();
}

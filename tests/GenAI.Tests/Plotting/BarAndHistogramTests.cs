using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class BarAndHistogramTests
{
    [Fact]
    public void Bar_puts_categories_on_x_and_values_on_y()
    {
        var trace = Chart.Bar(new[] { "a", "b", "c" }, new[] { 3, 1, 2 }, name: "counts", color: "#336699").Data[0]!;

        Assert.Equal("bar", (string?)trace["type"]);
        Assert.Equal(new[] { "a", "b", "c" }, Json.Strings(trace["x"]));
        Assert.Equal(new[] { 3.0, 1, 2 }, Json.Doubles(trace["y"]));
        Assert.Equal("#336699", (string?)trace["marker"]!["color"]);
        Assert.Null(trace["orientation"]);
    }

    [Fact]
    public void Horizontal_bar_swaps_the_axes_and_sets_the_orientation()
    {
        var trace = Chart.Bar(new[] { "a", "b" }, new[] { 0.5, 0.25 }, horizontal: true).Data[0]!;

        Assert.Equal("h", (string?)trace["orientation"]);
        Assert.Equal(new[] { "a", "b" }, Json.Strings(trace["y"]));
        Assert.Equal(new[] { 0.5, 0.25 }, Json.Doubles(trace["x"]));
    }

    [Fact]
    public void Bar_with_more_categories_than_values_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Bar(new[] { "a", "b" }, new[] { 1.0 }));
        Assert.Equal("Chart.Bar: categories has 2 values but values has 1; they must have the same length.", e.Message);
    }

    [Fact]
    public void Histogram_with_bins_cuts_min_to_max_into_equal_bins()
    {
        // Values 0..10 in 5 bins: start 0, end 10, size 2.
        var trace = Chart.Histogram(new[] { 0.0, 1, 4, 4, 10 }, bins: 5, density: true).Data[0]!;

        Assert.Equal("histogram", (string?)trace["type"]);
        Assert.Equal(new[] { 0.0, 1, 4, 4, 10 }, Json.Doubles(trace["x"]));
        Assert.Equal(0.0, (double)trace["xbins"]!["start"]!);
        Assert.Equal(10.0, (double)trace["xbins"]!["end"]!);
        Assert.Equal(2.0, (double)trace["xbins"]!["size"]!);
        Assert.Equal("probability density", (string?)trace["histnorm"]);
    }

    [Fact]
    public void Histogram_without_bins_leaves_binning_to_plotly()
    {
        var trace = Chart.Histogram(new[] { 1, 2, 3 }).Data[0]!;
        Assert.Null(trace["xbins"]);
        Assert.Null(trace["histnorm"]);
    }

    [Fact]
    public void Histogram_errors_name_the_problem()
    {
        Assert.Equal("Chart.Histogram: values is empty; there is nothing to draw.",
            Assert.Throws<ArgumentException>(() => Chart.Histogram(Array.Empty<double>())).Message);
        Assert.StartsWith("Chart.Histogram: bins must be positive, got 0.",
            Assert.Throws<ArgumentException>(() => Chart.Histogram(new[] { 1.0 }, bins: 0)).Message);
        Assert.StartsWith("Chart.Histogram: values[2] is NaN",
            Assert.Throws<ArgumentException>(() => Chart.Histogram(new[] { 1.0, 2, double.NaN })).Message);
    }
}

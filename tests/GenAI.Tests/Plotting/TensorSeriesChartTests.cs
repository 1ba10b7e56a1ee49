using GenAI.Plotting;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Plotting;

/// <summary>
/// The tensor overloads of the array charts draw exactly what the array overloads draw, and arrays still
/// compile to the array overloads although TorchSharp converts double[] to Tensor implicitly (these calls
/// would not compile, CS0121, without the priority on the array overloads).
/// </summary>
public class TensorSeriesChartTests
{
    private static readonly double[] Xs = { 0, 0.5, 1, 1.5 };
    private static readonly double[] Ys = { 3, -1, 2.25, 4 };

    private static string Json(Figure figure) => figure.RawData.ToJsonString();

    [Fact]
    public void Line_from_tensors_equals_line_from_arrays()
    {
        using var x = torch.tensor(Xs, dtype: ScalarType.Float32);
        using var y = torch.tensor(Ys, dtype: ScalarType.Float32);

        Assert.Equal(Json(Chart.Line(Ys, "loss")), Json(Chart.Line(y, "loss")));
        Assert.Equal(Json(Chart.Line(Xs, Ys, "loss", showMarkers: true)), Json(Chart.Line(x, y, "loss", showMarkers: true)));
        // One tensor and one array: the array converts to a tensor.
        Assert.Equal(Json(Chart.Line(Xs, Ys)), Json(Chart.Line(Xs, y)));
    }

    [Fact]
    public void Arrays_of_every_element_type_still_take_the_array_overloads()
    {
        var fromInts = Chart.Line(new[] { 1, 2, 3 }, new float[] { 1, 4, 9 });
        var fromLongs = Chart.Bar(new[] { "a", "b" }, new long[] { 2, 5 });
        var fromList = Chart.Histogram(new List<double> { 1, 2, 2, 3 }, bins: 3);

        Assert.Equal("[{\"type\":\"scatter\",\"x\":[1,2,3],\"y\":[1,4,9],\"mode\":\"lines\"}]", Json(fromInts));
        Assert.Contains("\"y\":[2,5]", Json(fromLongs));
        Assert.Contains("\"x\":[1,2,2,3]", Json(fromList));
    }

    [Fact]
    public void Scatter_bar_and_histogram_from_tensors_equal_their_array_versions()
    {
        using var x = torch.tensor(Xs);
        using var y = torch.tensor(Ys);
        int[] labels = { 1, 0, 1, 0 };
        using var grid = torch.tensor(new double[] { 1, 2, 2, 3, 3, 3 }, new long[] { 2, 3 });

        Assert.Equal(Json(Chart.Scatter(Xs, Ys, name: "points")), Json(Chart.Scatter(x, y, name: "points")));
        Assert.Equal(Json(Chart.Scatter(Xs, Ys, labels)), Json(Chart.Scatter(x, y, labels)));
        Assert.Equal(Json(Chart.Bar(new[] { "a", "b", "c", "d" }, Ys)), Json(Chart.Bar(new[] { "a", "b", "c", "d" }, y)));
        // A histogram flattens any shape: the six values of the 2x3 grid.
        Assert.Equal(Json(Chart.Histogram(new double[] { 1, 2, 2, 3, 3, 3 }, bins: 3)), Json(Chart.Histogram(grid, bins: 3)));
    }

    [Fact]
    public void Contour_surface_and_text_heatmap_from_tensors_equal_their_array_versions()
    {
        var z = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        using var zt = torch.tensor(new double[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 }).to_type(ScalarType.Float32);
        double[] gx = { -1, 0, 1 }, gy = { 10, 20 };
        using var tx = torch.tensor(gx);
        using var ty = torch.tensor(gy);
        var text = new[,] { { "a", "b", "c" }, { "d", "e", "f" } };

        Assert.Equal(Json(Chart.Contour(z, gx, gy, levels: 4)), Json(Chart.Contour(zt, gx, gy, levels: 4)));
        Assert.Equal(Json(Chart.Contour(z, gx, gy, levels: 4)), Json(Chart.Contour(zt, tx, ty, levels: 4)));
        Assert.Equal(Json(Chart.Contour(z)), Json(Chart.Contour(zt)));
        Assert.Equal(Json(Chart.Surface(z, gx, gy)), Json(Chart.Surface(zt, tx, ty)));
        Assert.Equal(Json(Chart.HeatmapWithText(z, text)), Json(Chart.HeatmapWithText(zt, text)));
    }

    [Fact]
    public void Wrong_shapes_are_errors_that_name_the_chart_the_parameter_and_the_shape()
    {
        using var square = torch.zeros(2, 2);
        using var vector = torch.zeros(3);

        Assert.Equal("Chart.Line: y must be a 1-D tensor, got [2, 2]. (Parameter 'y')",
            Assert.Throws<ArgumentException>(() => Chart.Line(square)).Message);
        Assert.Equal("Chart.Scatter: x must be a 1-D tensor, got [2, 2]. (Parameter 'x')",
            Assert.Throws<ArgumentException>(() => Chart.Scatter(square, vector)).Message);
        Assert.Equal("Chart.Contour: z must be a 2-D tensor [rows, columns], got [3]. (Parameter 'z')",
            Assert.Throws<ArgumentException>(() => Chart.Contour(vector)).Message);
        Assert.Equal("Chart.Contour: y must be a 1-D tensor, got [2, 2]. (Parameter 'y')",
            Assert.Throws<ArgumentException>(() => Chart.Contour(square, vector, square)).Message);
        // Lengths are checked as in the array overloads.
        Assert.Contains("Chart.Line", Assert.Throws<ArgumentException>(() => Chart.Line(vector, torch.zeros(4))).Message);
    }

    [Fact]
    public void Complex_and_non_finite_tensors_are_refused()
    {
        using var complex = torch.zeros(3, dtype: ScalarType.ComplexFloat32);
        using var withNaN = torch.tensor(new double[] { 1, double.NaN });

        Assert.StartsWith("Chart.Bar: values is complex", Assert.Throws<ArgumentException>(() => Chart.Bar(new[] { "a", "b", "c" }, complex)).Message);
        Assert.Contains("Chart.Line", Assert.Throws<ArgumentException>(() => Chart.Line(withNaN)).Message);
    }
}

using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class MatrixChartTests
{
    private static readonly double[,] Confusion = { { 5, 1, 0 }, { 2, 7, 1 } };

    [Fact]
    public void Heatmap_writes_z_by_rows_with_labels_colour_scale_and_range()
    {
        var figure = Chart.Heatmap(Confusion, xLabels: new[] { "a", "b", "c" }, yLabels: new[] { "0", "1" },
            colorScale: "Blues", zMin: 0, zMax: 10);

        var trace = figure.Data[0]!;
        Assert.Equal("heatmap", (string?)trace["type"]);
        Assert.Equal(new[] { new[] { 5.0, 1, 0 }, new[] { 2.0, 7, 1 } }, Json.Rows(trace["z"]));
        Assert.Equal(new[] { "a", "b", "c" }, Json.Strings(trace["x"]));
        Assert.Equal(new[] { "0", "1" }, Json.Strings(trace["y"]));
        Assert.Equal("Blues", (string?)trace["colorscale"]);
        Assert.Equal(0.0, (double)trace["zmin"]!);
        Assert.Equal(10.0, (double)trace["zmax"]!);
        Assert.Null(trace["texttemplate"]);
        Assert.Null(trace["reversescale"]);
        // Row 0 on top, labels kept as categories even when they look like numbers.
        Assert.Equal("reversed", (string?)figure.Layout["yaxis"]!["autorange"]);
        Assert.Equal("category", (string?)figure.Layout["yaxis"]!["type"]);
        Assert.Equal("category", (string?)figure.Layout["xaxis"]!["type"]);
    }

    [Fact]
    public void Heatmap_can_write_values_in_cells_and_keep_row_0_at_the_bottom()
    {
        var figure = Chart.Heatmap(Confusion, showValues: true, valueFormat: "d", reverseY: false, showScale: false, reverseScale: true);

        Assert.Equal("%{z:d}", (string?)figure.Data[0]!["texttemplate"]);
        Assert.True((bool)figure.Data[0]!["reversescale"]!);
        Assert.False((bool)figure.Data[0]!["showscale"]!);
        Assert.Null(figure.Layout["yaxis"]);
    }

    [Fact]
    public void Heatmap_from_rows_accepts_jagged_arrays_and_rejects_ragged_ones()
    {
        var figure = Chart.Heatmap(new[] { new[] { 1, 2 }, new[] { 3, 4 } });
        Assert.Equal(new[] { new[] { 1.0, 2 }, new[] { 3.0, 4 } }, Json.Rows(figure.Data[0]!["z"]));

        var e = Assert.Throws<ArgumentException>(() => Chart.Heatmap(new[] { new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 }, new[] { 7.0, 8 } }));
        Assert.Equal("Chart.Heatmap: z is ragged: row 0 has 3 values but row 2 has 2; every row must have the same length.", e.Message);
    }

    [Fact]
    public void Heatmap_label_count_must_match_the_matrix()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Heatmap(Confusion, xLabels: new[] { "a", "b" }));
        Assert.Equal("Chart.Heatmap: xLabels has 2 entries but z has 3 columns (z is 2x3).", e.Message);
        var rows = Assert.Throws<ArgumentException>(() => Chart.Heatmap(Confusion, yLabels: new[] { "a", "b", "c" }));
        Assert.Equal("Chart.Heatmap: yLabels has 3 entries but z has 2 rows (z is 2x3).", rows.Message);
    }

    [Fact]
    public void Heatmap_with_NaN_names_the_cell()
    {
        var z = new double[,] { { 1, 2 }, { double.NaN, 4 } };
        var e = Assert.Throws<ArgumentException>(() => Chart.Heatmap(z));
        Assert.StartsWith("Chart.Heatmap: z[1,0] is NaN", e.Message);
    }

    [Fact]
    public void Contour_keeps_numeric_grid_coordinates_and_options()
    {
        var z = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var trace = Chart.Contour(z, x: new[] { -1.0, 0, 1 }, y: new[] { 10.0, 20 }, showLabels: true, levels: 7).Data[0]!;

        Assert.Equal("contour", (string?)trace["type"]);
        Assert.Equal(new[] { -1.0, 0, 1 }, Json.Doubles(trace["x"]));
        Assert.Equal(new[] { 10.0, 20 }, Json.Doubles(trace["y"]));
        Assert.True((bool)trace["contours"]!["showlabels"]!);
        Assert.Equal(7, (int)trace["ncontours"]!);
    }

    [Fact]
    public void Contour_grid_must_fit_z()
    {
        var z = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var e = Assert.Throws<ArgumentException>(() => Chart.Contour(z, x: new[] { 0.0, 1 }));
        Assert.Equal("Chart.Contour: x has 2 entries but z has 3 columns (z is 2x3).", e.Message);
    }

    [Fact]
    public void Surface_and_a_3D_path_combine_into_one_scene()
    {
        var surface = Chart.Surface(new double[,] { { 0, 1 }, { 1, 2 } }, x: new[] { 0.0, 1 }, y: new[] { 0.0, 1 }, colorScale: "Earth");
        var path = Chart.Line3D(new[] { 0.0, 0.5 }, new[] { 0.0, 0.5 }, new[] { 2.0, 1.0 }, name: "sgd", color: "red");
        var figure = Chart.Combine(surface, path);

        Assert.Equal(new[] { "surface", "scatter3d" }, figure.Data.Select(t => (string?)t!["type"]));
        Assert.Equal("Earth", (string?)figure.Data[0]!["colorscale"]);
        Assert.Equal(new[] { 2.0, 1 }, Json.Doubles(figure.Data[1]!["z"]));
        Assert.Equal("lines+markers", (string?)figure.Data[1]!["mode"]);
    }

    [Fact]
    public void Line3D_checks_that_the_coordinates_have_one_length()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Line3D(new[] { 0.0, 1 }, new[] { 0.0, 1 }, new[] { 0.0 }));
        Assert.Equal("Chart.Line3D: x has 2 values but z has 1; they must have the same length.", e.Message);
    }
}

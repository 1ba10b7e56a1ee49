using GenAI.Plotting;

namespace GenAI.Tests.Plotting;

public class HeatmapWithTextTests
{
    [Fact]
    public void Each_cell_shows_its_own_text_over_the_coloured_values()
    {
        var figure = Chart.HeatmapWithText(new double[,] { { 1, 2 }, { 3, 4 } }, new[,] { { "→", "G" }, { "↑", "#" } }, fontSize: 14);
        var trace = figure.Data[0]!;
        Assert.Equal("heatmap", (string?)trace["type"]);
        Assert.Equal(new[] { new[] { 1.0, 2 }, new[] { 3.0, 4 } }, Json.Rows(trace["z"]));
        Assert.Equal(new[] { "→", "G" }, Json.Strings(trace["text"]![0]));
        Assert.Equal(new[] { "↑", "#" }, Json.Strings(trace["text"]![1]));
        Assert.Equal("%{text}", (string?)trace["texttemplate"]);
        Assert.Equal(14, (int)trace["textfont"]!["size"]!);
        Assert.Equal("reversed", (string?)figure.Layout["yaxis"]!["autorange"]);
    }

    [Fact]
    public void Text_of_another_shape_is_an_error_naming_both_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.HeatmapWithText(new double[2, 3], new string[3, 2]));
        Assert.Contains("3x2", e.Message);
        Assert.Contains("2x3", e.Message);
    }
}

using GenAI.Plotting;

namespace GenAI.Tests.Browser;

/// <summary>One small figure of every kind the course draws, for the browser tests.</summary>
public static class EveryChartKind
{
    public static IReadOnlyList<(string Name, Figure Figure)> Figures()
    {
        var steps = Enumerable.Range(1, 50).ToArray();
        var loss = Chart.Combine(
                Chart.Line(steps, steps.Select(s => 3.0 / Math.Sqrt(s)), name: "train"),
                Chart.Line(steps, steps.Select(s => 3.2 / Math.Sqrt(s) + 0.05), name: "validation", dash: "dash"))
            .WithTitle("Loss").WithXAxisTitle("step").WithYAxisStyle(title: "loss", type: AxisType.Log).WithLegend(true, "top-right");

        // Three clusters of points, coloured by class.
        var index = Enumerable.Range(0, 60).ToArray();
        var scatter = Chart.Scatter(index.Select(i => i % 3 * 2 + Math.Cos(i * 1.7) * 0.6), index.Select(i => i % 3 + Math.Sin(i * 2.3) * 0.4),
                index.Select(i => i % 3).ToArray())
            .WithTitle("Classes");

        var bar = Chart.Bar(new[] { "the", "of", "and", "to" }, new[] { 120, 80, 75, 60 }).WithTitle("Counts");
        var histogram = Chart.Histogram(Enumerable.Range(0, 200).Select(i => Math.Sin(i * 12.9898) * 43758.5453 % 1), bins: 20)
            .WithTitle("Histogram");

        var confusion = new double[,] { { 50, 2, 1 }, { 3, 45, 5 }, { 0, 4, 48 } };
        var heatmap = Chart.Heatmap(confusion, new[] { "cat", "dog", "bird" }, new[] { "cat", "dog", "bird" },
            colorScale: "Blues", showValues: true, valueFormat: "d", reverseScale: true).WithTitle("Confusion");

        var grid = Enumerable.Range(0, 21).Select(i => -2 + i * 0.2).ToArray();
        var bowl = new double[21, 21];
        for (int r = 0; r < 21; r++)
            for (int c = 0; c < 21; c++)
                bowl[r, c] = grid[c] * grid[c] + 3 * grid[r] * grid[r];
        var contour = Chart.Combine(
            Chart.Contour(bowl, grid, grid),
            Chart.Line(new[] { -1.8, -1.0, -0.5, -0.2, 0.0 }, new[] { 1.5, 0.6, 0.2, 0.05, 0.0 }, name: "sgd", showMarkers: true, color: "white"))
            .WithTitle("Loss surface");
        var surface = Chart.Surface(bowl, grid, grid).WithTitle("Surface");

        var digit = new double[8, 8];
        for (int r = 1; r < 7; r++) { digit[r, 2] = 1; digit[r, 5] = 1; }
        for (int c = 2; c < 6; c++) { digit[1, c] = 1; digit[6, c] = 1; }
        var image = Chart.Image(digit).WithTitle("Image");
        var imageGrid = Chart.ImageGrid(Enumerable.Range(0, 6).Select(k => Shift(digit, k)).ToArray(), columns: 3).WithTitle("Samples");

        var denoise = Chart.Animate(
            Enumerable.Range(0, 4).Select(t => Chart.Image(Noisy(digit, 0.6 * (3 - t) / 3.0), min: 0, max: 1)).ToArray(),
            labels: new[] { "t=3", "t=2", "t=1", "t=0" }).WithTitle("Denoising");

        var subplots = Chart.Grid(new[] { loss, heatmap, image, bar }, rows: 2, columns: 2).WithTitle("Grid");

        return new (string, Figure)[]
        {
            ("line", loss), ("scatter", scatter), ("bar", bar), ("histogram", histogram), ("heatmap", heatmap),
            ("contour", contour), ("surface", surface), ("image", image), ("image grid", imageGrid),
            ("animation", denoise), ("grid", subplots),
        };
    }

    private static double[,] Shift(double[,] image, int by)
    {
        var shifted = new double[8, 8];
        for (int r = 0; r < 8; r++)
            for (int c = 0; c < 8; c++)
                shifted[r, c] = image[r, (c + by) % 8];
        return shifted;
    }

    /// <summary>Deterministic "noise" so the picture is the same every run.</summary>
    private static double[,] Noisy(double[,] image, double amount)
    {
        var noisy = new double[8, 8];
        for (int r = 0; r < 8; r++)
            for (int c = 0; c < 8; c++)
                noisy[r, c] = (1 - amount) * image[r, c] + amount * ((r * 7 + c * 13) % 10 / 9.0);
        return noisy;
    }
}

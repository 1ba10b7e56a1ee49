using System.Text.Json.Nodes;

namespace GenAI.Plotting;

public static partial class Chart
{
    /// <summary>
    /// A greyscale image from pixels[row, column]. Values are mapped linearly so that <paramref name="min"/>
    /// becomes black and <paramref name="max"/> white (defaults: the image's own min and max); values outside are clipped.
    /// </summary>
    public static Figure Image(double[,] pixels, double? min = null, double? max = null, string? title = null)
    {
        const string chart = "Chart.Image";
        ArgumentNullException.ThrowIfNull(pixels);
        int h = pixels.GetLength(0), w = pixels.GetLength(1);
        var rgb = new double[h, w, 3];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
                rgb[r, c, 0] = rgb[r, c, 1] = rgb[r, c, 2] = pixels[r, c];
        return Image(rgb, min, max, title, chart);
    }

    /// <summary>A colour image from pixels[row, column, channel] with 3 channels (red, green, blue), scaled like the greyscale one.</summary>
    public static Figure Image(double[,,] pixels, double? min = null, double? max = null, string? title = null) =>
        Image(pixels, min, max, title, "Chart.Image");

    /// <summary>
    /// Greyscale images side by side in a grid of <paramref name="columns"/> columns, separated by
    /// <paramref name="padding"/> white pixels: generated samples, reconstructions, denoising strips.
    /// All images share one scale (given, or the min and max over all of them) so they compare fairly.
    /// </summary>
    public static Figure ImageGrid(IReadOnlyList<double[,]> images, int columns = 8, double? min = null, double? max = null,
        int padding = 2, string? title = null)
    {
        const string chart = "Chart.ImageGrid";
        ArgumentNullException.ThrowIfNull(images);
        PlotlyJson.RequireNotEmpty(images.Count, chart, "images");
        if (columns < 1) throw new ArgumentException($"{chart}: columns must be at least 1, got {columns}.", nameof(columns));
        if (padding < 0) throw new ArgumentException($"{chart}: padding cannot be negative, got {padding}.", nameof(padding));
        int h = images[0].GetLength(0), w = images[0].GetLength(1);
        for (int i = 1; i < images.Count; i++)
            if (images[i].GetLength(0) != h || images[i].GetLength(1) != w)
                throw new ArgumentException(
                    $"{chart}: image 0 is {h}x{w} but image {i} is {images[i].GetLength(0)}x{images[i].GetLength(1)}; all images must have one size.");
        foreach (var (image, i) in images.Select((m, i) => (m, i)))
            PlotlyJson.RequireFinite(image, chart, $"images[{i}]");

        double lo = min ?? images.Min(m => m.Cast<double>().Min());
        double hi = max ?? images.Max(m => m.Cast<double>().Max());
        int cols = Math.Min(columns, images.Count), rows = (images.Count + cols - 1) / cols;
        var grid = new byte[padding + rows * (h + padding), padding + cols * (w + padding), 3];
        // White padding reads as a gap between images, whatever their content.
        for (int r = 0; r < grid.GetLength(0); r++)
            for (int c = 0; c < grid.GetLength(1); c++)
                grid[r, c, 0] = grid[r, c, 1] = grid[r, c, 2] = 255;
        for (int i = 0; i < images.Count; i++)
        {
            int top = padding + i / cols * (h + padding), left = padding + i % cols * (w + padding);
            for (int r = 0; r < h; r++)
                for (int c = 0; c < w; c++)
                    grid[top + r, left + c, 0] = grid[top + r, left + c, 1] = grid[top + r, left + c, 2] =
                        ToByte(images[i][r, c], lo, hi);
        }
        return ImageFigure(grid, title);
    }

    private static Figure Image(double[,,] pixels, double? min, double? max, string? title, string chart)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        int h = pixels.GetLength(0), w = pixels.GetLength(1), channels = pixels.GetLength(2);
        if (channels != 3)
            throw new ArgumentException($"{chart}: a colour image needs 3 channels (pixels[row, column, channel]), got {h}x{w}x{channels}.", nameof(pixels));
        if (h == 0 || w == 0) throw new ArgumentException($"{chart}: the image is empty ({h}x{w}).", nameof(pixels));
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
                for (int k = 0; k < 3; k++)
                {
                    double v = pixels[r, c, k];
                    PlotlyJson.RequireFinite(v, chart, $"pixels[{r},{c},{k}]");
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
        lo = min ?? lo;
        hi = max ?? hi;
        var bytes = new byte[h, w, 3];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
                for (int k = 0; k < 3; k++)
                    bytes[r, c, k] = ToByte(pixels[r, c, k], lo, hi);
        return ImageFigure(bytes, title);
    }

    /// <summary>Maps lo..hi to 0..255, clipping outside values; a flat range (hi == lo) maps to black.</summary>
    private static byte ToByte(double v, double lo, double hi)
    {
        if (hi <= lo) return 0;
        double scaled = (v - lo) / (hi - lo) * 255.0;
        return (byte)Math.Round(Math.Clamp(scaled, 0, 255));
    }

    /// <summary>An image trace for RGB bytes [row, column, channel], with the axes' ticks and grid hidden.</summary>
    internal static Figure ImageFigure(byte[,,] rgb, string? title)
    {
        var trace = new JsonObject { ["type"] = "image", ["source"] = PngEncoder.DataUri(rgb) };
        var figure = Figure.FromTraces(trace).WithLayout(l =>
        {
            foreach (var axis in new[] { "xaxis", "yaxis" })
                l[axis] = new JsonObject { ["showticklabels"] = false, ["showgrid"] = false, ["zeroline"] = false, ["ticks"] = "" };
        });
        return title is null ? figure : figure.WithTitle(title);
    }
}

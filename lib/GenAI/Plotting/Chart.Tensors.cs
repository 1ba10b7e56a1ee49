using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Plotting;

public static partial class Chart
{
    /// <summary>
    /// An image from a tensor: grey [H, W] or [1, H, W], colour [3, H, W] or [H, W, 3]. Values are mapped so that
    /// <paramref name="min"/> is black and <paramref name="max"/> white (defaults: the tensor's own min and max).
    /// A 3-D tensor whose first dimension is 1 or 3 is read as channels first, as PyTorch lays images out.
    /// The scaling and the channel shuffle run in libtorch; only the final bytes are read out.
    /// </summary>
    public static Figure Image(Tensor image, double? min = null, double? max = null, string? title = null)
    {
        const string chart = "Chart.Image";
        ArgumentNullException.ThrowIfNull(image);
        using var scope = torch.NewDisposeScope();
        var hwc = image.Dimensions switch
        {
            2 => image.unsqueeze(-1),
            3 when image.shape[0] is 1 or 3 => image.permute(1, 2, 0),
            3 when image.shape[2] is 1 or 3 => image,
            _ => throw new ArgumentException(
                $"{chart}: an image tensor must be [H, W], [1, H, W], [3, H, W] or [H, W, 3]; got {Shape(image)}. " +
                "For a batch [N, C, H, W] use Chart.ImageGrid.", nameof(image)),
        };
        // An empty image has no pixels to scale: with min and max given it would fail while the
        // bytes are copied out, without them inside libtorch's min().
        if (hwc.shape[0] == 0 || hwc.shape[1] == 0)
            throw new ArgumentException($"{chart}: the image is empty ({Shape(image)}): it needs at least one row and one column.", nameof(image));
        var bytes = ToUint8(Scale(hwc, min, max, chart, Shape(image)));
        return ImageFigure(ReadRgb(bytes), title);
    }

    /// <summary>
    /// A batch of images [N, C, H, W] (C = 1 or 3) or [N, H, W] as a grid with <paramref name="columns"/> columns and
    /// <paramref name="padding"/> white pixels between images, all on one scale: generated samples, reconstructions.
    /// </summary>
    public static Figure ImageGrid(Tensor images, int columns = 8, double? min = null, double? max = null, int padding = 2,
        string? title = null)
    {
        const string chart = "Chart.ImageGrid";
        ArgumentNullException.ThrowIfNull(images);
        if (columns < 1) throw new ArgumentException($"{chart}: columns must be at least 1, got {columns}.", nameof(columns));
        if (padding < 0) throw new ArgumentException($"{chart}: padding cannot be negative, got {padding}.", nameof(padding));
        using var scope = torch.NewDisposeScope();
        var nchw = images.Dimensions switch
        {
            3 => images.unsqueeze(1),
            4 when images.shape[1] is 1 or 3 => images,
            _ => throw new ArgumentException(
                $"{chart}: a batch of images must be [N, C, H, W] with C = 1 or 3, or [N, H, W]; got {Shape(images)}.", nameof(images)),
        };
        long n = nchw.shape[0], c = nchw.shape[1], h = nchw.shape[2], w = nchw.shape[3];
        if (n == 0) throw new ArgumentException($"{chart}: the batch is empty ({Shape(images)}).", nameof(images));
        // Images without rows or columns would draw a grid of white padding and nothing else.
        if (h == 0 || w == 0)
            throw new ArgumentException($"{chart}: the images are empty ({Shape(images)}): each needs at least one row and one column.", nameof(images));

        // Scale the whole batch at once so that every image shares one scale.
        var scaled = Scale(nchw, min, max, chart, Shape(images));
        long cols = Math.Min(columns, n), rows = (n + cols - 1) / cols;
        // White padding right and below each image; empty cells at the end are white images.
        var padded = torch.nn.functional.pad(scaled, new long[] { 0, padding, 0, padding }, value: 255);
        if (rows * cols > n)
            padded = torch.cat(new[] { padded, torch.full(new[] { rows * cols - n, c, h + padding, w + padding }, 255f) }, 0);
        // [rows, cols, C, H+p, W+p] -> [rows, H+p, cols, W+p, C] -> one picture [rows*(H+p), cols*(W+p), C].
        var grid = padded.reshape(rows, cols, c, h + padding, w + padding)
            .permute(0, 3, 1, 4, 2)
            .reshape(rows * (h + padding), cols * (w + padding), c);
        // The top and left border, so that every image has padding on all sides.
        grid = torch.nn.functional.pad(grid, new long[] { 0, 0, padding, 0, padding, 0 }, value: 255);
        return ImageFigure(ReadRgb(ToUint8(grid)), title);
    }

    /// <summary>A heat map of a 2-D tensor (attention weights, positional encodings, count matrices).</summary>
    public static Figure Heatmap(Tensor z, IReadOnlyList<string>? xLabels = null, IReadOnlyList<string>? yLabels = null,
        string colorScale = "Viridis", bool showValues = false, string valueFormat = ".2f", bool reverseY = true,
        double? zMin = null, double? zMax = null, bool showScale = true, string? name = null, bool reverseScale = false) =>
        Heatmap(Matrix(z, "Chart.Heatmap", nameof(z)), xLabels, yLabels, colorScale, showValues, valueFormat, reverseY, zMin, zMax,
            showScale, name, reverseScale);

    /// <summary>Contour lines of a 2-D tensor z[row, column] (a loss surface computed on a grid), over x by y.</summary>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]   // arrays for x and y take this one
    public static Figure Contour(Tensor z, IReadOnlyList<double>? x = null, IReadOnlyList<double>? y = null,
        string colorScale = "Viridis", bool showLabels = false, int? levels = null, bool showScale = true, string? name = null) =>
        Contour(Matrix(z, "Chart.Contour", nameof(z)), x, y, colorScale, showLabels, levels, showScale, name);

    /// <summary>Contour lines of a 2-D tensor over the 1-D tensors x (one value per column) and y (one per row).</summary>
    public static Figure Contour(Tensor z, Tensor x, Tensor y,
        string colorScale = "Viridis", bool showLabels = false, int? levels = null, bool showScale = true, string? name = null) =>
        Contour(Matrix(z, "Chart.Contour", nameof(z)), Vector(x, "Chart.Contour", nameof(x)), Vector(y, "Chart.Contour", nameof(y)),
            colorScale, showLabels, levels, showScale, name);

    /// <summary>A 3-D surface of a 2-D tensor z[row, column] over x by y.</summary>
    [System.Runtime.CompilerServices.OverloadResolutionPriority(1)]   // arrays for x and y take this one
    public static Figure Surface(Tensor z, IReadOnlyList<double>? x = null, IReadOnlyList<double>? y = null,
        string colorScale = "Viridis", bool showScale = true, string? name = null) =>
        Surface(Matrix(z, "Chart.Surface", nameof(z)), x, y, colorScale, showScale, name);

    /// <summary>A 3-D surface of a 2-D tensor over the 1-D tensors x and y.</summary>
    public static Figure Surface(Tensor z, Tensor x, Tensor y, string colorScale = "Viridis", bool showScale = true, string? name = null) =>
        Surface(Matrix(z, "Chart.Surface", nameof(z)), Vector(x, "Chart.Surface", nameof(x)), Vector(y, "Chart.Surface", nameof(y)),
            colorScale, showScale, name);

    /// <summary>A heat map of a 2-D tensor with a text in every cell (see the array overload).</summary>
    public static Figure HeatmapWithText(Tensor z, string[,] cellText, string colorScale = "Viridis",
        double? zMin = null, double? zMax = null, bool showScale = true, int fontSize = 20) =>
        HeatmapWithText(Matrix(z, "Chart.HeatmapWithText", nameof(z)), cellText, colorScale, zMin, zMax, showScale, fontSize);

    /// <summary>Values mapped to 0..255 (float32, CPU), checked for NaN and infinities first.</summary>
    private static Tensor Scale(Tensor input, double? min, double? max, string chart, string shape)
    {
        var x = input.detach().cpu().to_type(ScalarType.Float32);
        long bad = x.isfinite().logical_not().sum().item<long>();
        if (bad > 0)
            throw new ArgumentException($"{chart}: the tensor {shape} holds {bad} NaN or infinite value(s); a chart cannot show them.");
        double lo = min ?? x.min().item<float>();
        double hi = max ?? x.max().item<float>();
        if (min is not null && max is not null && lo >= hi)
            throw new ArgumentException($"{chart}: min ({lo}) must be below max ({hi}).");
        // A flat image (hi == lo) shows black, like the array version.
        double range = hi > lo ? hi - lo : double.PositiveInfinity;
        return x.sub(lo).mul(255.0 / range).clamp(0, 255);
    }

    /// <summary>Rounds 0..255 floats [H, W, C] to bytes; a grey channel is repeated into red, green and blue.</summary>
    private static Tensor ToUint8(Tensor hwc)
    {
        var rgb = hwc.shape[2] == 1 ? hwc.expand(new long[] { hwc.shape[0], hwc.shape[1], 3 }) : hwc;
        return rgb.round().to_type(ScalarType.Byte).contiguous();
    }

    private static byte[,,] ReadRgb(Tensor hwcBytes)
    {
        long h = hwcBytes.shape[0], w = hwcBytes.shape[1];
        var flat = hwcBytes.data<byte>().ToArray();
        var rgb = new byte[h, w, 3];
        Buffer.BlockCopy(flat, 0, rgb, 0, flat.Length);
        return rgb;
    }

    private static string Shape(Tensor t) => ShapeText.Of(t);
}

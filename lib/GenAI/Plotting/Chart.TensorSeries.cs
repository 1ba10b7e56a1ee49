using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Plotting;

/// <summary>
/// The 1-D charts straight from tensors (a loss curve, an activation, a column of a matrix), so that a
/// notebook does not copy a "tensor to double[]" helper. Each takes 1-D tensors on any device and of any
/// real dtype, copies them to the CPU as float64, and then draws exactly what the array overload draws.
/// Arrays keep choosing the array overloads (they carry OverloadResolutionPriority(1)), although
/// TorchSharp converts a double[] to a Tensor implicitly.
/// </summary>
public static partial class Chart
{
    /// <summary>A line through y[0], y[1]... at x = 0, 1, 2...: y is a 1-D tensor.</summary>
    public static Figure Line(Tensor y, string? name = null, bool showMarkers = false, string? color = null,
        string? dash = null, double? width = null) =>
        Line(Vector(y, "Chart.Line", nameof(y)), name, showMarkers, color, dash, width);

    /// <summary>A line through (x[i], y[i]): x and y are 1-D tensors (or one of them an array).</summary>
    public static Figure Line(Tensor x, Tensor y, string? name = null, bool showMarkers = false, string? color = null,
        string? dash = null, double? width = null) =>
        Line(Vector(x, "Chart.Line", nameof(x)), Vector(y, "Chart.Line", nameof(y)), name, showMarkers, color, dash, width);

    /// <summary>Points at (x[i], y[i]) from 1-D tensors; <paramref name="classes"/> as in the array overload.</summary>
    public static Figure Scatter(Tensor x, Tensor y, IReadOnlyList<string>? classes = null, string? name = null,
        double markerSize = 6, string? color = null, string? symbol = null, IReadOnlyList<string>? text = null) =>
        Scatter(Vector(x, "Chart.Scatter", nameof(x)), Vector(y, "Chart.Scatter", nameof(y)), classes, name, markerSize, color, symbol, text);

    /// <summary>Points from 1-D tensors coloured by integer class labels, classes in ascending order.</summary>
    public static Figure Scatter(Tensor x, Tensor y, IReadOnlyList<int> classes, double markerSize = 6, string? symbol = null) =>
        Scatter(Vector(x, "Chart.Scatter", nameof(x)), Vector(y, "Chart.Scatter", nameof(y)), classes, markerSize, symbol);

    /// <summary>One bar per category, heights from a 1-D tensor.</summary>
    public static Figure Bar(IEnumerable<string> categories, Tensor values, string? name = null, string? color = null,
        bool horizontal = false) =>
        Bar(categories, Vector(values, "Chart.Bar", nameof(values)), name, color, horizontal);

    /// <summary>Histogram of a tensor's values; any shape is flattened (all weights of a layer, all activations).</summary>
    public static Figure Histogram(Tensor values, int? bins = null, string? name = null, string? color = null,
        bool density = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Histogram(Vector(values.flatten(), "Chart.Histogram", nameof(values)), bins, name, color, density);
    }

    /// <summary>A 1-D tensor as float64 values on the CPU; any other shape is an error naming the chart and the parameter.</summary>
    private static double[] Vector(Tensor t, string chart, string parameter)
    {
        ArgumentNullException.ThrowIfNull(t, parameter);
        if (t.Dimensions != 1)
            throw new ArgumentException($"{chart}: {parameter} must be a 1-D tensor, got {Shape(t)}.", parameter);
        RequireReal(t, chart, parameter);
        using var scope = torch.NewDisposeScope();
        return t.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

    /// <summary>A 2-D tensor as a float64 [rows, columns] array on the CPU.</summary>
    private static double[,] Matrix(Tensor t, string chart, string parameter)
    {
        ArgumentNullException.ThrowIfNull(t, parameter);
        if (t.Dimensions != 2)
            throw new ArgumentException($"{chart}: {parameter} must be a 2-D tensor [rows, columns], got {Shape(t)}.", parameter);
        RequireReal(t, chart, parameter);
        using var scope = torch.NewDisposeScope();
        var values = t.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        var matrix = new double[t.shape[0], t.shape[1]];
        Buffer.BlockCopy(values, 0, matrix, 0, values.Length * sizeof(double));
        return matrix;
    }

    private static void RequireReal(Tensor t, string chart, string parameter)
    {
        if (t.is_complex())
            throw new ArgumentException($"{chart}: {parameter} is complex ({t.dtype}); plot its real part, imaginary part or magnitude.", parameter);
    }
}

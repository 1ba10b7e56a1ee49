using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace GenAI.Plotting;

/// <summary>
/// Factories for the course's charts, named after Plotly.NET's C# API (Chart.Line, Chart.Scatter,
/// Chart.Heatmap, Chart.Grid...). Each returns a <see cref="Figure"/> to style further with With... methods.
/// Any numeric element type works (double, float, int, long...).
/// </summary>
public static partial class Chart
{
    /// <summary>A line through (x[i], y[i]), e.g. a loss curve over training steps.</summary>
    [OverloadResolutionPriority(1)]   // arrays take these, not the Tensor overloads (see Chart.TensorSeries.cs)
    public static Figure Line<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, string? name = null,
        bool showMarkers = false, string? color = null, string? dash = null, double? width = null)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        const string chart = "Chart.Line";
        var xs = PlotlyJson.ToFinite(x, chart, "x");
        var ys = PlotlyJson.ToFinite(y, chart, "y");
        PlotlyJson.RequireSameLength(xs.Length, ys.Length, chart);
        var trace = XY("scatter", xs, ys, name);
        trace["mode"] = showMarkers ? "lines+markers" : "lines";
        var line = new JsonObject();
        PlotlyJson.SetIf(line, "color", color);
        PlotlyJson.SetIf(line, "dash", dash);
        if (width is not null) line["width"] = width.Value;
        if (line.Count > 0) trace["line"] = line;
        return Figure.FromTraces(trace);
    }

    /// <summary>A line through y[0], y[1]... at x = 0, 1, 2...</summary>
    [OverloadResolutionPriority(1)]   // arrays take these, not the Tensor overloads (see Chart.TensorSeries.cs)
    public static Figure Line<TY>(IEnumerable<TY> y, string? name = null,
        bool showMarkers = false, string? color = null, string? dash = null, double? width = null)
        where TY : INumberBase<TY>
    {
        var ys = PlotlyJson.ToFinite(y, "Chart.Line", "y");
        return Line(Enumerable.Range(0, ys.Length), ys, name, showMarkers, color, dash, width);
    }

    /// <summary>
    /// Points at (x[i], y[i]). With <paramref name="classes"/> each distinct class becomes its own
    /// trace (own colour and legend entry), in order of first appearance: e.g. a 2-D embedding coloured by label.
    /// </summary>
    [OverloadResolutionPriority(1)]   // arrays take these, not the Tensor overloads (see Chart.TensorSeries.cs)
    public static Figure Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, IReadOnlyList<string>? classes = null,
        string? name = null, double markerSize = 6, string? color = null, string? symbol = null,
        IReadOnlyList<string>? text = null)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        const string chart = "Chart.Scatter";
        var xs = PlotlyJson.ToFinite(x, chart, "x");
        var ys = PlotlyJson.ToFinite(y, chart, "y");
        PlotlyJson.RequireSameLength(xs.Length, ys.Length, chart);
        if (text is not null) PlotlyJson.RequireSameLength(xs.Length, text.Count, chart, "x", "text");
        if (markerSize <= 0) throw new ArgumentException($"{chart}: markerSize must be positive, got {markerSize}.", nameof(markerSize));

        if (classes is null)
            return Figure.FromTraces(Markers(xs, ys, Enumerable.Range(0, xs.Length).ToArray(), name, markerSize, color, symbol, text));

        PlotlyJson.RequireSameLength(xs.Length, classes.Count, chart, "x", "classes");
        if (color is not null)
            throw new ArgumentException($"{chart}: give either classes (one colour per class) or color, not both.", nameof(color));
        var traces = classes
            .Select((label, index) => (label, index))
            .GroupBy(p => p.label, p => p.index)
            .Select(g => Markers(xs, ys, g.ToArray(), g.Key, markerSize, null, symbol, text))
            .ToArray();
        return Figure.FromTraces(traces).WithLegend(true);
    }

    /// <summary>Points coloured by integer class labels (e.g. digit classes 0-9), classes in ascending order.</summary>
    [OverloadResolutionPriority(1)]   // arrays take these, not the Tensor overloads (see Chart.TensorSeries.cs)
    public static Figure Scatter<TX, TY>(IEnumerable<TX> x, IEnumerable<TY> y, IReadOnlyList<int> classes,
        double markerSize = 6, string? symbol = null)
        where TX : INumberBase<TX> where TY : INumberBase<TY>
    {
        ArgumentNullException.ThrowIfNull(classes);
        var figure = Scatter(x, y, classes.Select(c => c.ToString()).ToArray(), markerSize: markerSize, symbol: symbol);
        // Order the traces (and so the legend) by class number rather than by first appearance.
        var sorted = figure.RawData.Select(t => t!.DeepClone())
            .OrderBy(t => int.Parse(t["name"]!.GetValue<string>())).ToArray();
        return new Figure(new JsonArray(sorted), figure.RawLayout.DeepClone().AsObject());
    }

    /// <summary>Vertical bars, one per category (horizontal bars with <paramref name="horizontal"/>).</summary>
    [OverloadResolutionPriority(1)]   // arrays take these, not the Tensor overloads (see Chart.TensorSeries.cs)
    public static Figure Bar<T>(IEnumerable<string> categories, IEnumerable<T> values, string? name = null,
        string? color = null, bool horizontal = false)
        where T : INumberBase<T>
    {
        const string chart = "Chart.Bar";
        ArgumentNullException.ThrowIfNull(categories);
        var labels = categories.ToArray();
        var heights = PlotlyJson.ToFinite(values, chart, "values");
        PlotlyJson.RequireSameLength(labels.Length, heights.Length, chart, "categories", "values");
        var trace = new JsonObject
        {
            ["type"] = "bar",
            [horizontal ? "y" : "x"] = PlotlyJson.Array(labels),
            [horizontal ? "x" : "y"] = PlotlyJson.Array(heights),
        };
        if (horizontal) trace["orientation"] = "h";
        PlotlyJson.SetIf(trace, "name", name);
        if (color is not null) trace["marker"] = new JsonObject { ["color"] = color };
        return Figure.FromTraces(trace);
    }

    /// <summary>
    /// Histogram of <paramref name="values"/>. With <paramref name="bins"/> the range [min, max] is cut into exactly
    /// that many equal bins; <paramref name="density"/> scales bar areas to sum to 1.
    /// </summary>
    [OverloadResolutionPriority(1)]   // arrays take these, not the Tensor overloads (see Chart.TensorSeries.cs)
    public static Figure Histogram<T>(IEnumerable<T> values, int? bins = null, string? name = null,
        string? color = null, bool density = false)
        where T : INumberBase<T>
    {
        const string chart = "Chart.Histogram";
        var xs = PlotlyJson.ToFinite(values, chart, "values");
        PlotlyJson.RequireNotEmpty(xs.Length, chart, "values");
        var trace = new JsonObject { ["type"] = "histogram", ["x"] = PlotlyJson.Array(xs) };
        if (bins is not null)
        {
            if (bins <= 0) throw new ArgumentException($"{chart}: bins must be positive, got {bins}.", nameof(bins));
            double min = xs.Min(), max = xs.Max();
            // A single repeated value still needs a bin of non-zero width.
            double size = max > min ? (max - min) / bins.Value : 1.0;
            trace["xbins"] = new JsonObject { ["start"] = min, ["end"] = max, ["size"] = size };
            trace["autobinx"] = false;
        }
        if (density) trace["histnorm"] = "probability density";
        PlotlyJson.SetIf(trace, "name", name);
        if (color is not null) trace["marker"] = new JsonObject { ["color"] = color };
        return Figure.FromTraces(trace);
    }

    private static JsonObject XY(string type, double[] x, double[] y, string? name)
    {
        var trace = new JsonObject { ["type"] = type, ["x"] = PlotlyJson.Array(x), ["y"] = PlotlyJson.Array(y) };
        PlotlyJson.SetIf(trace, "name", name);
        return trace;
    }

    private static JsonObject Markers(double[] x, double[] y, int[] indices, string? name, double size,
        string? color, string? symbol, IReadOnlyList<string>? text)
    {
        var trace = XY("scatter", indices.Select(i => x[i]).ToArray(), indices.Select(i => y[i]).ToArray(), name);
        trace["mode"] = "markers";
        var marker = new JsonObject { ["size"] = size };
        PlotlyJson.SetIf(marker, "color", color);
        PlotlyJson.SetIf(marker, "symbol", symbol);
        trace["marker"] = marker;
        if (text is not null) trace["text"] = PlotlyJson.Array(indices.Select(i => text[i]));
        return trace;
    }
}

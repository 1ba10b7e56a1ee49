using System.Numerics;
using System.Text.Json.Nodes;

namespace GenAI.Plotting;

public static partial class Chart
{
    /// <summary>
    /// A heat map of z[row, column]: count matrices, attention maps, positional encodings, confusion matrices.
    /// Row 0 is drawn at the top (like a printed matrix) unless <paramref name="reverseY"/> is false.
    /// <paramref name="showValues"/> writes each cell's value in it, formatted with the d3 format
    /// <paramref name="valueFormat"/> (".2f", "d", ".0%").
    /// </summary>
    public static Figure Heatmap(double[,] z, IReadOnlyList<string>? xLabels = null, IReadOnlyList<string>? yLabels = null,
        string colorScale = "Viridis", bool showValues = false, string valueFormat = ".2f", bool reverseY = true,
        double? zMin = null, double? zMax = null, bool showScale = true, string? name = null, bool reverseScale = false)
    {
        const string chart = "Chart.Heatmap";
        var trace = MatrixTrace("heatmap", chart, z, xLabels, yLabels, colorScale, zMin, zMax, showScale, name);
        if (showValues) trace["texttemplate"] = $"%{{z:{valueFormat}}}";
        // Plotly's sequential scales (Blues, Greys...) run dark to light; reversing makes large counts dark.
        if (reverseScale) trace["reversescale"] = true;
        return Figure.FromTraces(trace).WithLayout(l =>
        {
            // Labels such as "0", "1", "2" would otherwise turn the axis numeric and lose their order.
            if (xLabels is not null) PlotlyJson.Child(l, "xaxis")["type"] = "category";
            if (yLabels is not null) PlotlyJson.Child(l, "yaxis")["type"] = "category";
            if (reverseY) PlotlyJson.Child(l, "yaxis")["autorange"] = "reversed";
        });
    }

    /// <summary>A heat map from rows (e.g. double[][] or List&lt;List&lt;int&gt;&gt;); ragged rows are an error.</summary>
    public static Figure Heatmap<T>(IReadOnlyList<IReadOnlyList<T>> z, IReadOnlyList<string>? xLabels = null,
        IReadOnlyList<string>? yLabels = null, string colorScale = "Viridis", bool showValues = false,
        string valueFormat = ".2f", bool reverseY = true, double? zMin = null, double? zMax = null, bool showScale = true,
        string? name = null, bool reverseScale = false)
        where T : INumberBase<T> =>
        Heatmap(PlotlyJson.FromRows(z, "Chart.Heatmap", "z"), xLabels, yLabels, colorScale, showValues, valueFormat,
            reverseY, zMin, zMax, showScale, name, reverseScale);

    /// <summary>
    /// Contour lines of z[row, column] over the grid x (one value per column) by y (one per row):
    /// a loss surface seen from above. Combine with <see cref="Line{TX,TY}(IEnumerable{TX},IEnumerable{TY},string,bool,string,string,double?)"/>
    /// to draw an optimiser's path on it.
    /// </summary>
    public static Figure Contour(double[,] z, IReadOnlyList<double>? x = null, IReadOnlyList<double>? y = null,
        string colorScale = "Viridis", bool showLabels = false, int? levels = null, bool showScale = true, string? name = null)
    {
        const string chart = "Chart.Contour";
        var trace = MatrixTrace("contour", chart, z, x?.Select(Str).ToArray(), y?.Select(Str).ToArray(),
            colorScale, null, null, showScale, name);
        // Numeric grids stay numbers, so that a path drawn over the contour shares its axes.
        if (x is not null) trace["x"] = PlotlyJson.Array(PlotlyJson.ToFinite(x, chart, "x"));
        if (y is not null) trace["y"] = PlotlyJson.Array(PlotlyJson.ToFinite(y, chart, "y"));
        if (showLabels) trace["contours"] = new JsonObject { ["showlabels"] = true };
        if (levels is not null)
        {
            if (levels < 1) throw new ArgumentException($"{chart}: levels must be at least 1, got {levels}.", nameof(levels));
            trace["ncontours"] = levels.Value;
            trace["autocontour"] = true;
        }
        return Figure.FromTraces(trace);
    }

    /// <summary>A 3-D surface of z[row, column] over x (one value per column) by y (one per row).</summary>
    public static Figure Surface(double[,] z, IReadOnlyList<double>? x = null, IReadOnlyList<double>? y = null,
        string colorScale = "Viridis", bool showScale = true, string? name = null)
    {
        const string chart = "Chart.Surface";
        var trace = MatrixTrace("surface", chart, z, x?.Select(Str).ToArray(), y?.Select(Str).ToArray(),
            colorScale, null, null, showScale, name);
        if (x is not null) trace["x"] = PlotlyJson.Array(PlotlyJson.ToFinite(x, chart, "x"));
        if (y is not null) trace["y"] = PlotlyJson.Array(PlotlyJson.ToFinite(y, chart, "y"));
        return Figure.FromTraces(trace);
    }

    /// <summary>A path through 3-D points, e.g. an optimiser's steps drawn on a <see cref="Surface"/>.</summary>
    public static Figure Line3D<T>(IEnumerable<T> x, IEnumerable<T> y, IEnumerable<T> z, string? name = null,
        bool showMarkers = true, string? color = null)
        where T : INumberBase<T>
    {
        const string chart = "Chart.Line3D";
        var xs = PlotlyJson.ToFinite(x, chart, "x");
        var ys = PlotlyJson.ToFinite(y, chart, "y");
        var zs = PlotlyJson.ToFinite(z, chart, "z");
        PlotlyJson.RequireSameLength(xs.Length, ys.Length, chart);
        PlotlyJson.RequireSameLength(xs.Length, zs.Length, chart, "x", "z");
        var trace = new JsonObject
        {
            ["type"] = "scatter3d",
            ["x"] = PlotlyJson.Array(xs),
            ["y"] = PlotlyJson.Array(ys),
            ["z"] = PlotlyJson.Array(zs),
            ["mode"] = showMarkers ? "lines+markers" : "lines",
        };
        PlotlyJson.SetIf(trace, "name", name);
        if (color is not null)
        {
            trace["line"] = new JsonObject { ["color"] = color };
            trace["marker"] = new JsonObject { ["color"] = color };
        }
        return Figure.FromTraces(trace);
    }

    private static string Str(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The common part of heat map, contour and surface traces: checked z and axis labels.</summary>
    private static JsonObject MatrixTrace(string type, string chart, double[,] z, IReadOnlyList<string>? xLabels,
        IReadOnlyList<string>? yLabels, string colorScale, double? zMin, double? zMax, bool showScale, string? name)
    {
        ArgumentNullException.ThrowIfNull(z);
        int rows = z.GetLength(0), columns = z.GetLength(1);
        if (rows == 0 || columns == 0)
            throw new ArgumentException($"{chart}: z is empty ({rows}x{columns}); there is nothing to draw.", nameof(z));
        PlotlyJson.RequireFinite(z, chart, "z");
        string xName = type == "heatmap" ? "xLabels" : "x", yName = type == "heatmap" ? "yLabels" : "y";
        if (xLabels is not null && xLabels.Count != columns)
            throw new ArgumentException($"{chart}: {xName} has {xLabels.Count} entries but z has {columns} columns (z is {rows}x{columns}).");
        if (yLabels is not null && yLabels.Count != rows)
            throw new ArgumentException($"{chart}: {yName} has {yLabels.Count} entries but z has {rows} rows (z is {rows}x{columns}).");
        if (zMin is not null && zMax is not null && zMin >= zMax)
            throw new ArgumentException($"{chart}: zMin ({zMin}) must be below zMax ({zMax}).");

        var trace = new JsonObject { ["type"] = type, ["z"] = PlotlyJson.Matrix(z), ["colorscale"] = colorScale };
        // Labels are categories: "0","1",... must not be re-sorted or merged by Plotly's number detection.
        if (xLabels is not null) trace["x"] = PlotlyJson.Array(xLabels);
        if (yLabels is not null) trace["y"] = PlotlyJson.Array(yLabels);
        if (zMin is not null) trace["zmin"] = zMin.Value;
        if (zMax is not null) trace["zmax"] = zMax.Value;
        if (!showScale) trace["showscale"] = false;
        PlotlyJson.SetIf(trace, "name", name);
        return trace;
    }
}

using System.Text.Json.Nodes;

namespace GenAI.Plotting;

/// <summary>Axis scales Plotly understands.</summary>
public enum AxisType { Linear, Log, Category }

/// <summary>
/// A Plotly.js figure: traces (data), layout, optional animation frames and config.
/// Build one with <see cref="Chart"/>; every With... method returns a new figure and leaves
/// the original as it was, so a base figure can be styled several ways.
/// In a notebook a figure displays itself as an interactive chart (see FigureFormatter.cs).
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed partial class Figure
{
    private readonly JsonArray _data;
    private readonly JsonObject _layout;
    private readonly JsonArray _frames;
    private readonly JsonObject _config;

    internal Figure(JsonArray data, JsonObject layout, JsonArray? frames = null, JsonObject? config = null)
    {
        _data = data;
        _layout = layout;
        _frames = frames ?? new JsonArray();
        _config = config ?? new JsonObject { ["responsive"] = true, ["displaylogo"] = false };
    }

    internal static Figure FromTraces(params JsonObject[] traces) =>
        new(new JsonArray(traces.Select(t => (JsonNode?)t).ToArray()), new JsonObject());

    /// <summary>The traces as Plotly JSON (a copy: editing it does not change the figure).</summary>
    public JsonArray Data => (JsonArray)_data.DeepClone();

    /// <summary>The layout as Plotly JSON (a copy).</summary>
    public JsonObject Layout => (JsonObject)_layout.DeepClone();

    /// <summary>The animation frames as Plotly JSON (a copy; empty when the figure is not animated).</summary>
    public JsonArray Frames => (JsonArray)_frames.DeepClone();

    /// <summary>The Plotly config (a copy).</summary>
    public JsonObject Config => (JsonObject)_config.DeepClone();

    public int TraceCount => _data.Count;

    /// <summary>The whole figure as one Plotly.js object: {data, layout, frames, config}.</summary>
    public JsonObject ToJsonObject()
    {
        var figure = new JsonObject
        {
            ["data"] = _data.DeepClone(),
            ["layout"] = _layout.DeepClone(),
        };
        if (_frames.Count > 0) figure["frames"] = _frames.DeepClone();
        figure["config"] = _config.DeepClone();
        return figure;
    }

    /// <summary>Plotly.js JSON text of <see cref="ToJsonObject"/>, safe to embed in a script tag.</summary>
    public string ToJson()
    {
        // Written straight from the figure's own nodes: building a ToJsonObject first would copy every array.
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new() { Encoder = PlotlyJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            _data.WriteTo(writer, PlotlyJson.Options);
            writer.WritePropertyName("layout");
            _layout.WriteTo(writer, PlotlyJson.Options);
            if (_frames.Count > 0)
            {
                writer.WritePropertyName("frames");
                _frames.WriteTo(writer, PlotlyJson.Options);
            }
            writer.WritePropertyName("config");
            _config.WriteTo(writer, PlotlyJson.Options);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public override string ToString()
    {
        var kinds = _data.Select(t => t?["type"]?.GetValue<string>() ?? "?").Distinct();
        string title = _layout["title"]?["text"]?.GetValue<string>() is { } t ? $" \"{t}\"" : "";
        string frames = _frames.Count > 0 ? $", {_frames.Count} frames" : "";
        return $"Plotly figure{title}: {_data.Count} trace(s) ({string.Join(", ", kinds)}){frames}";
    }

    // ---- Fluent styling: each method copies the figure and changes the copy. ----

    /// <summary>Returns a copy whose layout has been changed by <paramref name="edit"/>.</summary>
    public Figure WithLayout(Action<JsonObject> edit)
    {
        var copy = Copy();
        edit(copy._layout);
        return copy;
    }

    /// <summary>Sets one top-level layout key, e.g. WithLayout("bargap", 0.1).</summary>
    public Figure WithLayout(string key, JsonNode? value) => WithLayout(l => l[key] = value?.DeepClone());

    /// <summary>Returns a copy with every trace changed by <paramref name="edit"/> (for Plotly options this API does not name).</summary>
    public Figure WithTraces(Action<JsonObject> edit)
    {
        var copy = Copy();
        foreach (var trace in copy._data) edit((JsonObject)trace!);
        return copy;
    }

    public Figure WithTitle(string title) => WithLayout(l => l["title"] = new JsonObject { ["text"] = title });

    public Figure WithXAxisTitle(string title) => WithXAxisStyle(title: title);

    public Figure WithYAxisTitle(string title) => WithYAxisStyle(title: title);

    /// <summary>Styles the x axis: title, scale (log for losses over many orders of magnitude), fixed range, grid.</summary>
    public Figure WithXAxisStyle(string? title = null, AxisType? type = null, double? min = null, double? max = null, bool? showGrid = null) =>
        WithLayout(l => StyleAxis(PlotlyJson.Child(l, "xaxis"), "WithXAxisStyle", title, type, min, max, showGrid));

    public Figure WithYAxisStyle(string? title = null, AxisType? type = null, double? min = null, double? max = null, bool? showGrid = null) =>
        WithLayout(l => StyleAxis(PlotlyJson.Child(l, "yaxis"), "WithYAxisStyle", title, type, min, max, showGrid));

    /// <summary>Shows or hides the legend; optionally places it ("top-right", "top-left", "bottom-right", "bottom-left").</summary>
    public Figure WithLegend(bool show = true, string? position = null)
    {
        JsonObject? placement = position switch
        {
            null => null,
            "top-right" => Place(1, 1, "right", "top"),
            "top-left" => Place(0, 1, "left", "top"),
            "bottom-right" => Place(1, 0, "right", "bottom"),
            "bottom-left" => Place(0, 0, "left", "bottom"),
            _ => throw new ArgumentException(
                $"WithLegend: unknown position \"{position}\"; use top-right, top-left, bottom-right or bottom-left.", nameof(position)),
        };
        return WithLayout(l =>
        {
            l["showlegend"] = show;
            if (placement is not null) l["legend"] = placement;
        });

        static JsonObject Place(double x, double y, string xAnchor, string yAnchor) =>
            new() { ["x"] = x, ["y"] = y, ["xanchor"] = xAnchor, ["yanchor"] = yAnchor };
    }

    /// <summary>Fixes the figure's size in pixels (otherwise it fills the output's width).</summary>
    public Figure WithSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentException($"WithSize: width and height must be positive, got {width}x{height}.");
        return WithLayout(l =>
        {
            l["width"] = width;
            l["height"] = height;
        });
    }

    /// <summary>Makes the figure a static picture (no zoom, no hover), e.g. for image grids in reports.</summary>
    public Figure WithStaticPlot(bool isStatic = true)
    {
        var copy = Copy();
        copy._config["staticPlot"] = isStatic;
        return copy;
    }

    private static void StyleAxis(JsonObject axis, string method, string? title, AxisType? type, double? min, double? max, bool? showGrid)
    {
        if (title is not null) axis["title"] = new JsonObject { ["text"] = title };
        if (type is not null) axis["type"] = type.Value.ToString().ToLowerInvariant();
        if (min is not null || max is not null)
        {
            if (min is null || max is null)
                throw new ArgumentException($"{method}: give both min and max for a fixed range (got min={min?.ToString() ?? "null"}, max={max?.ToString() ?? "null"}).");
            PlotlyJson.RequireFinite(min.Value, method, "min");
            PlotlyJson.RequireFinite(max.Value, method, "max");
            if (min >= max) throw new ArgumentException($"{method}: min ({min}) must be below max ({max}).");
            bool log = (type ?? ParseType(axis)) == AxisType.Log;
            if (log && min <= 0)
                throw new ArgumentException($"{method}: a log axis cannot start at {min}; its range must be positive.");
            // Plotly takes the range of a log axis in powers of ten.
            axis["range"] = log
                ? new JsonArray(Math.Log10(min.Value), Math.Log10(max.Value))
                : new JsonArray(min.Value, max.Value);
        }
        if (showGrid is not null) axis["showgrid"] = showGrid.Value;
    }

    private static AxisType? ParseType(JsonObject axis) =>
        axis["type"]?.GetValue<string>() == "log" ? AxisType.Log : null;

    internal Figure Copy() => new(
        (JsonArray)_data.DeepClone(), (JsonObject)_layout.DeepClone(),
        (JsonArray)_frames.DeepClone(), (JsonObject)_config.DeepClone());

    // Direct access for the builders in this folder (Chart.Grid, Chart.Animate...), which copy first.
    internal JsonArray RawData => _data;
    internal JsonObject RawLayout => _layout;
    internal JsonArray RawFrames => _frames;
    internal JsonObject RawConfig => _config;
}

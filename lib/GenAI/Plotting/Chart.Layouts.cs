using System.Globalization;
using System.Text.Json.Nodes;

namespace GenAI.Plotting;

public static partial class Chart
{
    /// <summary>
    /// Draws several figures' traces on one set of axes (train and validation loss, a path over a contour).
    /// Layout settings come from the first figure that has them.
    /// </summary>
    public static Figure Combine(params Figure[] figures) => Combine((IEnumerable<Figure>)figures);

    public static Figure Combine(IEnumerable<Figure> figures)
    {
        const string chart = "Chart.Combine";
        var list = CheckFigures(figures, chart);
        var data = new JsonArray();
        var layout = new JsonObject();
        foreach (var figure in list)
        {
            foreach (var trace in figure.RawData) data.Add(trace!.DeepClone());
            PlotlyJson.MergeMissing(layout, figure.RawLayout);
        }
        return new Figure(data, layout, null, list[0].RawConfig.DeepClone().AsObject());
    }

    /// <summary>
    /// Subplots: the figures in a grid of <paramref name="rows"/> x <paramref name="columns"/> cells, filled row by row,
    /// each with its own axes. A cell's title is the figure's title unless <paramref name="subplotTitles"/> gives one.
    /// </summary>
    public static Figure Grid(IReadOnlyList<Figure> figures, int rows, int columns,
        IReadOnlyList<string>? subplotTitles = null, double horizontalSpacing = 0.08, double verticalSpacing = 0.2)
    {
        const string chart = "Chart.Grid";
        var list = CheckFigures(figures, chart);
        if (rows < 1 || columns < 1)
            throw new ArgumentException($"{chart}: rows and columns must be at least 1, got {rows}x{columns}.");
        if (list.Count > rows * columns)
            throw new ArgumentException($"{chart}: {list.Count} figures do not fit in a {rows}x{columns} grid.", nameof(figures));
        if (subplotTitles is not null && subplotTitles.Count != list.Count)
            throw new ArgumentException($"{chart}: {subplotTitles.Count} subplot titles for {list.Count} figures.", nameof(subplotTitles));
        if (horizontalSpacing < 0 || horizontalSpacing * (columns - 1) >= 1 || verticalSpacing < 0 || verticalSpacing * (rows - 1) >= 1)
            throw new ArgumentException($"{chart}: spacing {horizontalSpacing}/{verticalSpacing} leaves no room for {rows}x{columns} cells.");

        double cellWidth = (1 - horizontalSpacing * (columns - 1)) / columns;
        double cellHeight = (1 - verticalSpacing * (rows - 1)) / rows;
        var data = new JsonArray();
        var layout = new JsonObject
        {
            ["height"] = Math.Max(350, 350 * rows),
            ["showlegend"] = list.Any(f => f.TraceCount > 1),
            // Below the cells, where it cannot cover a colour bar at the right edge.
            ["legend"] = new JsonObject { ["orientation"] = "h", ["x"] = 0, ["xanchor"] = "left", ["y"] = -0.08, ["yanchor"] = "top" },
        };
        var annotations = new JsonArray();

        for (int i = 0; i < list.Count; i++)
        {
            int row = i / columns, column = i % columns;
            double x0 = column * (cellWidth + horizontalSpacing), x1 = x0 + cellWidth;
            double y1 = 1 - row * (cellHeight + verticalSpacing), y0 = y1 - cellHeight;
            // Plotly names the first axes "x"/"y" in traces but "xaxis"/"yaxis" in the layout; later ones get a number.
            string n = i == 0 ? "" : (i + 1).ToString(CultureInfo.InvariantCulture);
            var source = list[i];
            bool is3D = source.RawData.Any(t => t?["type"]?.GetValue<string>() is "surface" or "scatter3d");

            foreach (var node in source.RawData)
            {
                var trace = node!.DeepClone().AsObject();
                // Unnamed traces would appear as "trace 4"; only named curves belong in the shared legend.
                if (trace["name"] is null) trace["showlegend"] = false;
                if (is3D) trace["scene"] = "scene" + n;
                else
                {
                    trace["xaxis"] = "x" + n;
                    trace["yaxis"] = "y" + n;
                }
                if (trace["type"]?.GetValue<string>() is "heatmap" or "contour" or "surface")
                    PlaceColorBar(trace, x1, y0, y1);
                data.Add(trace);
            }

            if (is3D)
            {
                var scene = source.RawLayout["scene"]?.DeepClone().AsObject() ?? new JsonObject();
                scene["domain"] = new JsonObject { ["x"] = new JsonArray(x0, x1), ["y"] = new JsonArray(y0, y1) };
                layout["scene" + n] = scene;
            }
            else
            {
                layout["xaxis" + n] = Axis(source.RawLayout["xaxis"], x0, x1, "y" + n, n);
                layout["yaxis" + n] = Axis(source.RawLayout["yaxis"], y0, y1, "x" + n, n);
            }

            string? title = subplotTitles?[i] ?? source.RawLayout["title"]?["text"]?.GetValue<string>();
            if (title is not null)
                annotations.Add(new JsonObject
                {
                    ["text"] = title, ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                    ["x"] = (x0 + x1) / 2, ["y"] = y1, ["xanchor"] = "center", ["yanchor"] = "bottom",
                    ["font"] = new JsonObject { ["size"] = 14 },
                });
        }
        if (annotations.Count > 0) layout["annotations"] = annotations;
        return new Figure(data, layout);
    }

    /// <summary>
    /// An animation: one frame per figure (all with the same traces, e.g. the image at each denoising step),
    /// a slider to pick a frame and a play button. The layout is the first figure's.
    /// </summary>
    public static Figure Animate(IReadOnlyList<Figure> frames, IReadOnlyList<string>? labels = null, int frameDurationMs = 300)
    {
        const string chart = "Chart.Animate";
        var list = CheckFigures(frames, chart);
        if (labels is not null && labels.Count != list.Count)
            throw new ArgumentException($"{chart}: {labels.Count} labels for {list.Count} frames.", nameof(labels));
        if (frameDurationMs < 0)
            throw new ArgumentException($"{chart}: frameDurationMs cannot be negative, got {frameDurationMs}.", nameof(frameDurationMs));
        int traceCount = list[0].TraceCount;
        for (int i = 1; i < list.Count; i++)
            if (list[i].TraceCount != traceCount)
                throw new ArgumentException(
                    $"{chart}: frame 0 has {traceCount} traces but frame {i} has {list[i].TraceCount}; every frame must draw the same traces.", nameof(frames));

        var names = labels ?? Enumerable.Range(0, list.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (names.Distinct().Count() != names.Count)
            throw new ArgumentException($"{chart}: frame labels must be distinct (Plotly finds frames by name).", nameof(labels));

        var frameArray = new JsonArray();
        var steps = new JsonArray();
        for (int i = 0; i < list.Count; i++)
        {
            frameArray.Add(new JsonObject { ["name"] = names[i], ["data"] = list[i].RawData.DeepClone() });
            steps.Add(new JsonObject
            {
                ["label"] = names[i],
                ["method"] = "animate",
                ["args"] = new JsonArray(new JsonArray(names[i]), AnimationOptions(0)),
            });
        }

        var layout = list[0].RawLayout.DeepClone().AsObject();
        layout["sliders"] = new JsonArray(new JsonObject
        {
            ["active"] = 0,
            ["steps"] = steps,
            ["currentvalue"] = new JsonObject { ["prefix"] = "frame: " },
            ["pad"] = new JsonObject { ["t"] = 40 },
        });
        layout["updatemenus"] = new JsonArray(new JsonObject
        {
            ["type"] = "buttons",
            ["showactive"] = false,
            ["x"] = 0, ["y"] = 0, ["xanchor"] = "right", ["yanchor"] = "top",
            ["pad"] = new JsonObject { ["t"] = 40, ["r"] = 10 },
            ["buttons"] = new JsonArray(
                new JsonObject
                {
                    ["label"] = "Play", ["method"] = "animate",
                    // null = all frames in order; fromcurrent continues from where the slider is.
                    ["args"] = new JsonArray(null, AnimationOptions(frameDurationMs, fromCurrent: true)),
                },
                new JsonObject
                {
                    ["label"] = "Pause", ["method"] = "animate",
                    ["args"] = new JsonArray(new JsonArray((JsonNode?)null), AnimationOptions(0)),
                }),
        });
        return new Figure(list[0].RawData.DeepClone().AsArray(), layout, frameArray, list[0].RawConfig.DeepClone().AsObject());
    }

    private static JsonObject AnimationOptions(int durationMs, bool fromCurrent = false)
    {
        var options = new JsonObject
        {
            ["mode"] = "immediate",
            // redraw: image and heat map traces only change when the plot is redrawn.
            ["frame"] = new JsonObject { ["duration"] = durationMs, ["redraw"] = true },
            ["transition"] = new JsonObject { ["duration"] = 0 },
        };
        if (fromCurrent) options["fromcurrent"] = true;
        return options;
    }

    private static JsonObject Axis(JsonNode? source, double from, double to, string anchor, string n)
    {
        var axis = source?.DeepClone().AsObject() ?? new JsonObject();
        axis["domain"] = new JsonArray(from, to);
        axis["anchor"] = anchor;
        // Images keep square pixels by tying y to x; inside a grid that must be this cell's x.
        if (axis["scaleanchor"] is not null) axis["scaleanchor"] = "x" + n;
        return axis;
    }

    /// <summary>Each colour bar sits just right of its own cell instead of all of them at the figure's edge.</summary>
    private static void PlaceColorBar(JsonObject trace, double x1, double y0, double y1)
    {
        if (trace["showscale"]?.GetValue<bool>() == false) return;
        var bar = PlotlyJson.Child(trace, "colorbar");
        bar["x"] = x1 + 0.01;
        bar["xanchor"] = "left";
        bar["y"] = (y0 + y1) / 2;
        bar["yanchor"] = "middle";
        bar["len"] = y1 - y0;
        bar["thickness"] = 12;
    }

    private static List<Figure> CheckFigures(IEnumerable<Figure> figures, string chart)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures.ToList();
        PlotlyJson.RequireNotEmpty(list.Count, chart, "figures");
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is null) throw new ArgumentException($"{chart}: figure {i} is null.", nameof(figures));
            if (list[i].RawFrames.Count > 0)
                throw new ArgumentException($"{chart}: figure {i} is animated; animations cannot be combined or put in a grid.", nameof(figures));
        }
        return list;
    }
}

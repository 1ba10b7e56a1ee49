using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAI.Plotting;

/// <summary>
/// Turns C# arrays into the JSON arrays Plotly.js reads, checking on the way that the
/// data is something a chart can show: JSON has no NaN or infinity, and Plotly silently
/// drops or misplaces values of ragged or mismatched arrays, so both are errors here.
/// </summary>
internal static class PlotlyJson
{
    /// <summary>
    /// The default encoder escapes &lt; &gt; &amp; and quotes, which keeps a string such as
    /// "&lt;/script&gt;" inside a title from ending the script block the JSON is embedded in.
    /// </summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    internal static string Serialize(JsonNode node) => node.ToJsonString(Options);

    /// <summary>Converts any numeric sequence to doubles, rejecting NaN and infinities.</summary>
    internal static double[] ToFinite<T>(IEnumerable<T> values, string chart, string argument)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(values, argument);
        var result = values.Select(double.CreateSaturating).ToArray();
        for (int i = 0; i < result.Length; i++)
            RequireFinite(result[i], chart, $"{argument}[{i}]");
        return result;
    }

    internal static void RequireFinite(double value, string chart, string where)
    {
        if (double.IsNaN(value))
            throw new ArgumentException($"{chart}: {where} is NaN; a chart cannot show NaN (remove it or replace it first).");
        if (double.IsInfinity(value))
            throw new ArgumentException($"{chart}: {where} is {(value > 0 ? "+" : "-")}infinity; a chart cannot show infinite values.");
    }

    internal static void RequireFinite(double[,] z, string chart, string argument)
    {
        for (int r = 0; r < z.GetLength(0); r++)
            for (int c = 0; c < z.GetLength(1); c++)
                RequireFinite(z[r, c], chart, $"{argument}[{r},{c}]");
    }

    internal static void RequireSameLength(int xLength, int yLength, string chart, string x = "x", string y = "y")
    {
        if (xLength != yLength)
            throw new ArgumentException($"{chart}: {x} has {xLength} values but {y} has {yLength}; they must have the same length.");
    }

    internal static void RequireNotEmpty(int length, string chart, string argument)
    {
        if (length == 0)
            throw new ArgumentException($"{chart}: {argument} is empty; there is nothing to draw.");
    }

    /// <summary>Builds a rectangular matrix from rows, naming the first row whose length differs.</summary>
    internal static double[,] FromRows<T>(IReadOnlyList<IReadOnlyList<T>> rows, string chart, string argument)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(rows, argument);
        RequireNotEmpty(rows.Count, chart, argument);
        int columns = rows[0].Count;
        for (int r = 1; r < rows.Count; r++)
            if (rows[r].Count != columns)
                throw new ArgumentException(
                    $"{chart}: {argument} is ragged: row 0 has {columns} values but row {r} has {rows[r].Count}; every row must have the same length.");
        var z = new double[rows.Count, columns];
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < columns; c++)
                z[r, c] = double.CreateSaturating(rows[r][c]);
        return z;
    }

    internal static JsonArray Array(IEnumerable<double> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    internal static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    internal static JsonArray Array(IEnumerable<int> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>A [rows, columns] matrix as Plotly's list of rows (z[row][column]).</summary>
    internal static JsonArray Matrix(double[,] z)
    {
        var rows = new JsonArray();
        for (int r = 0; r < z.GetLength(0); r++)
        {
            var row = new JsonArray();
            for (int c = 0; c < z.GetLength(1); c++)
                row.Add(z[r, c]);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Sets obj[key] only when the value is given, so unset options stay Plotly's defaults.</summary>
    internal static void SetIf(JsonObject obj, string key, JsonNode? value)
    {
        if (value is not null) obj[key] = value;
    }

    /// <summary>Copies keys of <paramref name="extra"/> into <paramref name="target"/>, recursing into objects.
    /// Values already in target win, so the first figure of a combination keeps its settings.</summary>
    internal static void MergeMissing(JsonObject target, JsonObject extra)
    {
        foreach (var (key, value) in extra)
        {
            if (value is null) continue;
            if (!target.ContainsKey(key))
                target[key] = value.DeepClone();
            else if (target[key] is JsonObject t && value is JsonObject e)
                MergeMissing(t, e);
        }
    }

    /// <summary>Gets (creating if needed) a nested object, e.g. layout.xaxis.</summary>
    internal static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing) return existing;
        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}

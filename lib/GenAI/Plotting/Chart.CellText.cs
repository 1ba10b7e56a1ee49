using System.Text.Json.Nodes;

namespace GenAI.Plotting;

public static partial class Chart
{
    /// <summary>
    /// A heat map of z[row, column] with a short text written in every cell instead of its value:
    /// a grid world's state values coloured and its policy's arrows on top, a labelled board.
    /// Row 0 is drawn at the top; <paramref name="cellText"/> must have z's shape.
    /// </summary>
    public static Figure HeatmapWithText(double[,] z, string[,] cellText, string colorScale = "Viridis",
        double? zMin = null, double? zMax = null, bool showScale = true, int fontSize = 20)
    {
        const string chart = "Chart.HeatmapWithText";
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(cellText);
        if (cellText.GetLength(0) != z.GetLength(0) || cellText.GetLength(1) != z.GetLength(1))
            throw new ArgumentException(
                $"{chart}: cellText is {cellText.GetLength(0)}x{cellText.GetLength(1)} but z is {z.GetLength(0)}x{z.GetLength(1)}; they need one text per cell.",
                nameof(cellText));
        if (fontSize < 1) throw new ArgumentException($"{chart}: fontSize must be at least 1, got {fontSize}.", nameof(fontSize));
        var rows = new JsonArray();
        for (int r = 0; r < cellText.GetLength(0); r++)
        {
            var row = new JsonArray();
            for (int c = 0; c < cellText.GetLength(1); c++) row.Add(cellText[r, c] ?? "");
            rows.Add(row);
        }
        return Heatmap(z, colorScale: colorScale, zMin: zMin, zMax: zMax, showScale: showScale).WithTraces(t =>
        {
            t["text"] = rows.DeepClone();
            t["texttemplate"] = "%{text}";
            t["textfont"] = new JsonObject { ["size"] = fontSize };
        });
    }
}

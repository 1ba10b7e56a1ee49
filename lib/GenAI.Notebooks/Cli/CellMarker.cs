using System.Text.RegularExpressions;

namespace GenAI.Notebooks.Cli;

/// <summary>
/// The line a notebook's process writes to its stderr before each cell, so that when the process dies
/// without reporting (a native abort in libtorch, say) the parent can say which cell was running.
/// The parent reads these lines and does not pass them on.
/// </summary>
public static partial class CellMarker
{
    private const string Prefix = "##genai-notebooks running cell ";

    public static string Format(int number, string id) => $"{Prefix}{number} ({id})";

    /// <summary>The "cell N (id)" part of a marker line; null for any other line.</summary>
    public static string? Parse(string line)
    {
        var match = Marker().Match(line);
        return match.Success ? $"cell {match.Groups[1].Value}" : null;
    }

    [GeneratedRegex(@"^##genai-notebooks running cell (\d+ \(.*\))$")]
    private static partial Regex Marker();
}

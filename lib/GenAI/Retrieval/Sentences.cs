using System.Text.RegularExpressions;

namespace GenAI.Retrieval;

/// <summary>Splits text into sentences: after '.', '!' or '?' followed by white space, and at line breaks; code fences, table rules and heading marks are dropped.</summary>
public static class Sentences
{
    static readonly Regex Boundary = new(@"(?<=[.!?])\s+(?=[A-Z0-9\[`$*(])|\s*\n\s*", RegexOptions.Compiled);
    static readonly Regex HeadingMark = new(@"^#{1,6}\s+", RegexOptions.Compiled);
    static readonly Regex Space = new(@"\s+", RegexOptions.Compiled);

    public static IReadOnlyList<string> Split(string text, int minWords = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Boundary.Split(text.Replace("```csharp", "\n\n").Replace("```", "\n\n"))
            .Select(s => HeadingMark.Replace(Space.Replace(s, " ").Trim(), ""))
            .Where(s => s.Split(' ').Length >= minWords && !s.StartsWith("|-", StringComparison.Ordinal) && !s.StartsWith("|---", StringComparison.Ordinal))
            .ToArray();
    }
}

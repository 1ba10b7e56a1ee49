using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GenAI.Notebooks.Rendering;

/// <summary>
/// What the course site's landing page says that no notebook says by itself: the course's title, what a
/// learner can do at the end, the parts, and per notebook its goal line and where to find its headline
/// result in the run's outputs. Read from <see cref="FileName"/> in the notebook folder (notebooks/course.json).
/// </summary>
public sealed record CourseDescription(string Title, string? Summary, IReadOnlyList<string> Outcomes, IReadOnlyList<CoursePart> Parts)
{
    public const string FileName = "course.json";

    /// <summary>The title of the part that lists the notebooks the description does not name.</summary>
    public const string OtherPartTitle = "Other notebooks";

    /// <summary>A folder without a description: one part, the folder's name as the title.</summary>
    public static CourseDescription Plain(string title) => new(title, null, [], []);

    /// <summary>The description in <paramref name="folder"/>, or null when the folder has none.</summary>
    public static CourseDescription? TryLoad(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? Load(path) : null;
    }

    /// <summary>Reads a description; a malformed one is a <see cref="FormatException"/> naming the file and the field.</summary>
    public static CourseDescription Load(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw new FormatException($"{path}: expected a JSON object at the top.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON: {e.Message}", e);
        }
        string Text(JsonObject obj, string field, string where, bool required)
        {
            var node = obj[field];
            if (node is null)
                return required ? throw new FormatException($"{path}: {where}: the field \"{field}\" is missing.") : "";
            return node is JsonValue value && value.TryGetValue<string>(out var s) ? s
                : throw new FormatException($"{path}: {where}: \"{field}\" must be a string.");
        }
        JsonArray Array(JsonObject obj, string field, string where) => obj[field] switch
        {
            null => [],
            JsonArray array => array,
            _ => throw new FormatException($"{path}: {where}: \"{field}\" must be a list."),
        };

        var title = Text(root, "title", "top", required: true);
        var summary = Text(root, "summary", "top", required: false);
        var outcomes = Array(root, "outcomes", "top").Select((o, i) => o is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : throw new FormatException($"{path}: outcomes[{i}] must be a string.")).ToList();
        var parts = new List<CoursePart>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (partNode, p) in Array(root, "parts", "top").Select((n, i) => (n, i)))
        {
            var where = $"parts[{p}]";
            if (partNode is not JsonObject part)
                throw new FormatException($"{path}: {where} must be an object with \"title\" and \"notebooks\".");
            var notebooks = new List<CourseNotebook>();
            foreach (var (entryNode, n) in Array(part, "notebooks", where).Select((e, i) => (e, i)))
            {
                var at = $"{where}.notebooks[{n}]";
                if (entryNode is not JsonObject entry)
                    throw new FormatException($"{path}: {at} must be an object with \"notebook\" and \"goal\".");
                var key = Text(entry, "notebook", at, required: true);
                if (!seen.Add(key))
                    throw new FormatException($"{path}: {at}: the notebook \"{key}\" is listed twice.");
                var pattern = Text(entry, "result", at, required: false);
                Regex? result = null;
                if (pattern.Length > 0)
                {
                    try
                    {
                        result = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException e)
                    {
                        throw new FormatException($"{path}: {at}: \"result\" is not a valid regular expression: {e.Message}", e);
                    }
                }
                notebooks.Add(new CourseNotebook(key, Text(entry, "goal", at, required: true),
                    NullIfEmpty(Text(entry, "headline", at, required: false)), result, NullIfEmpty(Text(entry, "label", at, required: false))));
            }
            parts.Add(new CoursePart(Text(part, "title", where, required: true), notebooks));
        }
        return new CourseDescription(title, NullIfEmpty(summary), outcomes, parts);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>
    /// The description's entry for a notebook file name (without extension): an entry names either the whole
    /// name ("10-gpt-from-scratch") or its number ("10"), so that a renamed or newly added notebook still matches.
    /// </summary>
    public (CoursePart Part, CourseNotebook Entry)? Find(string notebookName)
    {
        var number = notebookName.Split('-', 2)[0];
        foreach (var part in Parts)
            foreach (var entry in part.Notebooks)
                if (entry.Notebook == notebookName)
                    return (part, entry);
        foreach (var part in Parts)
            foreach (var entry in part.Notebooks)
                if (entry.Notebook == number)
                    return (part, entry);
        return null;
    }
}

/// <summary>One part of the course: a title and its notebooks in order.</summary>
public sealed record CoursePart(string Title, IReadOnlyList<CourseNotebook> Notebooks);

/// <summary>
/// A notebook as the landing page presents it. <see cref="Headline"/> is the committed headline (the number the
/// notebook's Measured section quotes from a full run); <see cref="Result"/>, when given, finds this run's
/// headline in the notebook's printed output: a regular expression whose group "value" (else the whole match)
/// is shown after <see cref="Label"/>, the last match in the notebook winning.
/// </summary>
public sealed record CourseNotebook(string Notebook, string Goal, string? Headline, Regex? Result, string? Label = null);

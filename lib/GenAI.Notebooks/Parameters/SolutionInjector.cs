using System.Text.Json.Nodes;
using GenAI.Notebooks.Documents;

namespace GenAI.Notebooks.Parameters;

/// <summary>
/// The runner's <c>--solutions</c>: every code cell tagged "exercise" (the stub a learner completes) is replaced by
/// the reference solution kept in its metadata under "solution" (a string, or a list of lines as nbformat stores
/// sources), so CI can prove that each checker accepts its solution. The learner's view in VS Code is the stub; the
/// solution sits in the metadata, out of sight until wanted. The rewritten cell gets the tag "solution-filled" and a
/// first comment line saying so, and an exercise cell without a solution is an error that names it.
/// </summary>
public static class SolutionInjector
{
    public const string ExerciseTag = "exercise";
    public const string FilledTag = "solution-filled";
    public const string SolutionKey = "solution";

    /// <summary>The environment variable the course library's checkers read (GenAI.Exercises.Exercise.SolutionsVariable).</summary>
    public const string SolutionsVariable = "GENAI_EXERCISE_SOLUTIONS";

    public static void Inject(Notebook notebook)
    {
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code || !cell.Tags.Contains(ExerciseTag)) continue;
            var solution = Solution(cell.Metadata[SolutionKey])
                ?? throw new ParameterException(
                    $"{notebook.Path}: --solutions: cell {i + 1} ({cell.Id}) is tagged '{ExerciseTag}' but its metadata has no '{SolutionKey}' (a string or a list of lines).");
            var metadata = (JsonObject)cell.Metadata.DeepClone();
            var tags = metadata["tags"] as JsonArray ?? new JsonArray();
            tags.Add(FilledTag);
            metadata["tags"] = tags;
            notebook.Cells[i] = new Cell(CellKind.Code, cell.Id, "// The reference solution, filled in by the headless runner (--solutions)\n" + solution, metadata)
            {
                Attachments = cell.Attachments,
            };
        }
    }

    static string? Solution(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && text.Trim().Length > 0 => text,
        JsonArray lines when lines.Count > 0 && lines.All(l => l is JsonValue v && v.TryGetValue<string>(out _)) =>
            string.Concat(lines.Select(l => l!.GetValue<string>())),
        _ => null,
    };
}

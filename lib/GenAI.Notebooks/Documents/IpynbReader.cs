using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAI.Notebooks.Documents;

/// <summary>
/// Reads .ipynb files in every metadata variant Polyglot Notebooks has written (POLYGLOT.md §1):
/// polyglot_notebook or legacy kernelInfo, dotnet_interactive cell languages, sources as arrays or strings.
/// </summary>
public static class IpynbReader
{
    public static Notebook Read(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{path}: malformed notebook JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        if (root is not JsonObject top)
            throw new NotebookFormatException($"{path}: a notebook must be a JSON object with a \"cells\" array.");
        if (top["nbformat"] is JsonValue major && major.TryGetValue<int>(out var version) && version != 4)
            throw new NotebookFormatException($"{path}: nbformat {version} is not supported (only nbformat 4 notebooks can be run).");
        if (top["cells"] is not JsonArray cellArray)
            throw new NotebookFormatException($"{path}: the notebook has no \"cells\" array.");

        var metadata = top["metadata"] as JsonObject ?? new JsonObject();
        var cells = new List<Cell>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cellArray.Count; i++)
            cells.Add(ReadCell(path, i, cellArray[i], usedIds));
        return new Notebook(path, cells, (JsonObject)metadata.DeepClone(), DefaultKernel(metadata));
    }

    /// <summary>polyglot_notebook.kernelInfo, then the legacy top-level kernelInfo, then the kernelspec, then C#.</summary>
    public static string DefaultKernel(JsonObject metadata)
    {
        var candidates = new[]
        {
            ((metadata["polyglot_notebook"] as JsonObject)?["kernelInfo"] as JsonObject)?["defaultKernelName"],
            (metadata["kernelInfo"] as JsonObject)?["defaultKernelName"],
            (metadata["kernelspec"] as JsonObject)?["name"],
        };
        foreach (var candidate in candidates)
            if (candidate is JsonValue value && value.TryGetValue<string>(out var name) && KernelNames.TryNormalize(name, out var kernel))
                return kernel;
        return KernelNames.CSharp;
    }

    private static Cell ReadCell(string path, int index, JsonNode? node, HashSet<string> usedIds)
    {
        string Where() => $"{path}: cell {index + 1}";
        if (node is not JsonObject cell)
            throw new NotebookFormatException($"{Where()} is not a JSON object.");
        var kind = cell["cell_type"]?.GetValueKind() == JsonValueKind.String ? cell["cell_type"]!.GetValue<string>() : null;
        var cellKind = kind switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException($"{Where()} has cell_type '{kind ?? "(missing)"}'; expected code, markdown or raw."),
        };
        var source = MultilineText(cell["source"], () => $"{Where()}: \"source\"");
        var id = cell["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var given) && given.Length > 0 ? given : null;
        id = UniqueId(id ?? $"cell-{index + 1}", usedIds);
        var metadata = (cell["metadata"] as JsonObject)?.DeepClone() as JsonObject ?? new JsonObject();
        return new Cell(cellKind, id, source, metadata) { Attachments = cell["attachments"]?.DeepClone() as JsonObject };
    }

    /// <summary>nbformat 4.5 needs a unique id on every cell; older files have none, so one is made up.</summary>
    private static string UniqueId(string wanted, HashSet<string> usedIds)
    {
        var id = wanted;
        for (var n = 2; !usedIds.Add(id); n++)
            id = $"{wanted}-{n}";
        return id;
    }

    /// <summary>Text fields are either one string or an array of lines that each keep their newline.</summary>
    public static string MultilineText(JsonNode? node, Func<string> where) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonArray lines => string.Concat(lines.Select(line => line is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new NotebookFormatException($"{where()} must hold strings only."))),
        _ => throw new NotebookFormatException($"{where()} must be a string or an array of strings."),
    };
}

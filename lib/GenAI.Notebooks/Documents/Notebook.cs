using System.Text.Json.Nodes;

namespace GenAI.Notebooks.Documents;

/// <summary>A notebook in memory: its cells in order and the notebook-level metadata, kept as read.</summary>
public sealed class Notebook
{
    public Notebook(string path, List<Cell> cells, JsonObject metadata, string defaultKernel)
    {
        Path = path;
        Cells = cells;
        Metadata = metadata;
        DefaultKernel = defaultKernel;
    }

    /// <summary>The file the notebook was read from (used in every error message).</summary>
    public string Path { get; }

    public List<Cell> Cells { get; }

    public JsonObject Metadata { get; }

    /// <summary>Kernel of cells that name none, from the metadata (see POLYGLOT.md §1).</summary>
    public string DefaultKernel { get; }

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
}

public enum CellKind { Code, Markdown, Raw }

public sealed class Cell
{
    public Cell(CellKind kind, string id, string source, JsonObject metadata)
    {
        Kind = kind;
        Id = id;
        Source = source;
        Metadata = metadata;
    }

    public CellKind Kind { get; }

    public string Id { get; }

    public string Source { get; }

    /// <summary>The cell's metadata as read (tags, polyglot kernel name...), written back unchanged.</summary>
    public JsonObject Metadata { get; }

    /// <summary>Markdown attachments (images pasted into a markdown cell), kept as read.</summary>
    public JsonObject? Attachments { get; init; }

    public List<CellOutput> Outputs { get; } = new();

    /// <summary>Set when the cell ran; null for cells that were skipped or never run.</summary>
    public int? ExecutionCount { get; set; }

    public IEnumerable<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "") : [];

    /// <summary>Kernel that runs the cell: a leading #!name selector wins, then cell metadata, then the notebook default.</summary>
    public string KernelName(string defaultKernel)
    {
        var firstLine = Source.Split('\n', 2)[0].Trim();
        if (firstLine.StartsWith("#!") && KernelNames.TryNormalize(firstLine[2..], out var selected))
            return selected;
        var fromMetadata = (Metadata["polyglot_notebook"] as JsonObject)?["kernelName"]?.GetValue<string>()
            ?? (Metadata["dotnet_interactive"] as JsonObject)?["language"]?.GetValue<string>();
        return fromMetadata is not null && KernelNames.TryNormalize(fromMetadata, out var named) ? named : defaultKernel;
    }
}

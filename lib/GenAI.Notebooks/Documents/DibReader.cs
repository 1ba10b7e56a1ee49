using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAI.Notebooks.Documents;

/// <summary>
/// Reads the plain-text .dib format (POLYGLOT.md §2): an optional #!meta block, then cells separated
/// by lines that are exactly a kernel selector such as #!csharp or #!markdown.
/// </summary>
public static class DibReader
{
    public static Notebook Read(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
        var metadata = new JsonObject();
        var start = 0;
        if (lines.Length > 0 && lines[0].Trim() == "#!meta")
        {
            // The metadata is the first non-blank line after #!meta, one line of JSON.
            start = 1;
            while (start < lines.Length && lines[start].Trim().Length == 0) start++;
            if (start < lines.Length)
            {
                try
                {
                    metadata = JsonNode.Parse(lines[start]) as JsonObject ?? new JsonObject();
                }
                catch (JsonException e)
                {
                    throw new NotebookFormatException($"{path}: line {start + 1}: malformed #!meta JSON: {e.Message}", e);
                }
                start++;
            }
        }
        var defaultKernel = IpynbReader.DefaultKernel(metadata);

        var cells = new List<Cell>();
        var kernel = defaultKernel;
        var body = new List<string>();
        void Flush()
        {
            var text = string.Join("\n", body).Trim('\n');
            body.Clear();
            if (text.Trim().Length == 0) return;
            var kind = kernel == KernelNames.Markdown ? CellKind.Markdown : CellKind.Code;
            var cellMetadata = kind == CellKind.Code
                ? new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel } }
                : new JsonObject();
            cells.Add(new Cell(kind, $"cell-{cells.Count + 1}", text, cellMetadata));
        }
        for (var i = start; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("#!") && KernelNames.TryNormalize(trimmed[2..], out var next))
            {
                Flush();
                kernel = next;
            }
            else
            {
                body.Add(lines[i]);
            }
        }
        Flush();
        return new Notebook(path, cells, new JsonObject { ["polyglot_notebook"] = metadata.DeepClone() }, defaultKernel);
    }
}

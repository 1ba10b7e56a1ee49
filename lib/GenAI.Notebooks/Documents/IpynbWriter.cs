using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAI.Notebooks.Documents;

/// <summary>
/// Writes a notebook the way VS Code saves a Polyglot notebook: nbformat 4.5, every cell with an id,
/// sorted keys, one-space indentation, multi-line text as arrays of lines, outputs as
/// stream / display_data / error (POLYGLOT.md §1).
/// </summary>
public static class IpynbWriter
{
    public static void Write(Notebook notebook, string path)
    {
        var options = new JsonWriterOptions { Indented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, options);
        Sorted(ToJson(notebook))!.WriteTo(writer);
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    public static JsonObject ToJson(Notebook notebook)
    {
        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        metadata["kernelspec"] ??= new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        metadata["language_info"] ??= new JsonObject { ["name"] = "polyglot-notebook" };
        return new JsonObject
        {
            ["cells"] = new JsonArray(notebook.Cells.Select(CellJson).ToArray<JsonNode?>()),
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
    }

    private static JsonObject CellJson(Cell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" },
            ["id"] = cell.Id,
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = Lines(cell.Source),
        };
        if (cell.Attachments is not null)
            json["attachments"] = cell.Attachments.DeepClone();
        if (cell.Kind == CellKind.Code)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(OutputJson).ToArray<JsonNode?>());
        }
        return json;
    }

    private static JsonObject OutputJson(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text.ToString()) },
        DisplayOutput d => new JsonObject
        {
            ["data"] = new JsonObject(d.Data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)MimeValue(kv.Key, kv.Value)))),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = "Error",
            ["evalue"] = e.Message,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Message.Split('\n').Select(l => (JsonNode?)l).ToArray()),
        },
        _ => throw new ArgumentException($"unknown output type {output.GetType().Name}"),
    };

    /// <summary>JSON mime types hold a JSON value; text types are written as line arrays like the source.</summary>
    private static JsonNode? MimeValue(string mime, string value)
    {
        if (mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal))
        {
            try { return JsonNode.Parse(value); }
            catch (JsonException) { /* not JSON after all: keep it as text */ }
        }
        return Lines(value);
    }

    /// <summary>Splits after each newline, keeping it, as Jupyter does (the last line has none).</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length)
            lines.Add(text[start..]);
        return lines;
    }

    /// <summary>Copies a JSON tree with object keys in ordinal order, as VS Code writes them.</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, Sorted(kv.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}

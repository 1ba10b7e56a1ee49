using System.Text;
using System.Text.Json;

namespace GenAI.Retrieval;

/// <summary>
/// The course as a corpus: every notebook of a folder as one <see cref="SourceDocument"/>, its markdown cells
/// as they are and its code cells fenced as <c>```csharp</c> (so a question about a function name finds the
/// cell that calls it). Outputs are not read: committed notebooks carry none.
/// </summary>
public static class CourseCorpus
{
    /// <summary>
    /// The notebooks <c>NN-name.ipynb</c> of <paramref name="folder"/>, in file-name order; <paramref name="include"/>
    /// keeps only some names (for example <c>n =&gt; n.StartsWith("1")</c>).
    /// </summary>
    public static IReadOnlyList<SourceDocument> LoadNotebooks(string folder, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The notebook folder '{Path.GetFullPath(folder)}' does not exist.");
        var docs = new List<SourceDocument>();
        foreach (var path in Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (include is not null && !include(name)) continue;
            docs.Add(ReadNotebook(path));
        }
        if (docs.Count == 0)
            throw new InvalidOperationException($"No notebook (*.ipynb) in '{Path.GetFullPath(folder)}' was selected.");
        return docs;
    }

    /// <summary>One notebook as a document named after its file (without .ipynb).</summary>
    public static SourceDocument ReadNotebook(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        if (!json.RootElement.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"'{path}' is not a notebook: it has no \"cells\" array.");
        var text = new StringBuilder();
        foreach (var cell in cells.EnumerateArray())
        {
            var kind = cell.GetProperty("cell_type").GetString();
            var source = cell.GetProperty("source");
            var body = source.ValueKind == JsonValueKind.Array
                ? string.Concat(source.EnumerateArray().Select(s => s.GetString()))
                : source.GetString() ?? "";
            if (kind == "markdown") text.Append(body).Append("\n\n");
            else if (kind == "code") text.Append("```csharp\n").Append(body).Append("\n```\n\n");
        }
        return new SourceDocument(Path.GetFileNameWithoutExtension(path), text.ToString());
    }
}

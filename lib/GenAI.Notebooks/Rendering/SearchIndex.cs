using System.Text;
using System.Text.Json;
using GenAI.Notebooks.Documents;

namespace GenAI.Notebooks.Rendering;

/// <summary>One searchable piece of the site: a cell of a notebook page (or the index's entry for a notebook).</summary>
public sealed record SearchDocument(int Id, string Page, string Anchor, string Notebook, string Section, string Text);

/// <summary>
/// The documents of the course's offline search. The pages open from file://, where a browser may not fetch a
/// JSON file, so they are written as a script (assets/search-data.js) that sets window.genaiSearchDocuments;
/// web/course-search.js indexes them with MiniSearch when a page loads.
/// </summary>
public static class SearchIndex
{
    /// <summary>Console text of a cell beyond this is left out of the search (long training logs).</summary>
    private const int MaxOutputChars = 2000;

    public const string GlobalName = "genaiSearchDocuments";

    /// <summary>A document per markdown or code cell; the section is the last heading above the cell.</summary>
    public static IEnumerable<SearchDocument> Documents(SitePage page, Notebook notebook, int firstId)
    {
        var id = firstId;
        var section = page.Title;
        foreach (var cell in notebook.Cells)
        {
            string text;
            if (cell.Kind == CellKind.Markdown)
            {
                var heading = cell.Source.Replace("\r", "").Split('\n').Select(l => l.Trim())
                    .LastOrDefault(l => l.StartsWith('#'));
                if (heading is not null) section = CourseSite.PlainText(heading);
                text = CourseSite.PlainText(cell.Source);
            }
            else if (cell.Kind == CellKind.Code)
            {
                var printed = string.Concat(cell.Outputs.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text.ToString()));
                text = cell.Source + "\n" + (printed.Length > MaxOutputChars ? printed[..MaxOutputChars] : printed);
            }
            else
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return new SearchDocument(id++, page.Href, "cell-" + cell.Id, page.Title, section, text.Trim());
        }
    }

    /// <summary>The script that hands the documents to the page.</summary>
    public static string Script(IEnumerable<SearchDocument> documents)
    {
        var json = JsonSerializer.Serialize(documents, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        var script = new StringBuilder();
        script.Append("// The documents of the course search, written by the notebook runner (Rendering/SearchIndex.cs).\n");
        script.Append($"window.{GlobalName} = ").Append(json).Append(";\n");
        return script.ToString();
    }
}

using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using GenAI.Notebooks.Documents;

namespace GenAI.Notebooks.Rendering;

/// <summary>A link from one page of the site to another.</summary>
public sealed record PageLink(string Href, string Title);

/// <summary>The links every page of the course site carries: back to the index, previous and next page.</summary>
public sealed record SiteNavigation(string IndexHref, PageLink? Previous, PageLink? Next);

/// <summary>One notebook's page in the site, in the order the index lists it.</summary>
public sealed record SitePage(string NotebookPath, string Name, string Title, string PartTitle, CourseNotebook? Entry)
{
    /// <summary>The page's file name, relative to the index.</summary>
    public string Href => Name + ".html";
}

/// <summary>
/// The course site written by `run` for a folder: the notebooks grouped by the course description's parts
/// (any notebook the description does not name goes to a last part, <see cref="CourseDescription.OtherPartTitle"/>),
/// and that order is the order of the previous/next links.
/// </summary>
public sealed class CourseSite
{
    public const string IndexFileName = "index.html";

    private CourseSite(CourseDescription description, IReadOnlyList<SitePage> pages)
    {
        Description = description;
        Pages = pages;
    }

    public CourseDescription Description { get; }

    /// <summary>Every page, part by part; within a part in file name order.</summary>
    public IReadOnlyList<SitePage> Pages { get; }

    /// <param name="notebookPaths">The notebooks of the run, in file name order.</param>
    /// <param name="titleOf">A notebook's title (its first heading).</param>
    public static CourseSite Plan(CourseDescription description, IReadOnlyList<string> notebookPaths, Func<string, string> titleOf)
    {
        var found = notebookPaths.Select(path =>
        {
            var name = Path.GetFileNameWithoutExtension(path);
            return (Path: path, Name: name, Match: description.Find(name));
        }).ToList();
        var pages = new List<SitePage>();
        foreach (var part in description.Parts)
        {
            // Within a part, the part's own order (several files matching one entry keep file name order).
            foreach (var entry in part.Notebooks)
                foreach (var (path, name, match) in found.Where(f => f.Match is { } m && ReferenceEquals(m.Entry, entry)))
                    pages.Add(new SitePage(path, name, titleOf(path), part.Title, match!.Value.Entry));
        }
        foreach (var (path, name, _) in found.Where(f => f.Match is null))
            pages.Add(new SitePage(path, name, titleOf(path), CourseDescription.OtherPartTitle, null));
        return new CourseSite(description, pages);
    }

    public SiteNavigation NavigationOf(string notebookPath)
    {
        var i = Pages.ToList().FindIndex(p => p.NotebookPath == notebookPath);
        if (i < 0) throw new ArgumentException($"{notebookPath} is not a page of the site", nameof(notebookPath));
        PageLink? Link(int j) => j >= 0 && j < Pages.Count ? new PageLink(Pages[j].Href, Pages[j].Title) : null;
        return new SiteNavigation(IndexFileName, Link(i - 1), Link(i + 1));
    }

    /// <summary>
    /// An executed notebook as the runner wrote it, with its saved outputs (the notebook reader reads what a run
    /// needs, which is the cells without outputs): console text as stream outputs, values by their mime types.
    /// </summary>
    public static Notebook ReadExecuted(string path)
    {
        var notebook = NotebookFile.Read(path);
        if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)) return notebook;
        var cells = (JsonNode.Parse(File.ReadAllText(path)) as JsonObject)?["cells"] as JsonArray;
        if (cells is null || cells.Count != notebook.Cells.Count) return notebook;
        for (var i = 0; i < cells.Count; i++)
        {
            if ((cells[i] as JsonObject)?["outputs"] is not JsonArray outputs) continue;
            foreach (var output in outputs.OfType<JsonObject>())
            {
                string Text(JsonNode? node) => IpynbReader.MultilineText(node, () => $"{path}: cell {i + 1}: output");
                switch ((string?)output["output_type"])
                {
                    case "stream":
                        var stream = new StreamOutput((string?)output["name"] ?? "stdout");
                        stream.Text.Append(Text(output["text"]));
                        notebook.Cells[i].Outputs.Add(stream);
                        break;
                    case "display_data" or "execute_result" when output["data"] is JsonObject data:
                        notebook.Cells[i].Outputs.Add(new DisplayOutput(data
                            .Where(p => p.Value is JsonArray || p.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String)
                            .ToDictionary(p => p.Key, p => Text(p.Value))));
                        break;
                }
            }
        }
        return notebook;
    }

    /// <summary>
    /// This run's headline of a notebook: the last match of <paramref name="pattern"/> in its printed output
    /// (console text and plain-text values), group "value" if the pattern has one; null when nothing matches.
    /// </summary>
    public static string? ResultOf(Notebook executed, Regex pattern)
    {
        string? last = null;
        foreach (var text in PrintedTexts(executed))
        {
            foreach (Match match in pattern.Matches(text))
            {
                var value = match.Groups["value"];
                last = (value.Success ? value.Value : match.Value).Trim();
            }
        }
        return last;
    }

    private static IEnumerable<string> PrintedTexts(Notebook notebook) =>
        notebook.Cells.SelectMany(c => c.Outputs).Select(o => o switch
        {
            StreamOutput { Name: "stdout" } s => s.Text.ToString(),
            DisplayOutput d when d.Data.TryGetValue("text/plain", out var plain) && !d.Data.ContainsKey("text/html") => plain,
            _ => null,
        }).OfType<string>();

    /// <summary>
    /// The goal line of a notebook the description does not name: the first sentence of its first paragraph
    /// after the title, as plain text.
    /// </summary>
    public static string? FirstSentence(Notebook notebook)
    {
        var markdown = notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Markdown)?.Source;
        if (markdown is null) return null;
        var paragraph = markdown.Replace("\r", "").Split("\n\n")
            .Select(p => p.Trim())
            .FirstOrDefault(p => p.Length > 0 && !p.StartsWith('#'));
        if (paragraph is null) return null;
        var plain = Regex.Replace(PlainText(paragraph), @"\s+", " ");
        var end = Regex.Match(plain, @"[.!?](\s|$)");
        var sentence = end.Success ? plain[..(end.Index + 1)] : plain;
        return sentence.Length > 240 ? sentence[..237].TrimEnd() + "..." : sentence;
    }

    /// <summary>Markdown with its emphasis, code, link and heading marks taken off (for goal lines and the search).</summary>
    public static string PlainText(string markdown)
    {
        var text = Regex.Replace(markdown, @"!?\[([^\]]*)\]\([^)]*\)", "$1");
        text = Regex.Replace(text, @"^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+", "", RegexOptions.Multiline);
        text = Regex.Replace(text, @"(\*\*|__|\*|`|\$\$?)", "");
        text = Regex.Replace(text, @"<[^>]+>", "");
        return text.Trim();
    }

    /// <summary>A page for a notebook that wrote none (it could not even be read): what went wrong, and the links.</summary>
    public static string PlaceholderPage(SitePage page, SiteNavigation navigation, string problem)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{HtmlRenderer.Encode(page.Title)}</title>\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<link rel=\"stylesheet\" href=\"assets/notebook-page.css\">\n");
        html.Append(HtmlRenderer.SiteHead());
        html.Append("</head>\n<body>\n");
        html.Append(HtmlRenderer.SiteHeader(navigation));
        html.Append($"<main>\n<h1>{HtmlRenderer.Encode(page.Title)}</h1>\n<pre class=\"error\">{HtmlRenderer.Encode(problem)}</pre>\n</main>\n");
        html.Append(HtmlRenderer.SiteFooter(navigation));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}

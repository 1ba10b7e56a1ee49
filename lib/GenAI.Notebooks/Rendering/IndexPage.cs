using System.Net;
using System.Text;

namespace GenAI.Notebooks.Rendering;

/// <summary>One entry of the course index: the page and whether its notebook ran through.</summary>
public sealed record IndexEntry(string Title, string HtmlFileName, bool Passed);

/// <summary>The course's front page: every rendered notebook in course order (file name order).</summary>
public static class IndexPage
{
    public static string Render(string title, IReadOnlyList<IndexEntry> entries)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{WebUtility.HtmlEncode(title)}</title>\n");
        html.Append("<link rel=\"stylesheet\" href=\"assets/notebook-page.css\">\n</head>\n<body>\n<main>\n");
        html.Append($"<h1>{WebUtility.HtmlEncode(title)}</h1>\n<table class=\"index\">\n");
        foreach (var entry in entries)
        {
            var status = entry.Passed ? "<span class=\"passed\">passed</span>" : "<span class=\"failed\">failed</span>";
            html.Append($"<tr><td><a href=\"{Uri.EscapeDataString(entry.HtmlFileName)}\">{WebUtility.HtmlEncode(entry.Title)}</a></td><td>{status}</td></tr>\n");
        }
        html.Append("</table>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}

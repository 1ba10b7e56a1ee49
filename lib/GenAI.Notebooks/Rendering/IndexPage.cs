using System.Globalization;
using System.Text;

namespace GenAI.Notebooks.Rendering;

/// <summary>
/// One entry of the course index: the page, whether its notebook ran through, how long it took, its goal line
/// and this run's headline result (null where the description gives no pattern or the output did not match).
/// </summary>
public sealed record IndexEntry(SitePage Page, bool Passed, TimeSpan RunTime, string? Goal, string? Result);

/// <summary>
/// The course's landing page: the title, what a learner can do at the end, then part by part each notebook with
/// its goal line, its headline result and its run time, and the search box over every page.
/// </summary>
public static class IndexPage
{
    /// <param name="runNote">How the notebooks were run (parameters), said beside the run times.</param>
    public static string Render(CourseDescription course, IReadOnlyList<IndexEntry> entries, string? runNote = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{E(course.Title)}</title>\n");
        html.Append("<link rel=\"stylesheet\" href=\"assets/notebook-page.css\">\n");
        html.Append(HtmlRenderer.SiteHead());
        html.Append("</head>\n<body class=\"course-index\">\n");
        html.Append($"<header class=\"site-header\">\n<nav class=\"site-nav top\" aria-label=\"Course\"><span class=\"site-home\">Course index</span></nav>\n{HtmlRenderer.SearchBox()}</header>\n");
        html.Append($"<main>\n<h1>{E(course.Title)}</h1>\n");
        if (course.Summary is not null)
            html.Append($"<p class=\"summary\">{E(course.Summary)}</p>\n");
        if (course.Outcomes.Count > 0)
        {
            html.Append("<section class=\"outcomes\">\n<h2>At the end of the course you can</h2>\n<ul>\n");
            foreach (var outcome in course.Outcomes)
                html.Append($"<li>{E(outcome)}</li>\n");
            html.Append("</ul>\n</section>\n");
        }
        var total = TimeSpan.FromTicks(entries.Sum(e => e.RunTime.Ticks));
        html.Append($"<p class=\"run-note\">{entries.Count(e => e.Passed)} of {entries.Count} notebooks ran through");
        html.Append($" in <span class=\"run-time\">{Seconds(total)}</span> in all");
        if (runNote is not null) html.Append($" ({E(runNote)})");
        html.Append(". Results marked <em>this run</em> come from the run that made these pages.</p>\n");
        foreach (var part in entries.GroupBy(e => e.Page.PartTitle))
        {
            html.Append($"<section class=\"part\">\n<h2>{E(part.Key)}</h2>\n<table class=\"index\">\n");
            html.Append("<thead><tr><th>notebook</th><th>goal</th><th>headline result</th><th>run time</th><th>status</th></tr></thead>\n<tbody>\n");
            foreach (var entry in part)
            {
                var status = entry.Passed ? "<span class=\"passed\">passed</span>" : "<span class=\"failed\">failed</span>";
                html.Append($"<tr><td class=\"notebook\"><a href=\"{HtmlRenderer.Href(entry.Page.Href)}\">{E(entry.Page.Title)}</a></td>");
                html.Append($"<td class=\"goal\">{E(entry.Goal ?? "")}</td>");
                html.Append($"<td class=\"headline\">{Headline(entry)}</td>");
                html.Append($"<td class=\"run-time\">{Seconds(entry.RunTime)}</td><td>{status}</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n</section>\n");
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Headline(IndexEntry entry)
    {
        var parts = new List<string>();
        if (entry.Result is not null)
            parts.Add($"<span class=\"this-run\">{(entry.Page.Entry?.Label is { } label ? E(label) + ": " : "")}{E(entry.Result)} <em>(this run)</em></span>");
        if (entry.Page.Entry?.Headline is { } quoted)
            parts.Add($"<span class=\"quoted\">{E(quoted)}</span>");
        return string.Join("<br>", parts);
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds < 600
        ? time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : time.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) + " min";

    private static string E(string text) => HtmlRenderer.Encode(text);
}

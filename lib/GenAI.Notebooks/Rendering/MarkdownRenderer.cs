using Markdig;

namespace GenAI.Notebooks.Rendering;

/// <summary>
/// Markdown to HTML with Markdig, with the extensions the kernel uses (math, tables, ...).
/// Formulas come out as elements of class "math" holding \(..\) or \[..\]; the page typesets them with KaTeX.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}

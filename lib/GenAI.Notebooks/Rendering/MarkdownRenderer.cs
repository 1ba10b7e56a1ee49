using Markdig;
using Markdig.Extensions.Mathematics;
using MarkdigHtmlRenderer = Markdig.Renderers.HtmlRenderer;
using Markdig.Renderers.Html;

namespace GenAI.Notebooks.Rendering;

/// <summary>
/// Markdown to HTML with Markdig, with the extensions the kernel uses (math, tables, ...).
/// Formulas come out as elements of class "math" holding \(..\) or \[..\]; the page typesets them with KaTeX.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static string ToHtml(string markdown)
    {
        using var writer = new StringWriter();
        var renderer = new MarkdigHtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlMathInlineRenderer>(new DisplayAwareMathInlineRenderer());
        renderer.Render(Markdig.Markdown.Parse(markdown, Pipeline));
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// $$..$$ inside a paragraph is a display formula in VS Code's markdown (and Jupyter's); Markdig
    /// keeps it inline, so this renderer marks it \[..\] instead of \(..\).
    /// </summary>
    private sealed class DisplayAwareMathInlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(MarkdigHtmlRenderer renderer, MathInline math)
        {
            var display = math.DelimiterCount >= 2;
            renderer.Write("<span").WriteAttributes(math).Write('>');
            renderer.Write(display ? "\\[" : "\\(");
            renderer.WriteEscape(ref math.Content);
            renderer.Write(display ? "\\]" : "\\)");
            renderer.Write("</span>");
        }
    }
}

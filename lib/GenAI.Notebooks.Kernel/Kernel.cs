using Microsoft.AspNetCore.Html;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The helpers that the C# kernel makes available to every cell through
/// <c>using static Microsoft.DotNet.Interactive.Kernel;</c>. Names and parameters follow the
/// real kernel so notebook code compiles unchanged in VS Code and in the headless runner.
/// </summary>
public static class Kernel
{
    /// <summary>Formats <paramref name="value"/> (with the given mime types, or its preferred ones) and shows it.</summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var displayed = new DisplayedValue(mimeTypes);
        displayed.Publish(value);
        return displayed;
    }

    /// <summary>Markup that formatters emit verbatim, as in the real kernel.</summary>
    public static IHtmlContent HTML(string content) => new HtmlString(content);

    /// <summary>Shows a style sheet as an HTML output.</summary>
    public static void CSS(string content) => KernelOutput.PublishRaw($"<style>{content}</style>", "text/html");

    /// <summary>Shows a script as an HTML output; the browser runs it when the output is rendered.</summary>
    public static void Javascript(string scriptContent) =>
        KernelOutput.PublishRaw($"<script type=\"text/javascript\">{scriptContent}</script>", "text/html");
}

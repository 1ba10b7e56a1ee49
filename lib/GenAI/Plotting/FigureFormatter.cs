namespace GenAI.Plotting;

// Notebook display without a package reference to .NET Interactive: its Formatter looks for an attribute
// *named* TypeFormatterSourceAttribute on a type and asks the named source class for formatters
// (POLYGLOT.md section 4). The same convention works in VS Code's kernel and in our runner.

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }

    public string[]? PreferredMimeTypes { get; set; }
}

/// <summary>Hands the notebook's formatter one HTML formatter (the interactive chart) and one plain-text one.</summary>
internal sealed class FigureFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => new object[]
    {
        new FigureFormatter("text/html", figure => figure.ToHtml()),
        new FigureFormatter("text/plain", figure => figure.ToString()),
    };
}

internal sealed class FigureFormatter
{
    private readonly Func<Figure, string> _render;

    public FigureFormatter(string mimeType, Func<Figure, string> render)
    {
        MimeType = mimeType;
        _render = render;
    }

    public string MimeType { get; }

    public Type Type => typeof(Figure);

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not Figure figure) return false;
        writer.Write(_render(figure));
        return true;
    }
}

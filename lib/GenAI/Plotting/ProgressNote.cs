using System.Net;

namespace GenAI.Plotting;

/// <summary>
/// A one-line note in a notebook's output, set in small grey italics so it does not read as a result; in plain
/// text it is its <see cref="Text"/>. <see cref="TrainingProgress"/> shows one before its live chart.
/// </summary>
[TypeFormatterSource(typeof(ProgressNoteFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class ProgressNote
{
    public ProgressNote(string text) => Text = text ?? throw new ArgumentNullException(nameof(text));

    public string Text { get; }

    public string ToHtml() =>
        $"<div class=\"genai-progress-note\" style=\"color:#6b7280;font-style:italic;font-size:0.9em;\">{WebUtility.HtmlEncode(Text)}</div>";

    public override string ToString() => Text;
}

/// <summary>The notebook formatters of <see cref="ProgressNote"/> (same convention as FigureFormatter.cs).</summary>
internal sealed class ProgressNoteFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => new object[]
    {
        new ProgressNoteFormatter("text/html", note => note.ToHtml()),
        new ProgressNoteFormatter("text/plain", note => note.Text),
    };
}

internal sealed class ProgressNoteFormatter(string mimeType, Func<ProgressNote, string> render)
{
    public string MimeType { get; } = mimeType;

    public Type Type => typeof(ProgressNote);

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not ProgressNote note) return false;
        writer.Write(render(note));
        return true;
    }
}

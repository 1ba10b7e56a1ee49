namespace Microsoft.DotNet.Interactive;

/// <summary>
/// An output that can be replaced later, e.g. a training chart redrawn every few steps.
/// The saved notebook keeps only the last version, as VS Code does.
/// </summary>
public sealed class DisplayedValue
{
    private readonly string[] _mimeTypes;

    internal DisplayedValue(string[] mimeTypes)
    {
        _mimeTypes = mimeTypes;
        DisplayId = Guid.NewGuid().ToString();
    }

    public string DisplayId { get; }

    public IReadOnlyCollection<string> MimeTypes => _mimeTypes;

    /// <summary>Formats <paramref name="updatedValue"/> with the same mime types and replaces the output in place.</summary>
    public void Update(object? updatedValue) =>
        KernelOutput.Sink.Update(DisplayId, FormattedValue.CreateManyFromObject(updatedValue, _mimeTypes));

    internal void Publish(object? value) => Publish(FormattedValue.CreateManyFromObject(value, _mimeTypes));

    internal void Publish(IReadOnlyList<FormattedValue> values) => KernelOutput.Sink.Display(DisplayId, values);
}

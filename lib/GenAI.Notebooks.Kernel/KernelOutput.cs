namespace Microsoft.DotNet.Interactive;

/// <summary>Receives what notebook code shows. The headless runner records it into the cell's outputs.</summary>
public interface IKernelOutputSink
{
    /// <summary>A new output, identified by <paramref name="displayId"/> for later updates.</summary>
    void Display(string displayId, IReadOnlyList<FormattedValue> values);

    /// <summary>Replaces the output published earlier under <paramref name="displayId"/>.</summary>
    void Update(string displayId, IReadOnlyList<FormattedValue> values);
}

/// <summary>The link between kernel helpers and whoever hosts the notebook.</summary>
public static class KernelOutput
{
    private static IKernelOutputSink? _sink;

    /// <summary>
    /// Set by the host before running cells. Without a host there is nowhere to show anything,
    /// which is a usage error rather than something to ignore silently.
    /// </summary>
    public static IKernelOutputSink Sink
    {
        get => _sink ?? throw new InvalidOperationException(
            "display() was called outside a notebook: no kernel is hosting this code (run it in VS Code or the headless runner).");
        set => _sink = value;
    }

    internal static void PublishRaw(string text, string mimeType) =>
        Sink.Display(Guid.NewGuid().ToString(), [new FormattedValue(mimeType, text)]);
}

using GenAI.Notebooks.Documents;
using Microsoft.DotNet.Interactive;

namespace GenAI.Notebooks.Execution;

/// <summary>
/// Collects what the running cell shows (displays, console text) into that cell's outputs, in order.
/// Updates of a displayed value replace the output where it was first shown, even in an earlier cell.
/// </summary>
public sealed class OutputRecorder : IKernelOutputSink
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DisplayOutput> _byDisplayId = new(StringComparer.Ordinal);
    private Cell? _current;
    private bool _closed;

    /// <summary>The cell whose outputs receive everything from now on.</summary>
    public void StartCell(Cell cell)
    {
        lock (_gate) _current = cell;
    }

    /// <summary>Stops recording for good: code still running after a timeout must not change saved outputs.</summary>
    public void Close()
    {
        lock (_gate) _closed = true;
    }

    public void Display(string displayId, IReadOnlyList<FormattedValue> values)
    {
        lock (_gate)
        {
            if (_closed || _current is null) return;
            var output = new DisplayOutput(Bundle(values));
            _byDisplayId[displayId] = output;
            _current.Outputs.Add(output);
        }
    }

    public void Update(string displayId, IReadOnlyList<FormattedValue> values)
    {
        lock (_gate)
        {
            if (_closed) return;
            if (_byDisplayId.TryGetValue(displayId, out var output))
                output.Data = Bundle(values);
        }
    }

    /// <summary>Console text; consecutive writes to the same stream of a cell are merged, as VS Code saves them.</summary>
    public void Write(string streamName, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_closed || _current is null) return;
            if (_current.Outputs.LastOrDefault() is not StreamOutput stream || stream.Name != streamName)
            {
                stream = new StreamOutput(streamName);
                _current.Outputs.Add(stream);
            }
            // Windows line endings show as blank lines in notebook front ends.
            stream.Text.Append(text.Replace("\r\n", "\n"));
        }
    }

    public void Error(string message)
    {
        lock (_gate)
        {
            if (_closed || _current is null) return;
            _current.Outputs.Add(new ErrorOutput(message.Replace("\r\n", "\n")));
        }
    }

    private static Dictionary<string, string> Bundle(IReadOnlyList<FormattedValue> values)
    {
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
            bundle[value.MimeType] = value.Value.Replace("\r\n", "\n");
        return bundle;
    }
}

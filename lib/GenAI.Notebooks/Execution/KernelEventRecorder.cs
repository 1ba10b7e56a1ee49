using GenAI.Notebooks.Documents;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace GenAI.Notebooks.Execution;

/// <summary>
/// Turns the kernel's events into the outputs VS Code saves for the running cell (POLYGLOT.md §1):
/// console text as <c>stream</c> outputs (consecutive writes to one stream merged), displayed and returned
/// values as <c>display_data</c> with the kernel's mime types, and an updated value
/// (<c>DisplayedValueUpdated</c>, same value id) replacing the output where it was first shown, even in an
/// earlier cell, so a notebook keeps the final state of a progress display only. An update whose value id
/// was never shown is a new output, as in VS Code. (In this kernel build, <c>display(x)</c> and the first
/// <c>Update</c> of what it returned carry different value ids, so such a value is saved twice: as first
/// shown and as last updated; the library's TrainingProgress therefore shows a one-line note first and draws its
/// chart only as updates. The kernel's own "Installing Packages" display updates in place.)
/// </summary>
public sealed class KernelEventRecorder : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DisplayOutput> _byValueId = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;
    private Cell? _current;
    private bool _closed;

    public KernelEventRecorder(Kernel kernel) => _subscription = kernel.KernelEvents.Subscribe(Record);

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

    public void Error(string message)
    {
        lock (_gate)
        {
            if (_closed || _current is null) return;
            _current.Outputs.Add(new ErrorOutput(Normalize(message)));
        }
    }

    private void Record(KernelEvent e)
    {
        lock (_gate)
        {
            if (_closed || _current is null) return;
            switch (e)
            {
                case StandardOutputValueProduced stdout:
                    Write("stdout", stdout.FormattedValues);
                    break;
                case StandardErrorValueProduced stderr:
                    Write("stderr", stderr.FormattedValues);
                    break;
                case DisplayedValueUpdated updated when updated.ValueId is { } id && _byValueId.TryGetValue(id, out var shown):
                    shown.Data = Bundle(updated.FormattedValues);
                    break;
                case DisplayEvent display and (DisplayedValueProduced or ReturnValueProduced or DisplayedValueUpdated):
                    var output = new DisplayOutput(Bundle(display.FormattedValues));
                    if (display.ValueId is { } valueId) _byValueId[valueId] = output;
                    _current.Outputs.Add(output);
                    break;
            }
        }
    }

    private void Write(string stream, IReadOnlyCollection<FormattedValue> values)
    {
        var text = string.Concat(values.Select(v => v.Value));
        if (text.Length == 0) return;
        if (_current!.Outputs.LastOrDefault() is not StreamOutput last || last.Name != stream)
        {
            last = new StreamOutput(stream);
            _current.Outputs.Add(last);
        }
        last.Text.Append(Normalize(text));
    }

    private static Dictionary<string, string> Bundle(IReadOnlyCollection<FormattedValue> values)
    {
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
            bundle[value.MimeType] = Normalize(value.Value);
        return bundle;
    }

    // Windows line endings show as blank lines in notebook front ends.
    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    public void Dispose() => _subscription.Dispose();
}

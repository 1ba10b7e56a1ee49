using System.Text;

namespace GenAI.Notebooks.Documents;

/// <summary>One output of a code cell, in the shapes VS Code saves (POLYGLOT.md §1).</summary>
public abstract class CellOutput;

/// <summary>Console text; consecutive writes to the same stream are kept as one output.</summary>
public sealed class StreamOutput(string name) : CellOutput
{
    public string Name { get; } = name;

    public StringBuilder Text { get; } = new();
}

/// <summary>A displayed or returned value: one text per mime type (display_data).</summary>
public sealed class DisplayOutput(IReadOnlyDictionary<string, string> data) : CellOutput
{
    /// <summary>Replaced when the value is updated (DisplayedValue.Update).</summary>
    public IReadOnlyDictionary<string, string> Data { get; set; } = data;
}

/// <summary>A failed cell: the kernel-style message, shown as the traceback lines too.</summary>
public sealed class ErrorOutput(string message) : CellOutput
{
    public string Message { get; } = message;
}

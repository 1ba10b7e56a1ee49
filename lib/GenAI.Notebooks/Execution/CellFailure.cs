namespace GenAI.Notebooks.Execution;

public enum FailureKind { Compile, Runtime, Timeout, Unsupported }

/// <summary>Why a cell failed, with where: cell number (1-based, as shown in VS Code), id and line in the cell.</summary>
public sealed record CellFailure(int CellNumber, string CellId, FailureKind Kind, int? Line, string Message)
{
    /// <summary>One line for the console: "notebook: cell 3 (id), line 2: runtime error: message".</summary>
    public string Describe(string notebookPath)
    {
        var where = Line is { } line ? $"cell {CellNumber} ({CellId}), line {line}" : $"cell {CellNumber} ({CellId})";
        var firstLine = Message.Split('\n', 2)[0].TrimEnd('\r');
        var kind = Kind switch
        {
            FailureKind.Compile => "compile error",
            FailureKind.Runtime => "runtime error",
            FailureKind.Timeout => "timeout",
            _ => "not supported",
        };
        return $"{notebookPath}: {where}: {kind}: {firstLine}";
    }
}

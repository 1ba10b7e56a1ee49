using System.Text.RegularExpressions;
using GenAI.Notebooks.Documents;

namespace GenAI.Notebooks.Execution;

/// <summary>
/// Which cells the runner can execute. It hosts the C# kernel (and the value store), not the tool's
/// F#, PowerShell, JavaScript, SQL, HTML or Mermaid kernels; a cell for one of those, or a kernel
/// selector line for one inside a cell, fails with a message that says so instead of an obscure error.
/// </summary>
public static partial class CellKernels
{
    private static readonly HashSet<string> Hosted = new(StringComparer.Ordinal) { KernelNames.CSharp, "value" };

    /// <summary>Null if the runner can execute the cell, else the message the cell fails with.</summary>
    public static string? Unsupported(Cell cell, string defaultKernel)
    {
        var kernel = cell.KernelName(defaultKernel);
        if (!Hosted.Contains(kernel))
            return NotHosted(kernel);
        foreach (Match selector in SelectorLine().Matches(cell.Source))
            if (KernelNames.TryNormalize(selector.Groups[1].Value, out var named) && !Hosted.Contains(named))
                return NotHosted(named);
        return null;
    }

    private static string NotHosted(string kernel) =>
        $"Kernel '{kernel}' is not available: the headless runner hosts the .NET Interactive C# kernel only " +
        "(VS Code's Polyglot Notebooks also has F#, PowerShell, JavaScript, HTML, SQL and others).";

    [GeneratedRegex(@"^#!(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SelectorLine();
}

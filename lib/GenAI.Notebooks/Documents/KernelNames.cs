namespace GenAI.Notebooks.Documents;

/// <summary>Kernel names and their aliases as Polyglot Notebooks uses them (#!c#, #!md, .net-csharp...).</summary>
public static class KernelNames
{
    public const string CSharp = "csharp";
    public const string Markdown = "markdown";
    public const string Html = "html";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["csharp"] = CSharp, ["c#"] = CSharp, ["C#"] = CSharp, ["cs"] = CSharp,
        ["markdown"] = Markdown, ["md"] = Markdown,
        ["html"] = Html,
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["F#"] = "fsharp", ["fs"] = "fsharp",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh",
        ["javascript"] = "javascript", ["js"] = "javascript",
        ["sql"] = "sql", ["kql"] = "kql", ["mermaid"] = "mermaid", ["value"] = "value", ["http"] = "http",
    };

    /// <summary>Maps a kernel name or alias (also the kernelspec form ".net-csharp") to its kernel name.</summary>
    public static bool TryNormalize(string name, out string kernel)
    {
        name = name.Trim();
        if (name.StartsWith(".net-", StringComparison.Ordinal))
            name = name[".net-".Length..];
        return Aliases.TryGetValue(name, out kernel!);
    }
}

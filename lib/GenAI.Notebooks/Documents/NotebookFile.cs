namespace GenAI.Notebooks.Documents;

/// <summary>Reads a notebook by its extension: .ipynb or .dib.</summary>
public static class NotebookFile
{
    public static bool IsNotebook(string path) =>
        path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);

    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">How error messages name the file (as the user typed it).</param>
    public static Notebook Read(string path, string? displayPath = null)
    {
        displayPath ??= path;
        if (!File.Exists(path))
            throw new NotebookFormatException($"{displayPath}: file not found.");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbReader.Read(path),
            ".dib" => DibReader.Read(path),
            var other => throw new NotebookFormatException($"{displayPath}: '{other}' is not a notebook (expected .ipynb or .dib)."),
        };
    }
}

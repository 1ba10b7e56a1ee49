namespace GenAI.Data;

/// <summary>
/// Finds the repository's <c>datasets/</c> folder, so that a notebook, a test or a program
/// loads the bundled data whatever its working directory is.
/// </summary>
public static class DatasetPaths
{
    /// <summary>Environment variable that, when set, names the datasets folder and skips the search.</summary>
    public const string EnvironmentVariable = "GENAI_DATASETS";

    // The file that marks a folder as ours (a "datasets" folder of some other project would lack it).
    const string Marker = "README.md";

    /// <summary>
    /// The datasets folder: <c>$GENAI_DATASETS</c> when set; otherwise the first <c>datasets/</c> holding a
    /// README.md found by walking up from the library's own location, then from the current directory.
    /// </summary>
    public static string Root()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!Directory.Exists(fromEnvironment))
                throw new DirectoryNotFoundException($"{EnvironmentVariable} is set to '{fromEnvironment}', which is not an existing folder.");
            return Path.GetFullPath(fromEnvironment);
        }
        var starts = StartingPoints().ToArray();
        foreach (var start in starts)
        {
            var found = SearchUpwards(start);
            if (found is not null) return found;
        }
        throw new DirectoryNotFoundException(
            $"Could not find the course's datasets/ folder (a folder named datasets with a {Marker}) above any of: " +
            $"{string.Join(", ", starts)}. Run from inside the repository or set {EnvironmentVariable} to the folder's path.");
    }

    /// <summary>Full path of a file inside the datasets folder.</summary>
    public static string File(string fileName) => Path.Combine(Root(), fileName);

    /// <summary>The datasets folder at or above <paramref name="start"/>, or null.</summary>
    public static string? SearchUpwards(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "datasets");
            if (System.IO.File.Exists(Path.Combine(candidate, Marker))) return candidate;
        }
        return null;
    }

    static IEnumerable<string> StartingPoints()
    {
        // Where GenAI.dll lies (lib/GenAI/bin for notebooks, a test's bin folder for tests); empty when
        // the assembly was loaded from bytes, in which case the base directory stands in.
        var assemblyDirectory = Path.GetDirectoryName(typeof(DatasetPaths).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDirectory)) yield return assemblyDirectory;
        yield return AppContext.BaseDirectory;
        yield return Environment.CurrentDirectory;
    }
}

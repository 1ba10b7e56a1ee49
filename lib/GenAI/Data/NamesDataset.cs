namespace GenAI.Data;

/// <summary>
/// The bundled list of US first names (datasets/names.txt): lower case a-z, most frequent first.
/// The character models learn to invent new names from it.
/// </summary>
public static class NamesDataset
{
    /// <summary>
    /// All names (or the <paramref name="limit"/> most frequent ones), after verifying the file's checksum.
    /// <paramref name="datasetsDirectory"/> overrides where the file is looked for.
    /// </summary>
    public static IReadOnlyList<string> Load(int? limit = null, string? datasetsDirectory = null)
    {
        if (limit is < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be at least 1.");
        string path = BundledFiles.Names.VerifiedPath(datasetsDirectory);
        var names = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            names.Add(line);
            if (names.Count == limit) break;
        }
        return names;
    }

    /// <summary>
    /// The names shuffled by <paramref name="seed"/> and cut into train/validation/test
    /// (same seed, same split; see <see cref="Splits.Indices"/>).
    /// </summary>
    public static DataSplit<IReadOnlyList<string>> LoadSplits(long seed, SplitFractions? fractions = null, int? limit = null, string? datasetsDirectory = null) =>
        Splits.Split(Load(limit, datasetsDirectory), seed, fractions);
}

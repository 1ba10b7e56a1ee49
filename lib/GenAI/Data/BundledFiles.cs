namespace GenAI.Data;

/// <summary>A file of the datasets folder with the checksum its loader insists on.</summary>
/// <param name="FileName">Name inside <c>datasets/</c>.</param>
/// <param name="Sha256">Expected SHA-256 of the file's bytes (the same as in datasets/README.md).</param>
public sealed record DataFile(string FileName, string Sha256)
{
    /// <summary>Full path of the file in <paramref name="datasetsDirectory"/>, by default the folder <see cref="DatasetPaths"/> finds.</summary>
    public string PathIn(string? datasetsDirectory = null) =>
        System.IO.Path.Combine(datasetsDirectory ?? DatasetPaths.Root(), FileName);

    /// <summary>The path, after checking that the file exists and has the expected checksum.</summary>
    public string VerifiedPath(string? datasetsDirectory = null)
    {
        string path = PathIn(datasetsDirectory);
        FileChecksum.Verify(path, Sha256);
        return path;
    }
}

/// <summary>The data bundled in the repository; see datasets/README.md for sources and licences.</summary>
public static class BundledFiles
{
    /// <summary>29,669 US first names, lower case, most frequent first.</summary>
    public static DataFile Names { get; } = new("names.txt", "932d79fabfee237f76de68e8a7ec74828257b93921bfcb69ecf0c17dd3928e14");

    /// <summary>Jane Austen's six novels, gzip-compressed UTF-8 text.</summary>
    public static DataFile Austen { get; } = new("austen.txt.gz", "2dcf54fcbb54897e7b50b0f6e0f9a73f1b59d36026743af636761e573d1619b2");

    /// <summary>1,797 handwritten digits, 8x8 pixels, gzip-compressed CSV (64 pixels then the label per line).</summary>
    public static DataFile Digits { get; } = new("digits.csv.gz", "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a");

    public static IReadOnlyList<DataFile> All { get; } = [Names, Austen, Digits];
}

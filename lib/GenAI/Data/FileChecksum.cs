using System.Security.Cryptography;

namespace GenAI.Data;

/// <summary>A data file whose bytes are not the ones the course was written against.</summary>
public sealed class ChecksumMismatchException : IOException
{
    public ChecksumMismatchException(string path, string expectedSha256, string actualSha256, long length)
        : base($"Data file '{path}' is damaged or not the expected version: its SHA-256 is {actualSha256} " +
               $"({length} bytes) but {expectedSha256} was expected. Restore the file (git checkout, or reinstall its package).")
    {
        FilePath = path;
        ExpectedSha256 = expectedSha256;
        ActualSha256 = actualSha256;
    }

    public string FilePath { get; }
    public string ExpectedSha256 { get; }
    public string ActualSha256 { get; }
}

/// <summary>SHA-256 checks of data files, so that a truncated download or an edited file fails loudly.</summary>
public static class FileChecksum
{
    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string Sha256(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>Throws <see cref="FileNotFoundException"/> or <see cref="ChecksumMismatchException"/>, both naming the file.</summary>
    public static void Verify(string path, string expectedSha256)
    {
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        string actual = Sha256(path);
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            throw new ChecksumMismatchException(path, expectedSha256.ToLowerInvariant(), actual, new FileInfo(path).Length);
    }
}

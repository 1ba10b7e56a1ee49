using System.Security.Cryptography;
using GenAI.Data;

namespace GenAI.Tests.Data;

public class ChecksumTests
{
    [Fact]
    public void Every_bundled_file_has_the_checksum_listed_in_the_readme()
    {
        string readme = File.ReadAllText(System.IO.Path.Combine(DatasetPaths.Root(), "README.md"));
        foreach (var file in BundledFiles.All)
        {
            Assert.Contains($"| `{file.FileName}` |", readme);
            Assert.Contains($"`{file.Sha256}`", readme);
            string actual = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.PathIn()))).ToLowerInvariant();
            Assert.Equal(file.Sha256, actual);
            file.VerifiedPath(); // does not throw
        }
    }

    [Fact]
    public void An_altered_copy_is_refused_with_file_and_both_checksums_in_the_message()
    {
        using var folder = new DataTestFolder();
        var bytes = File.ReadAllBytes(BundledFiles.Names.PathIn());
        bytes[10] ^= 0x20; // flip the case of one letter
        File.WriteAllBytes(folder.File("names.txt"), bytes);
        string actual = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

        var error = Assert.Throws<ChecksumMismatchException>(() => NamesDataset.Load(datasetsDirectory: folder.Path));
        Assert.Contains(folder.File("names.txt"), error.Message);
        Assert.Contains(BundledFiles.Names.Sha256, error.Message);
        Assert.Contains(actual, error.Message);
        Assert.Equal(actual, error.ActualSha256);
    }

    [Fact]
    public void A_truncated_copy_is_refused()
    {
        using var folder = new DataTestFolder();
        var bytes = File.ReadAllBytes(BundledFiles.Austen.PathIn());
        File.WriteAllBytes(folder.File("austen.txt.gz"), bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<ChecksumMismatchException>(() => TextCorpus.LoadAusten(datasetsDirectory: folder.Path));
        Assert.Contains("austen.txt.gz", error.Message);
        Assert.Contains($"({bytes.Length / 2} bytes)", error.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        using var folder = new DataTestFolder();
        var error = Assert.Throws<FileNotFoundException>(() => DigitsDataset.Load(datasetsDirectory: folder.Path));
        Assert.Contains(folder.File("digits.csv.gz"), error.Message);
    }
}

using System.Globalization;
using System.IO.Compression;
using GenAI.Data;
using TorchSharp;

namespace GenAI.Tests.Data;

public class DigitsDatasetTests
{
    static string[] RawLines()
    {
        using var gzip = new GZipStream(File.OpenRead(BundledFiles.Digits.PathIn()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Loads_1797_images_of_64_pixels_with_int64_labels()
    {
        using var digits = DigitsDataset.Load();
        Assert.Equal([1797L, 64], digits.Features.shape);
        Assert.Equal(torch.ScalarType.Float32, digits.Features.dtype);
        Assert.Equal([1797L], digits.Labels.shape);
        Assert.Equal(torch.ScalarType.Int64, digits.Labels.dtype);
        var labels = digits.Labels.data<long>().ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), labels.Distinct().Order());
        var pixels = digits.Features.data<float>().ToArray();
        Assert.Equal(0f, pixels.Min());
        Assert.Equal(1f, pixels.Max());
    }

    [Fact]
    public void First_row_equals_the_raw_csv_line()
    {
        var fields = RawLines()[0].Split(',').Select(f => float.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        using var raw = DigitsDataset.Load(normalize: false);
        using var normalized = DigitsDataset.Load();
        using var rawRow = raw.Features[0];
        using var normalizedRow = normalized.Features[0];
        Assert.Equal(fields[..64], rawRow.data<float>().ToArray());
        Assert.Equal(fields[..64].Select(v => v / 16f), normalizedRow.data<float>().ToArray());
        Assert.Equal((long)fields[64], raw.Labels.data<long>().ToArray()[0]);
    }

    [Fact]
    public void Splits_have_the_expected_sizes_and_rows()
    {
        var parts = DigitsDataset.LoadSplits(seed: 0);
        var indices = Splits.Indices(1797, seed: 0);
        using var all = DigitsDataset.Load();
        try
        {
            Assert.Equal([1437L, 64], parts.Train.Features.shape);
            Assert.Equal([180L, 64], parts.Validation.Features.shape);
            Assert.Equal([180L, 64], parts.Test.Features.shape);
            var allLabels = all.Labels.data<long>().ToArray();
            Assert.Equal(indices.Test.Select(i => allLabels[i]), parts.Test.Labels.data<long>().ToArray());
            using var expectedRow = all.Features[indices.Validation[0]];
            using var actualRow = parts.Validation.Features[0];
            Assert.Equal(expectedRow.data<float>().ToArray(), actualRow.data<float>().ToArray());
        }
        finally
        {
            parts.Train.Dispose();
            parts.Validation.Dispose();
            parts.Test.Dispose();
        }
    }

    [Fact]
    public void A_malformed_line_is_an_error_naming_file_and_line()
    {
        // Checksums catch damage to the bundled file; this checks the parser itself on a file given by path.
        using var folder = new DataTestFolder();
        var lines = RawLines();
        lines[2] = lines[2].Replace(",0,", ",x,");
        string path = folder.File("digits.csv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
            writer.Write(string.Join('\n', lines));
        var error = Assert.Throws<InvalidDataException>(() => DigitsDataset.ReadCsv(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("'x' is not a number", error.Message);
    }
}

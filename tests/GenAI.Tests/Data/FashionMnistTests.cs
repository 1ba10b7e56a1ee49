using System.IO.Compression;
using GenAI.Data;
using TorchSharp;

namespace GenAI.Tests.Data;

/// <summary>
/// Reads the real files of Debian's dataset-fashion-mnist, which scripts/setup.sh installs on every
/// developer machine and in CI; a machine without them fails these tests with the install hint.
/// </summary>
public class FashionMnistTests
{
    static byte[] RawBytes(string fileName, int headerBytes, int count)
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(FashionMnist.DebianDirectory, fileName)), CompressionMode.Decompress);
        var buffer = new byte[headerBytes + count];
        gzip.ReadExactly(buffer);
        return buffer[headerBytes..];
    }

    [Fact]
    public void Debian_package_is_installed()
    {
        Assert.True(FashionMnist.IsInstalled(), $"Fashion-MNIST is missing from {FashionMnist.DebianDirectory}: run scripts/setup.sh or apt-get install dataset-fashion-mnist.");
    }

    [Fact]
    public void Test_images_are_float_pixels_in_unit_range_with_the_file_labels()
    {
        using var test = FashionMnist.LoadTest(limit: 100);
        Assert.Equal([100L, 1, 28, 28], test.Features.shape);
        Assert.Equal(torch.ScalarType.Float32, test.Features.dtype);
        Assert.Equal([100L], test.Labels.shape);
        Assert.Equal(torch.ScalarType.Int64, test.Labels.dtype);

        // Labels file: 8 header bytes, then one byte per label. Images file: 16 header bytes, then 784 bytes per image.
        var labels = RawBytes("t10k-labels-idx1-ubyte.gz", 8, 100).Select(b => (long)b);
        Assert.Equal(labels, test.Labels.data<long>().ToArray());
        var firstImage = RawBytes("t10k-images-idx3-ubyte.gz", 16, 784).Select(b => b / 255f);
        using var first = test.Features[0];
        Assert.Equal(firstImage, first.data<float>().ToArray());
        var all = test.Features.data<float>().ToArray();
        Assert.InRange(all.Min(), 0f, 0f);
        Assert.InRange(all.Max(), 1f, 1f);
    }

    [Fact]
    public void Full_training_file_has_sixty_thousand_labels_six_thousand_per_class()
    {
        // The labels file alone (the image tensors of all 60,000 would make this test slow); LoadTrain reads both
        // files through the same reader, and the checksums tie them to the complete files.
        var (shape, labels) = IdxFile.ReadBytes(Path.Combine(FashionMnist.DebianDirectory, "train-labels-idx1-ubyte.gz"));
        Assert.Equal([60_000L], shape);
        Assert.All(labels.CountBy(b => b), pair => Assert.Equal(6000, pair.Value));
        Assert.Equal(10, labels.Distinct().Count());
        Assert.Equal(10, FashionMnist.ClassNames.Count);
    }

    [Fact]
    public void Splits_hold_out_validation_from_the_training_file_and_test_from_the_test_file()
    {
        var parts = FashionMnist.LoadSplits(seed: 5, validationFraction: 0.1, limit: 1000);
        try
        {
            Assert.Equal(900, parts.Train.Count);
            Assert.Equal(100, parts.Validation.Count);
            Assert.Equal(1000, parts.Test.Count);
            var indices = Splits.Indices(1000, seed: 5, new SplitFractions(Validation: 0.1, Test: 0));
            var trainLabels = RawBytes("train-labels-idx1-ubyte.gz", 8, 1000);
            Assert.Equal(indices.Validation.Select(i => (long)trainLabels[i]), parts.Validation.Labels.data<long>().ToArray());
        }
        finally
        {
            parts.Train.Dispose();
            parts.Validation.Dispose();
            parts.Test.Dispose();
        }
    }

    [Fact]
    public void Missing_files_give_the_install_command()
    {
        using var empty = new DataTestFolder();
        Assert.False(FashionMnist.IsInstalled(empty.Path));
        var error = Assert.Throws<FileNotFoundException>(() => FashionMnist.LoadTest(directory: empty.Path));
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
        Assert.Contains(empty.File("t10k-images-idx3-ubyte.gz"), error.Message);
        Assert.Contains(FashionMnist.EnvironmentVariable, error.Message);
    }

    [Fact]
    public void A_truncated_file_is_refused_by_its_checksum()
    {
        using var folder = new DataTestFolder();
        File.Copy(Path.Combine(FashionMnist.DebianDirectory, "t10k-images-idx3-ubyte.gz"), folder.File("t10k-images-idx3-ubyte.gz"));
        var labels = File.ReadAllBytes(Path.Combine(FashionMnist.DebianDirectory, "t10k-labels-idx1-ubyte.gz"));
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte.gz"), labels[..^100]);
        var error = Assert.Throws<ChecksumMismatchException>(() => FashionMnist.LoadTest(directory: folder.Path));
        Assert.Equal(folder.File("t10k-labels-idx1-ubyte.gz"), error.FilePath);
        Assert.Contains("8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05", error.Message);
    }
}

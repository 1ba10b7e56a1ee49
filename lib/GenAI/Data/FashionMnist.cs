using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Data;

/// <summary>
/// Fashion-MNIST: 28x28 greyscale pictures of clothing in ten classes, 60,000 for training and
/// 10,000 for testing. Too big to bundle; Debian's <c>dataset-fashion-mnist</c> package (installed
/// by scripts/setup.sh) provides the four IDX files, which are checked against known checksums.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's package puts the files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Environment variable naming another folder that holds the four files.</summary>
    public const string EnvironmentVariable = "GENAI_FASHION_MNIST";

    public const int ImageSize = 28;

    /// <summary>The label names, by label index.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    static readonly DataFile TrainImages = new("train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7");
    static readonly DataFile TrainLabels = new("train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056");
    static readonly DataFile TestImages = new("t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa");
    static readonly DataFile TestLabels = new("t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    /// <summary>The folder read from: the argument, else <c>$GENAI_FASHION_MNIST</c>, else Debian's folder.</summary>
    public static string ResolveDirectory(string? directory = null)
    {
        if (!string.IsNullOrEmpty(directory)) return directory;
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrEmpty(fromEnvironment) ? DebianDirectory : fromEnvironment;
    }

    /// <summary>True when all four files are present (checksums are checked only when loading).</summary>
    public static bool IsInstalled(string? directory = null)
    {
        string root = ResolveDirectory(directory);
        return new[] { TrainImages, TrainLabels, TestImages, TestLabels }.All(f => File.Exists(f.PathIn(root)));
    }

    /// <summary>
    /// The 60,000 training images shuffled by <paramref name="seed"/> into train and validation
    /// (<paramref name="validationFraction"/> of them, 5,000 by default) and the 10,000 test images.
    /// Features are float32 [N, 1, 28, 28] in [0, 1], labels int64 [N].
    /// <paramref name="limit"/> reads only the first images of each file (for quick runs).
    /// </summary>
    public static DataSplit<LabelledTensors> LoadSplits(long seed, double validationFraction = 1.0 / 12, int? limit = null, Device? device = null, string? directory = null)
    {
        using var train = LoadTrain(limit, device, directory);
        var parts = Splits.Split(train, seed, new SplitFractions(Validation: validationFraction, Test: 0));
        parts.Test.Dispose(); // empty: the real test set is the separate t10k file
        return new DataSplit<LabelledTensors>(parts.Train, parts.Validation, LoadTest(limit, device, directory));
    }

    /// <summary>The training file in its original order (first <paramref name="limit"/> images when given).</summary>
    public static LabelledTensors LoadTrain(int? limit = null, Device? device = null, string? directory = null) =>
        Read(TrainImages, TrainLabels, limit, device, directory);

    /// <summary>The test file in its original order (first <paramref name="limit"/> images when given).</summary>
    public static LabelledTensors LoadTest(int? limit = null, Device? device = null, string? directory = null) =>
        Read(TestImages, TestLabels, limit, device, directory);

    static LabelledTensors Read(DataFile imagesFile, DataFile labelsFile, int? limit, Device? device, string? directory)
    {
        if (limit is < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be at least 1.");
        string root = ResolveDirectory(directory);
        string imagesPath = Existing(imagesFile, root);
        string labelsPath = Existing(labelsFile, root);
        FileChecksum.Verify(imagesPath, imagesFile.Sha256);
        FileChecksum.Verify(labelsPath, labelsFile.Sha256);

        var (imageShape, pixels) = IdxFile.ReadBytes(imagesPath, limit);
        var (labelShape, labelBytes) = IdxFile.ReadBytes(labelsPath, limit);
        if (imageShape is not [_, ImageSize, ImageSize] || labelShape is not [_] || imageShape[0] != labelShape[0])
            throw new InvalidDataException(
                $"Fashion-MNIST files disagree: '{imagesPath}' has shape [{string.Join(", ", imageShape)}] and '{labelsPath}' [{string.Join(", ", labelShape)}]; expected [N, 28, 28] and [N].");

        long count = imageShape[0];
        using var raw = tensor(pixels, [count, 1, ImageSize, ImageSize], ScalarType.Byte, device);
        using var asFloat = raw.to_type(ScalarType.Float32);
        var features = asFloat.div(255.0);
        using var rawLabels = tensor(labelBytes, ScalarType.Byte, device);
        var labels = rawLabels.to_type(ScalarType.Int64);
        return new LabelledTensors(features, labels);
    }

    static string Existing(DataFile file, string root)
    {
        string path = file.PathIn(root);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"Fashion-MNIST is not installed: '{path}' is missing. Install Debian's package with " +
                $"'sudo apt-get install dataset-fashion-mnist' (scripts/setup.sh does this), or set {EnvironmentVariable} " +
                "to a folder holding the four IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz).",
                path);
        return path;
    }
}

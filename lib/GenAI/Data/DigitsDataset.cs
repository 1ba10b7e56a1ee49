using System.Globalization;
using System.IO.Compression;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Data;

/// <summary>
/// The bundled 8x8 handwritten digits (datasets/digits.csv.gz, 1,797 images, grey levels 0-16,
/// labels 0-9): small enough to train on in seconds, real enough to be interesting.
/// </summary>
public static class DigitsDataset
{
    public const int ImageSize = 8;
    public const int PixelCount = ImageSize * ImageSize;
    public const int ClassCount = 10;
    /// <summary>The brightest grey level in the file.</summary>
    public const int MaxGreyLevel = 16;

    /// <summary>
    /// All digits: features float32 [1797, 64] (row-major 8x8 pixels) and labels int64 [1797].
    /// With <paramref name="normalize"/> the pixels are divided by 16 to lie in [0, 1]; without, they are
    /// the file's grey levels 0..16.
    /// </summary>
    public static LabelledTensors Load(bool normalize = true, Device? device = null, string? datasetsDirectory = null)
    {
        string path = BundledFiles.Digits.VerifiedPath(datasetsDirectory);
        var (pixels, labels) = ReadCsv(path);
        long count = labels.Length;
        var features = tensor(pixels, [count, PixelCount], ScalarType.Float32, device);
        if (normalize)
        {
            var scaled = features.div(MaxGreyLevel);
            features.Dispose();
            features = scaled;
        }
        return new LabelledTensors(features, tensor(labels, ScalarType.Int64, device));
    }

    /// <summary>The digits shuffled by <paramref name="seed"/> into train/validation/test (see <see cref="Splits.Indices"/>).</summary>
    public static DataSplit<LabelledTensors> LoadSplits(long seed, SplitFractions? fractions = null, bool normalize = true, Device? device = null, string? datasetsDirectory = null)
    {
        using var all = Load(normalize, device, datasetsDirectory);
        return Splits.Split(all, seed, fractions);
    }

    /// <summary>Parses the CSV: 64 grey levels then the label on each line; any malformed line is an error naming file and line.</summary>
    public static (float[] Pixels, long[] Labels) ReadCsv(string path)
    {
        var pixels = new List<float>(1797 * PixelCount);
        var labels = new List<long>(1797);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != PixelCount + 1)
                throw new InvalidDataException($"{path}, line {lineNumber}: expected {PixelCount} pixels and a label ({PixelCount + 1} values), found {fields.Length}.");
            for (int i = 0; i <= PixelCount; i++)
            {
                if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    throw new InvalidDataException($"{path}, line {lineNumber}, value {i + 1}: '{fields[i]}' is not a number.");
                int max = i < PixelCount ? MaxGreyLevel : ClassCount - 1;
                if (value < 0 || value > max || value != Math.Floor(value))
                    throw new InvalidDataException($"{path}, line {lineNumber}, value {i + 1}: {value} is outside the whole numbers 0..{max}.");
                if (i < PixelCount) pixels.Add((float)value);
                else labels.Add((long)value);
            }
        }
        if (labels.Count == 0) throw new InvalidDataException($"{path} contains no digits.");
        return (pixels.ToArray(), labels.ToArray());
    }
}

using System.IO.Compression;
using GenAI.Data;

namespace GenAI.Tests.Data;

public sealed class IdxFileTests : IDisposable
{
    readonly DataTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Two zero bytes, type 0x08 (unsigned byte), 2 dimensions, sizes 2 and 3 (big-endian), then 6 values.
    static readonly byte[] TwoByThree = [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6];

    [Fact]
    public void Reads_shape_and_values_plain_and_gzipped()
    {
        string plain = _folder.File("m.idx");
        File.WriteAllBytes(plain, TwoByThree);
        var (shape, data) = IdxFile.ReadBytes(plain);
        Assert.Equal([2L, 3], shape);
        Assert.Equal([1, 2, 3, 4, 5, 6], data);

        string gz = _folder.File("m.idx.gz");
        using (var gzip = new GZipStream(File.Create(gz), CompressionLevel.Fastest)) gzip.Write(TwoByThree);
        var (gzShape, gzData) = IdxFile.ReadBytes(gz, limit: 1);
        Assert.Equal([1L, 3], gzShape);
        Assert.Equal([1, 2, 3], gzData);
    }

    [Fact]
    public void A_truncated_file_is_an_error_naming_it()
    {
        string path = _folder.File("short.idx");
        File.WriteAllBytes(path, TwoByThree[..^2]);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.ReadBytes(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("4 of the 6", error.Message);
    }

    [Fact]
    public void Wrong_magic_and_unsupported_types_are_errors()
    {
        string notIdx = _folder.File("text.idx");
        File.WriteAllText(notIdx, "hello world, not an idx file");
        Assert.Contains("not an IDX file", Assert.Throws<InvalidDataException>(() => IdxFile.ReadBytes(notIdx)).Message);

        string floats = _folder.File("floats.idx");
        File.WriteAllBytes(floats, [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
        Assert.Contains("type 0x0d", Assert.Throws<InvalidDataException>(() => IdxFile.ReadBytes(floats)).Message);
    }

    [Fact]
    public void A_damaged_gzip_stream_is_an_error_naming_the_file()
    {
        string path = _folder.File("bad.idx.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gzip.Write(TwoByThree);
        var bytes = File.ReadAllBytes(path);
        for (int i = 10; i < bytes.Length - 8; i++) bytes[i] = 0xFF;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.ReadBytes(path));
        Assert.Contains(path, error.Message);
    }
}

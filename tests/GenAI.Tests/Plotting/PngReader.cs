using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace GenAI.Tests.Plotting;

/// <summary>
/// Reads back the PNGs of image traces (8-bit RGB, unfiltered rows, as the PNG spec allows) so tests can
/// check pixel values. It checks the structure it relies on and fails loudly on anything else.
/// </summary>
internal sealed class PngReader
{
    private readonly byte[] _rows;

    private PngReader(int width, int height, byte[] rows)
    {
        Width = width;
        Height = height;
        _rows = rows;
    }

    public int Width { get; }

    public int Height { get; }

    public int[] Pixel(int row, int column)
    {
        int at = row * (1 + Width * 3) + 1 + column * 3;
        return new int[] { _rows[at], _rows[at + 1], _rows[at + 2] };
    }

    /// <summary>The picture of an image trace's data URI.</summary>
    public static PngReader FromTrace(JsonNode? trace)
    {
        Assert.Equal("image", (string?)trace!["type"]);
        string source = (string)trace["source"]!;
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, source);
        return Read(Convert.FromBase64String(source[prefix.Length..]));
    }

    public static PngReader Read(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int at = 8, width = 0, height = 0;
        var idat = new MemoryStream();
        var chunkTypes = new List<string>();
        while (at < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            chunkTypes.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, data[8..13].ToArray()); // 8-bit RGB, no interlace
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, chunkTypes);
        // Every PNG ends with the same IEND chunk: length 0, "IEND", CRC-32 AE 42 60 82.
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, png[^12..]);

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        byte[] rows = inflated.ToArray();
        Assert.Equal(height * (1 + width * 3), rows.Length);
        for (int r = 0; r < height; r++) Assert.Equal(0, rows[r * (1 + width * 3)]);
        return new PngReader(width, height, rows);
    }
}

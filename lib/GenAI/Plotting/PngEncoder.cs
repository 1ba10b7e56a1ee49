using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GenAI.Plotting;

/// <summary>
/// Encodes RGB bytes as a PNG (8-bit, no interlace, every row unfiltered, deflate from the BCL).
/// Image traces carry their pixels as a PNG data URI: a grid of 64 generated 28x28 samples is a few
/// kilobytes this way, against most of a megabyte as a JSON array of [r, g, b] triples per pixel.
/// </summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>pixels[row, column, channel] with channels red, green, blue.</summary>
    internal static byte[] Encode(byte[,,] pixels)
    {
        int height = pixels.GetLength(0), width = pixels.GetLength(1);
        if (pixels.GetLength(2) != 3) throw new ArgumentException($"PNG encoding needs 3 channels, got {pixels.GetLength(2)}.");

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 2; // colour type: RGB
        // compression, filter method and interlace stay 0.

        var raw = new byte[height * (1 + width * 3)];
        int at = 0;
        for (int r = 0; r < height; r++)
        {
            raw[at++] = 0; // filter type "none" for this row
            for (int c = 0; c < width; c++)
                for (int k = 0; k < 3; k++)
                    raw[at++] = pixels[r, c, k];
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(raw);

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", Array.Empty<byte>());
        return png.ToArray();
    }

    internal static string DataUri(byte[,,] pixels) => "data:image/png;base64," + Convert.ToBase64String(Encode(pixels));

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        // The checksum covers the chunk type and its data, not the length.
        uint crc = Crc32(Crc32(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        output.Write(number);
    }

    private static uint Crc32(uint crc, byte[] bytes)
    {
        foreach (byte b in bytes)
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    /// <summary>The table for the reflected CRC-32 polynomial 0xEDB88320 that PNG (like zip) uses.</summary>
    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}

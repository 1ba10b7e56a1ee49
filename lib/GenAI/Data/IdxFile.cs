using System.Buffers.Binary;
using System.IO.Compression;

namespace GenAI.Data;

/// <summary>
/// Reader for the IDX format of MNIST and Fashion-MNIST: two zero bytes, a type code (0x08 =
/// unsigned bytes), the number of dimensions, each dimension as a big-endian int32, then the
/// values in row-major order. Files ending in .gz are decompressed on the fly.
/// </summary>
public static class IdxFile
{
    const byte UnsignedByteType = 0x08;

    /// <summary>
    /// The shape and bytes of an unsigned-byte IDX file, or of its first <paramref name="limit"/>
    /// entries along the first dimension. A wrong header or a file shorter than its header
    /// promises is an error naming the file.
    /// </summary>
    public static (long[] Shape, byte[] Data) ReadBytes(string path, long? limit = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            Span<byte> header = stackalloc byte[4];
            ReadExactly(stream, header, path, "header");
            if (header[0] != 0 || header[1] != 0)
                throw new InvalidDataException($"'{path}' is not an IDX file: it does not start with two zero bytes.");
            if (header[2] != UnsignedByteType)
                throw new InvalidDataException($"IDX file '{path}' holds values of type 0x{header[2]:x2}; only unsigned bytes (0x08) are supported.");
            int rank = header[3];
            if (rank == 0) throw new InvalidDataException($"IDX file '{path}' declares zero dimensions.");
            var shape = new long[rank];
            Span<byte> dimension = stackalloc byte[4];
            for (int d = 0; d < rank; d++)
            {
                ReadExactly(stream, dimension, path, $"size of dimension {d}");
                shape[d] = BinaryPrimitives.ReadInt32BigEndian(dimension);
                if (shape[d] < 0) throw new InvalidDataException($"IDX file '{path}' declares a negative size for dimension {d}.");
            }
            if (limit is long max) shape[0] = Math.Min(shape[0], Math.Max(0, max));
            long total = shape.Aggregate(1L, (a, b) => a * b);
            if (total > Array.MaxLength) throw new InvalidDataException($"IDX file '{path}' declares {total} values, more than fit in memory at once.");
            var data = new byte[total];
            ReadExactly(stream, data, path, $"{total} data bytes for shape [{string.Join(", ", shape)}]");
            return (shape, data);
        }
        catch (InvalidDataException e) when (!e.Message.Contains(path, StringComparison.Ordinal))
        {
            // A damaged gzip stream reports itself without naming the file.
            throw new InvalidDataException($"IDX file '{path}' could not be decompressed: {e.Message}", e);
        }
    }

    static void ReadExactly(Stream stream, Span<byte> buffer, string path, string what)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int read = stream.Read(buffer[done..]);
            if (read == 0)
                throw new InvalidDataException($"IDX file '{path}' is truncated: it ended after {done} of the {buffer.Length} bytes of the {what}.");
            done += read;
        }
    }
}

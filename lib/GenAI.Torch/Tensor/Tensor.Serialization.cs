using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>
/// Tensor files. Format (little-endian), one tensor after another in a stream:
///   int32 magic 0x31545447 ("GTT1"), int32 dtype (ScalarType code), int32 ndim,
///   int64 shape[ndim], then numel * element_size raw bytes in row-major order.
/// Module state dicts write a sequence of these (see NN/Module.SaveLoad.cs).
/// </summary>
public static partial class TensorExtensionMethods
{
    internal const int Magic = 0x31545447;

    public static void Save(this Tensor tensor, BinaryWriter writer)
    {
        var shape = tensor.shape;
        writer.Write(Magic);
        writer.Write((int)tensor.dtype);
        writer.Write(shape.Length);
        foreach (var d in shape) writer.Write(d);
        writer.Write(tensor.bytes);
    }

    public static void Save(this Tensor tensor, Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        tensor.Save(writer);
    }

    public static void Save(this Tensor tensor, string location)
    {
        using var stream = File.Create(location);
        tensor.Save(stream);
    }

    private static (ScalarType dtype, long[] shape, byte[] data) ReadRecord(BinaryReader reader, string source)
    {
        int magic;
        try { magic = reader.ReadInt32(); }
        catch (EndOfStreamException) { throw new InvalidDataException($"{source}: unexpected end of data where a tensor was expected."); }
        if (magic != Magic)
            throw new InvalidDataException($"{source}: not a tensor record (bad magic 0x{magic:X8}, expected 0x{Magic:X8}).");
        var dtype = (ScalarType)reader.ReadInt32();
        if (!Enum.IsDefined(dtype)) throw new InvalidDataException($"{source}: unknown dtype code {(int)dtype}.");
        var ndim = reader.ReadInt32();
        if (ndim < 0 || ndim > 64) throw new InvalidDataException($"{source}: invalid number of dimensions {ndim}.");
        var shape = new long[ndim];
        for (int k = 0; k < ndim; k++)
        {
            shape[k] = reader.ReadInt64();
            if (shape[k] < 0) throw new InvalidDataException($"{source}: negative size in shape.");
        }
        var count = checked(shape.TotalSize() * dtype.ElementSize());
        var data = reader.ReadBytes(checked((int)count));
        if (data.Length != count)
            throw new InvalidDataException($"{source}: truncated tensor data ({data.Length} of {count} bytes).");
        return (dtype, shape, data);
    }

    /// <summary>Reads one tensor written by Save.</summary>
    public static Tensor Load(BinaryReader reader, bool skip = false)
    {
        var (dtype, shape, data) = ReadRecord(reader, "tensor stream");
        using var raw = FromSpan<byte>(data, stackalloc long[] { data.Length }, ScalarType.Byte, null, null, false, null);
        using var typed = raw.Unary(PInvoke.NativeMethods.gt_view_dtype(raw.Handle, (sbyte)dtype));
        return typed.reshape(shape).clone();
    }

    /// <summary>Reads one tensor into an existing one (same shape and dtype), or skips it.</summary>
    public static void Load(this Tensor tensor, BinaryReader reader, bool skip = false)
    {
        using var loaded = Load(reader);
        if (skip) return;
        if (loaded.dtype != tensor.dtype || !loaded.shape.SequenceEqual(tensor.shape))
            throw new ArgumentException(
                $"Cannot load a tensor of shape [{string.Join(", ", loaded.shape)}] and dtype {loaded.dtype} into one of shape [{string.Join(", ", tensor.shape)}] and dtype {tensor.dtype}.");
        using (no_grad()) tensor.copy_(loaded);
    }

    public static void Load(ref Tensor tensor, BinaryReader reader, bool skip = false) => tensor.Load(reader, skip);
}

public static partial class torch
{
    public partial class Tensor
    {
        public void save(string location) => this.Save(location);

        public static Tensor Load(BinaryReader reader) => TensorExtensionMethods.Load(reader);

        public static Tensor Load(Stream stream)
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            return TensorExtensionMethods.Load(reader);
        }

        public static Tensor Load(string location)
        {
            if (!File.Exists(location)) throw new FileNotFoundException($"Tensor file '{location}' does not exist.", location);
            using var stream = File.OpenRead(location);
            return Load(stream);
        }

        public static Tensor load(string location) => Load(location);
    }

    public static void save(Tensor t, string location) => t.Save(location);
    public static Tensor load(string location) => Tensor.Load(location);
}

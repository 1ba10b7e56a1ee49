// save / load: a module's state_dict in a file of our own format.
//
// File format "GenAI.Torch module state", version 1 (all integers little-endian):
//   8 bytes   magic "GAITNN\r\n"
//   int32     format version (1)
//   int32     number of entries N
//   N times:
//     string  key (BinaryWriter string: 7-bit-encoded length, then UTF-8)
//     int32   dtype (torch.ScalarType value)
//     int32   rank R
//     R int64 shape
//     int64   byte count B (= element count * element size)
//     B bytes the elements, row-major, from a contiguous CPU copy
// Anything else (another magic, a newer version, a short read) is an error that
// names the file.
using System.Text;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public partial class Module
        {
            private static readonly byte[] FileMagic = Encoding.ASCII.GetBytes("GAITNN\r\n");
            private const int FileVersion = 1;

            public Module save(string location, IList<string>? skip = null)
            {
                using var stream = File.Create(location);
                return save(stream, skip);
            }

            public Module save(Stream stream, IList<string>? skip = null)
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                return save(writer, skip);
            }

            public virtual Module save(BinaryWriter writer, IList<string>? skip = null)
            {
                save_state_dict(writer, state_dict(), skip);
                return this;
            }

            /// <summary>Writes a state dictionary in the format described at the top of this file.</summary>
            public static void save_state_dict(BinaryWriter writer, Dictionary<string, Tensor> sd, IList<string>? skip = null)
            {
                var entries = sd.Where(kv => skip is null || !skip.Contains(kv.Key)).ToList();
                writer.Write(FileMagic);
                writer.Write(FileVersion);
                writer.Write(entries.Count);
                foreach (var (key, tensor) in entries)
                {
                    writer.Write(key);
                    writer.Write((int)tensor.dtype);
                    var shape = tensor.shape;
                    writer.Write(shape.Length);
                    foreach (var d in shape) writer.Write(d);
                    using var cpu = tensor.detach().cpu().contiguous();
                    var bytes = cpu.bytes;
                    writer.Write((long)bytes.Length);
                    writer.Write(bytes);
                }
                writer.Flush();
            }

            public Module load(string location, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
            {
                if (!File.Exists(location))
                    throw new FileNotFoundException($"Cannot load {GetName()}: file '{location}' does not exist", location);
                using var stream = File.OpenRead(location);
                return LoadFrom(stream, $"file '{location}'", strict, skip, loadedParameters);
            }

            public Module load(Stream stream, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null) =>
                LoadFrom(stream, "the stream", strict, skip, loadedParameters);

            public virtual Module load(BinaryReader reader, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null) =>
                LoadFrom(reader.BaseStream, "the stream", strict, skip, loadedParameters);

            private Module LoadFrom(Stream stream, string source, bool strict, IList<string>? skip, Dictionary<string, bool>? loadedParameters)
            {
                var tensors = ReadStateDict(stream, source);
                try
                {
                    try
                    {
                        load_state_dict(tensors, strict, skip);
                    }
                    catch (ArgumentException e)
                    {
                        throw new ArgumentException($"Cannot load {source}: {e.Message}", e);
                    }
                    if (loadedParameters is not null)
                        foreach (var key in tensors.Keys)
                            loadedParameters[key] = skip is null || !skip.Contains(key);
                }
                finally
                {
                    foreach (var t in tensors.Values) t.Dispose();
                }
                return this;
            }

            private static Dictionary<string, Tensor> ReadStateDict(Stream stream, string source)
            {
                var result = new Dictionary<string, Tensor>();
                using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
                try
                {
                    var magic = reader.ReadBytes(FileMagic.Length);
                    if (!magic.AsSpan().SequenceEqual(FileMagic))
                        throw new InvalidDataException($"{source} is not a GenAI.Torch module file (its first bytes are not the module-file header)");
                    int version = reader.ReadInt32();
                    if (version != FileVersion)
                        throw new InvalidDataException($"{source} has module-file version {version}; this library reads version {FileVersion}");
                    int count = reader.ReadInt32();
                    if (count < 0) throw new InvalidDataException($"{source} is corrupt: negative entry count {count}");
                    for (int k = 0; k < count; k++)
                    {
                        var key = reader.ReadString();
                        var dtype = (ScalarType)reader.ReadInt32();
                        int rank = reader.ReadInt32();
                        if (rank < 0 || rank > 64) throw new InvalidDataException($"{source} is corrupt: entry '{key}' has rank {rank}");
                        var shape = new long[rank];
                        for (int d = 0; d < rank; d++)
                        {
                            shape[d] = reader.ReadInt64();
                            if (shape[d] < 0) throw new InvalidDataException($"{source} is corrupt: entry '{key}' has a negative dimension");
                        }
                        long byteCount = reader.ReadInt64();
                        var tensor = torch.empty(shape, dtype);
                        result[key] = tensor;
                        long expected = tensor.numel() * tensor.element_size();
                        if (byteCount != expected)
                            throw new InvalidDataException($"{source} is corrupt: entry '{key}' holds {byteCount} bytes, its shape {ShapeText(shape)} and dtype {dtype} need {expected}");
                        var bytes = reader.ReadBytes(checked((int)byteCount));
                        if (bytes.Length != byteCount) throw new EndOfStreamException();
                        tensor.bytes = bytes;
                    }
                    return result;
                }
                catch (Exception e) when (e is EndOfStreamException or InvalidDataException or OverflowException)
                {
                    foreach (var t in result.Values) t.Dispose();
                    var reason = e is EndOfStreamException ? $"{source} is truncated or is not a GenAI.Torch module file" : e.Message;
                    throw new InvalidDataException(reason, e);
                }
                catch
                {
                    foreach (var t in result.Values) t.Dispose();
                    throw;
                }
            }
        }
    }
}

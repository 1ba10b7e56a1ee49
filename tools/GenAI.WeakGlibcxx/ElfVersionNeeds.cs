using System.Buffers.Binary;
using System.Text;

namespace GenAI.WeakGlibcxx;

/// <summary>
/// The version requirements (<c>Vernaux</c> entries of <c>.gnu.version_r</c>) of a 64-bit
/// little-endian ELF shared object, read from and written back into the file's bytes.
/// Only what marking one requirement weak needs: the layout is the System V gABI's.
/// </summary>
sealed class ElfVersionNeeds
{
    const uint ShtGnuVerneed = 0x6ffffffe;
    public const ushort VerFlagWeak = 0x2;

    readonly byte[] _bytes;
    readonly List<Requirement> _requirements = [];

    /// <summary>One needed version: the library that provides it, its name, and where its flags are.</summary>
    public sealed record Requirement(string Library, string Version, int FlagsOffset);

    ElfVersionNeeds(byte[] bytes) => _bytes = bytes;

    public IReadOnlyList<Requirement> Requirements => _requirements;
    public byte[] Bytes => _bytes;

    public static ElfVersionNeeds Parse(byte[] bytes, string path)
    {
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException($"{path}: not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException($"{path}: not a 64-bit little-endian ELF file (class {bytes[4]}, data {bytes[5]})");
        var elf = new ElfVersionNeeds(bytes);
        var sectionTable = checked((int)U64(bytes, 0x28));
        var sectionSize = U16(bytes, 0x3A);
        var sectionCount = U16(bytes, 0x3C);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + i * sectionSize;
            if (U32(bytes, header + 4) != ShtGnuVerneed) continue;
            var offset = checked((int)U64(bytes, header + 0x18));
            var stringsSection = sectionTable + (int)U32(bytes, header + 0x28) * sectionSize;
            var strings = checked((int)U64(bytes, stringsSection + 0x18));
            var needCount = U32(bytes, header + 0x2C);
            elf.ReadNeeds(offset, needCount, strings);
        }
        return elf;
    }

    void ReadNeeds(int offset, uint count, int strings)
    {
        var need = offset;
        for (var n = 0; n < count; n++)
        {
            var library = CString(strings + (int)U32(_bytes, need + 4));
            var auxCount = U16(_bytes, need + 2);
            var aux = need + (int)U32(_bytes, need + 8);
            for (var a = 0; a < auxCount; a++)
            {
                _requirements.Add(new Requirement(library, CString(strings + (int)U32(_bytes, aux + 8)), aux + 4));
                aux += (int)U32(_bytes, aux + 12);
            }
            need += (int)U32(_bytes, need + 12);
        }
    }

    public bool IsWeak(Requirement requirement) => (U16(_bytes, requirement.FlagsOffset) & VerFlagWeak) != 0;

    public void MakeWeak(Requirement requirement) =>
        BinaryPrimitives.WriteUInt16LittleEndian(_bytes.AsSpan(requirement.FlagsOffset),
            (ushort)(U16(_bytes, requirement.FlagsOffset) | VerFlagWeak));

    string CString(int start)
    {
        var end = Array.IndexOf(_bytes, (byte)0, start);
        return Encoding.ASCII.GetString(_bytes, start, end - start);
    }

    static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));
    static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
    static ulong U64(byte[] b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at));
}

using System.Runtime.InteropServices;
using TorchSharp.PInvoke;

namespace TorchSharp;

/// <summary>The root of the API, as in PyTorch's <c>torch</c> module. Split by area into partial files
/// named after PyTorch's documentation pages (torch.PointwiseOps.cs, torch.ReductionOps.cs, ...).</summary>
public static partial class torch
{
    /// <summary>Element types; the values are libtorch's c10::ScalarType codes, passed to the shim as-is.</summary>
    public enum ScalarType : sbyte
    {
        Byte = 0,
        Int8 = 1,
        Int16 = 2,
        Int32 = 3,
        Int64 = 4,
        Float16 = 5,
        Float32 = 6,
        Float64 = 7,
        ComplexFloat32 = 9,
        ComplexFloat64 = 10,
        Bool = 11,
        QInt8 = 12,
        QUInt8 = 13,
        QInt32 = 14,
        BFloat16 = 15,
    }

    public static ScalarType @bool = ScalarType.Bool;
    public static ScalarType uint8 = ScalarType.Byte;
    public static ScalarType int8 = ScalarType.Int8;
    public static ScalarType int16 = ScalarType.Int16;
    public static ScalarType int32 = ScalarType.Int32;
    public static ScalarType int64 = ScalarType.Int64;
    public static ScalarType bfloat16 = ScalarType.BFloat16;
    public static ScalarType float16 = ScalarType.Float16;
    public static ScalarType float32 = ScalarType.Float32;
    public static ScalarType float64 = ScalarType.Float64;
    public static ScalarType complex64 = ScalarType.ComplexFloat32;
    public static ScalarType complex128 = ScalarType.ComplexFloat64;
    public static ScalarType @short = ScalarType.Int16;
    public static ScalarType @int = ScalarType.Int32;
    public static ScalarType @long = ScalarType.Int64;
    public static ScalarType half = ScalarType.Float16;
    public static ScalarType @float = ScalarType.Float32;
    public static ScalarType @double = ScalarType.Float64;
    public static ScalarType cfloat = ScalarType.ComplexFloat32;
    public static ScalarType cdouble = ScalarType.ComplexFloat64;
    public static ScalarType qint8 = ScalarType.QInt8;
    public static ScalarType quint8 = ScalarType.QUInt8;

    /// <summary>Version of this engine (not of libtorch).</summary>
    public static string __version__ => "0.107.0-genai";

    /// <summary>
    /// Throws the pending native error of this thread, if any. Call it after a shim function
    /// returned its failure sentinel (IntPtr.Zero or -1). The message is libtorch's own,
    /// without the C++ backtrace.
    /// </summary>
    internal static void CheckForErrors()
    {
        var message = NativeMethods.gt_last_error();
        if (message != IntPtr.Zero)
            throw new ExternalException(Marshal.PtrToStringUTF8(message) ?? "native error");
    }

    /// <summary>Checks a status code returned by the shim (0 ok, -1 failed).</summary>
    internal static void Check(int status)
    {
        if (status != 0)
        {
            CheckForErrors();
            throw new ExternalException("native call failed without a message");
        }
    }
}

using System.Numerics;
using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>Conversions of one-element tensors to .NET numbers, and tensors from .NET data.</summary>
public static partial class TensorExtensionMethods
{
    public static bool ToBoolean(this Tensor value) => value.item<bool>();
    public static byte ToByte(this Tensor value) => value.item<byte>();
    public static sbyte ToSByte(this Tensor value) => value.item<sbyte>();
    public static short ToInt16(this Tensor value) => value.item<short>();
    public static int ToInt32(this Tensor value) => value.item<int>();
    public static long ToInt64(this Tensor value) => value.item<long>();
    public static float ToSingle(this Tensor value) => value.item<float>();
    public static double ToDouble(this Tensor value) => value.item<double>();
    public static Half ToHalf(this Tensor value) => value.item<Half>();
    public static Complex ToComplexFloat64(this Tensor value) => value.item<Complex>();
    public static Complex ToComplex64(this Tensor value) => value.item<Complex>();
    public static (float, float) ToComplexFloat32(this Tensor value)
    {
        var c = value.item<Complex>();
        return ((float)c.Real, (float)c.Imaginary);
    }
    public static (float, float) ToComplex32(this Tensor value) => ToComplexFloat32(value);

    /// <summary>Bytes per element of a dtype.</summary>
    public static int ElementSize(this ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool or ScalarType.QInt8 or ScalarType.QUInt8 => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 or ScalarType.QInt32 => 4,
        ScalarType.Int64 or ScalarType.Float64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.ComplexFloat64 => 16,
        _ => throw new ArgumentException($"Unknown dtype {type}"),
    };

    public static long TotalSize(this IEnumerable<long> shape) => shape.Aggregate(1L, (a, b) => a * b);

    public static ReadOnlySpan<int> IntShape(this Tensor tensor) => tensor.shape.Select(s => checked((int)s)).ToArray();

    /// <summary>A tensor from a flat array and a shape (the data is copied).</summary>
    public static Tensor ToTensor<T>(this T[] rawArray, long[] dimensions, bool doCopy = false, bool requires_grad = false) where T : unmanaged =>
        FromSpan<T>(rawArray, dimensions, Tensor.ElementTypeOf<T>(), null, null, requires_grad, null);

    public static Tensor ToTensor<T>(this T scalar, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        FromSpan<T>(new[] { scalar }, ReadOnlySpan<long>.Empty, Tensor.ElementTypeOf<T>(), null, device, requires_grad, null);

    public static Modules.Parameter AsParameter(this Tensor tensor) => new Modules.Parameter(tensor);
}

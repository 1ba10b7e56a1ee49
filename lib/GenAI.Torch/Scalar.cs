using System.Numerics;
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>
/// A number passed to an op (alpha, fill values, clamp bounds...). Unlike TorchSharp's, it holds
/// no native memory: it is crossed to the shim by value, so Dispose is a no-op kept for compatibility.
/// </summary>
public sealed class Scalar : IDisposable
{
    internal readonly NativeScalar Value;

    public ScalarType Type { get; }

    private Scalar(NativeScalar value, ScalarType type)
    {
        Value = value;
        Type = type;
    }

    public void Dispose() { }

    public static implicit operator Scalar(byte value) => new(NativeScalar.Int(value), ScalarType.Byte);
    public static implicit operator Scalar(sbyte value) => new(NativeScalar.Int(value), ScalarType.Int8);
    public static implicit operator Scalar(short value) => new(NativeScalar.Int(value), ScalarType.Int16);
    public static implicit operator Scalar(int value) => new(NativeScalar.Int(value), ScalarType.Int32);
    public static implicit operator Scalar(long value) => new(NativeScalar.Int(value), ScalarType.Int64);
    public static implicit operator Scalar(Half value) => new(NativeScalar.Float((double)value), ScalarType.Float16);
    public static implicit operator Scalar(float value) => new(NativeScalar.Float(value), ScalarType.Float32);
    public static implicit operator Scalar(double value) => new(NativeScalar.Float(value), ScalarType.Float64);
    public static implicit operator Scalar(bool value) => new(NativeScalar.Bool(value), ScalarType.Bool);
    public static implicit operator Scalar((float, float) value) =>
        new(new NativeScalar { d = value.Item1, im = value.Item2, kind = 3 }, ScalarType.ComplexFloat32);
    public static implicit operator Scalar(Complex value) =>
        new(new NativeScalar { d = value.Real, im = value.Imaginary, kind = 3 }, ScalarType.ComplexFloat64);

    internal double AsDouble => Value.kind switch { 0 or 2 => Value.i, _ => Value.d };
    internal long AsLong => Value.kind switch { 0 or 2 => Value.i, _ => (long)Value.d };

    public override string ToString() => Value.kind switch
    {
        0 => Value.i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => (Value.i != 0).ToString(),
        3 => $"({Value.d}+{Value.im}i)",
        _ => Value.d.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public static class ScalarExtensionMethods
{
    public static bool ToBoolean(this Scalar value) => value.Value.kind == 2 ? value.Value.i != 0 : value.AsDouble != 0;
    public static byte ToByte(this Scalar value) => (byte)value.AsLong;
    public static sbyte ToSByte(this Scalar value) => (sbyte)value.AsLong;
    public static short ToInt16(this Scalar value) => (short)value.AsLong;
    public static int ToInt32(this Scalar value) => (int)value.AsLong;
    public static long ToInt64(this Scalar value) => value.AsLong;
    public static float ToSingle(this Scalar value) => (float)value.AsDouble;
    public static double ToDouble(this Scalar value) => value.AsDouble;
    public static Half ToHalf(this Scalar value) => (Half)value.AsDouble;
    public static (float, float) ToComplexFloat32(this Scalar value) => ((float)value.AsDouble, (float)value.Value.im);
    public static Complex ToComplexFloat64(this Scalar value) => new(value.AsDouble, value.Value.im);

    public static Scalar ToScalar(this byte value) => value;
    public static Scalar ToScalar(this sbyte value) => value;
    public static Scalar ToScalar(this short value) => value;
    public static Scalar ToScalar(this int value) => value;
    public static Scalar ToScalar(this long value) => value;
    public static Scalar ToScalar(this float value) => value;
    public static Scalar ToScalar(this double value) => value;
    public static Scalar ToScalar(this (float, float) value) => value;
    public static Scalar ToScalar(this Complex value) => value;
    public static Scalar ToScalar(this bool value) => value;
    public static Scalar ToScalar(this Half value) => value;
}

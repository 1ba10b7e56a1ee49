using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp.PInvoke;

namespace TorchSharp;

// Creation ops (PyTorch docs: "Creation Ops"): tensors from data and scalars, constant
// factories, ranges, *_like. Random factories live in torch.RandomSampling.cs.
public static partial class torch
{
    internal enum FactoryKind { Zeros = 0, Ones = 1, Empty = 2, Full = 3 }

    /// <summary>(device type, index) for the shim; null means CPU.</summary>
    internal static (int type, int index) DeviceArgs(Device? device) =>
        device is null ? (0, -1) : ((int)device.type, device.index);

    internal static sbyte DTypeArg(ScalarType? dtype) => dtype.HasValue ? (sbyte)dtype.Value : (sbyte)-1;

    /// <summary>Named tensors are not supported by this engine: refuse rather than ignore names.</summary>
    internal static void CheckNames(string[]? names)
    {
        if (names is not null)
            throw new NotSupportedException("Named tensors (the 'names' argument) are not supported by GenAI.Torch.");
    }

    internal static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, ScalarType elementType,
        ScalarType? dtype, Device? device, bool requires_grad, string[]? names) where T : unmanaged
    {
        CheckNames(names);
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"Invalid shape [{string.Join(", ", shape.ToArray())}]: negative size.");
            count *= d;
        }
        if (count != data.Length)
            throw new ArgumentException(
                $"Shape [{string.Join(", ", shape.ToArray())}] needs {count} elements but the data has {data.Length}.");
        var (dt, di) = DeviceArgs(device);
        fixed (T* p = data)
        fixed (long* s = shape)
        {
            return Tensor.FromHandle(NativeMethods.gt_from_data(p, s, shape.Length, (sbyte)elementType,
                (sbyte)(dtype ?? elementType), dt, di, requires_grad));
        }
    }

    internal static ReadOnlySpan<T> AsSpan<T>(IList<T> list) => list switch
    {
        T[] array => array,
        List<T> l => CollectionsMarshal.AsSpan(l),
        _ => list.ToArray(),
    };

    internal static ReadOnlySpan<T> AsSpan<T>(Array array) where T : unmanaged =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    // ---- scalars ---------------------------------------------------------------------

    internal static Tensor ScalarTensor(NativeScalar value, ScalarType dtype, Device? device, bool requires_grad)
    {
        var (dt, di) = DeviceArgs(device);
        return Tensor.FromHandle(NativeMethods.gt_scalar_tensor(value, (sbyte)dtype, dt, di, requires_grad));
    }

    public static Tensor tensor(bool scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ScalarTensor(NativeScalar.Bool(scalar), dtype ?? ScalarType.Bool, device, requires_grad);
    public static Tensor tensor(byte scalar, Device? device = null, bool requires_grad = false) =>
        ScalarTensor(NativeScalar.Int(scalar), ScalarType.Byte, device, requires_grad);
    public static Tensor tensor(sbyte scalar, Device? device = null, bool requires_grad = false) =>
        ScalarTensor(NativeScalar.Int(scalar), ScalarType.Int8, device, requires_grad);
    public static Tensor tensor(short scalar, Device? device = null, bool requires_grad = false) =>
        ScalarTensor(NativeScalar.Int(scalar), ScalarType.Int16, device, requires_grad);
    public static Tensor tensor(int scalar, Device? device = null, bool requires_grad = false) =>
        ScalarTensor(NativeScalar.Int(scalar), ScalarType.Int32, device, requires_grad);
    public static Tensor tensor(long scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ScalarTensor(NativeScalar.Int(scalar), dtype ?? ScalarType.Int64, device, requires_grad);
    public static Tensor tensor(float scalar, Device? device = null, bool requires_grad = false) =>
        ScalarTensor(NativeScalar.Float(scalar), ScalarType.Float32, device, requires_grad);
    public static Tensor tensor(double scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ScalarTensor(NativeScalar.Float(scalar), dtype ?? ScalarType.Float64, device, requires_grad);
    public static Tensor tensor(Complex scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ScalarTensor(new NativeScalar { d = scalar.Real, im = scalar.Imaginary, kind = 3 }, dtype ?? ScalarType.ComplexFloat64, device, requires_grad);
    public static Tensor tensor(double real, double imaginary, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor(new Complex(real, imaginary), dtype, device, requires_grad);
    public static Tensor tensor(float real, float imaginary, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor(new Complex(real, imaginary), dtype ?? ScalarType.ComplexFloat32, device, requires_grad);
    public static Tensor tensor((float, float) scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor(new Complex(scalar.Item1, scalar.Item2), dtype ?? ScalarType.ComplexFloat32, device, requires_grad);
    public static Tensor tensor((double, double) scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor(new Complex(scalar.Item1, scalar.Item2), dtype, device, requires_grad);

    /// <summary>A new tensor with the data of <paramref name="data"/> (a copy, as in PyTorch's as_tensor when a conversion is needed).</summary>
    public static Tensor as_tensor(Tensor data, ScalarType? dtype = null, Device? device = null) =>
        data.to(dtype ?? data.dtype, device ?? data.device);

    /// <summary>A tensor from any rectangular .NET array of a supported element type (bool, byte, sbyte, short, int, long, float, double, Half).</summary>
    public static Tensor from_array(Array rawArray, Device? device = null) => from_array(rawArray, null, device);

    public static Tensor from_array(Array rawArray, ScalarType? dtype, Device? device = null, bool requires_grad = false, string[]? names = null)
    {
        var shape = new long[rawArray.Rank];
        for (int k = 0; k < shape.Length; k++) shape[k] = rawArray.GetLongLength(k);
        return rawArray.GetType().GetElementType() switch
        {
            Type t when t == typeof(bool) => FromSpan(AsSpan<bool>(rawArray), shape, ScalarType.Bool, dtype, device, requires_grad, names),
            Type t when t == typeof(byte) => FromSpan(AsSpan<byte>(rawArray), shape, ScalarType.Byte, dtype, device, requires_grad, names),
            Type t when t == typeof(sbyte) => FromSpan(AsSpan<sbyte>(rawArray), shape, ScalarType.Int8, dtype, device, requires_grad, names),
            Type t when t == typeof(short) => FromSpan(AsSpan<short>(rawArray), shape, ScalarType.Int16, dtype, device, requires_grad, names),
            Type t when t == typeof(int) => FromSpan(AsSpan<int>(rawArray), shape, ScalarType.Int32, dtype, device, requires_grad, names),
            Type t when t == typeof(long) => FromSpan(AsSpan<long>(rawArray), shape, ScalarType.Int64, dtype, device, requires_grad, names),
            Type t when t == typeof(float) => FromSpan(AsSpan<float>(rawArray), shape, ScalarType.Float32, dtype, device, requires_grad, names),
            Type t when t == typeof(double) => FromSpan(AsSpan<double>(rawArray), shape, ScalarType.Float64, dtype, device, requires_grad, names),
            Type t when t == typeof(Half) => FromSpan(AsSpan<Half>(rawArray), shape, ScalarType.Float16, dtype, device, requires_grad, names),
            var t => throw new ArgumentException($"from_array: element type {t} is not supported."),
        };
    }

    public static Tensor as_tensor(Array data, ScalarType? dtype = null, Device? device = null) => from_array(data, dtype, device);

    // ---- constant factories ---------------------------------------------------------

    internal static unsafe Tensor Factory(FactoryKind kind, ReadOnlySpan<long> size, Scalar? fill, ScalarType? dtype,
        Device? device, bool requires_grad, string[]? names)
    {
        CheckNames(names);
        var (dt, di) = DeviceArgs(device);
        // full() without dtype takes the fill value's kind (bool -> bool, integer -> int64), as in PyTorch.
        var type = dtype.HasValue ? (sbyte)dtype.Value
            : kind == FactoryKind.Full && fill!.Value.kind == 0 ? (sbyte)ScalarType.Int64
            : kind == FactoryKind.Full && fill!.Value.kind == 2 ? (sbyte)ScalarType.Bool
            : (sbyte)-1;
        fixed (long* s = size)
            return Tensor.FromHandle(NativeMethods.gt_factory((int)kind, s, size.Length, fill?.Value ?? default, type, dt, di, requires_grad));
    }

    internal static Tensor FactoryLike(FactoryKind kind, Tensor input, Scalar? fill, ScalarType? dtype, Device? device,
        bool requires_grad, string[]? names = null)
    {
        CheckNames(names);
        var (dt, di) = device is null ? (-1, -1) : DeviceArgs(device);
        var r = NativeMethods.gt_factory_like((int)kind, input.Handle, fill?.Value ?? default, DTypeArg(dtype), dt, di, requires_grad);
        GC.KeepAlive(input);
        return Tensor.FromHandle(r);
    }

    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FactoryLike(FactoryKind.Zeros, input, null, dtype, device, requires_grad, names);
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FactoryLike(FactoryKind.Ones, input, null, dtype, device, requires_grad, names);
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FactoryLike(FactoryKind.Empty, input, null, dtype, device, requires_grad, names);
    public static Tensor full_like(Tensor input, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) =>
        FactoryLike(FactoryKind.Full, input, value, dtype, device, requires_grad, names);

    public static Tensor eye(long rows, long columns = -1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null)
    {
        CheckNames(names);
        var (dt, di) = DeviceArgs(device);
        return Tensor.FromHandle(NativeMethods.gt_eye(rows, columns < 0 ? rows : columns, DTypeArg(dtype), dt, di, requires_grad));
    }

    // ---- ranges -----------------------------------------------------------------------

    public static Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var (dt, di) = DeviceArgs(device);
        return Tensor.FromHandle(NativeMethods.gt_arange(start.Value, stop.Value, step.Value, DTypeArg(dtype), dt, di, requires_grad));
    }

    public static Tensor arange(Scalar start, Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(start, stop, 1, dtype, device, requires_grad);

    public static Tensor arange(Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(0, stop, 1, dtype, device, requires_grad);

    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var (dt, di) = DeviceArgs(device);
        return Tensor.FromHandle(NativeMethods.gt_linspace(start, end, steps, DTypeArg(dtype), dt, di, requires_grad));
    }

    public static Tensor logspace(double start, double end, long steps, double @base = 10, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var (dt, di) = DeviceArgs(device);
        return Tensor.FromHandle(NativeMethods.gt_logspace(start, end, steps, @base, DTypeArg(dtype), dt, di, requires_grad));
    }

    public static ScalarType get_default_dtype() => (ScalarType)NativeMethods.gt_default_dtype();

    public static void set_default_dtype(ScalarType dtype) => Check(NativeMethods.gt_set_default_dtype((sbyte)dtype));
}

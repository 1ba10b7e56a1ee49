using TorchSharp.PInvoke;
using TorchSharp.Utils;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        internal NativeScalar ItemScalar()
        {
            NativeScalar s;
            int status;
            unsafe { status = NativeMethods.gt_item(Handle, &s); }
            GC.KeepAlive(this);
            Check(status);
            return s;
        }

        /// <summary>The value of a one-element tensor, converted to T (bool, byte, sbyte, short, int, long, Half, float, double).</summary>
        public T item<T>() where T : unmanaged
        {
            var s = ItemScalar();
            double d = s.kind is 0 or 2 ? s.i : s.d;
            long l = s.kind is 0 or 2 ? s.i : (long)s.d;
            object boxed = typeof(T) switch
            {
                var t when t == typeof(float) => (float)d,
                var t when t == typeof(double) => d,
                var t when t == typeof(Half) => (Half)d,
                var t when t == typeof(long) => l,
                var t when t == typeof(int) => (int)l,
                var t when t == typeof(short) => (short)l,
                var t when t == typeof(sbyte) => (sbyte)l,
                var t when t == typeof(byte) => (byte)l,
                var t when t == typeof(bool) => s.kind is 0 or 2 ? s.i != 0 : s.d != 0,
                var t when t == typeof(System.Numerics.Complex) => new System.Numerics.Complex(d, s.im),
                var t => throw new NotSupportedException($"item<{t.Name}>() is not supported"),
            };
            return (T)boxed;
        }

        /// <summary>Copies all elements (row-major) into a new array, converting to T's dtype;
        /// with raw, copies the bytes unconverted (T must be byte).</summary>
        internal unsafe T[] ToArray<T>(ScalarType asType, bool raw = false) where T : unmanaged
        {
            if (raw)
            {
                var bytes = new byte[NumberOfElements * ElementSize];
                int st;
                fixed (byte* p = bytes) st = NativeMethods.gt_copy_bytes(Handle, p, bytes.LongLength);
                GC.KeepAlive(this);
                Check(st);
                return (T[])(object)bytes;
            }
            var result = new T[NumberOfElements];
            int status;
            fixed (T* p = result) status = NativeMethods.gt_copy_out(Handle, p, result.LongLength, (sbyte)asType);
            GC.KeepAlive(this);
            Check(status);
            return result;
        }

        /// <summary>Element access to a CPU tensor's memory (reads and writes go to the tensor).</summary>
        public TensorAccessor<T> data<T>() where T : unmanaged
        {
            var expected = ElementTypeOf<T>();
            if (dtype != expected)
                throw new ArgumentException($"data<{typeof(T).Name}>() needs a tensor of dtype {expected}, but this one is {dtype}.");
            return new TensorAccessor<T>(this);
        }

        internal static ScalarType ElementTypeOf<T>() => typeof(T) switch
        {
            var t when t == typeof(bool) => ScalarType.Bool,
            var t when t == typeof(byte) => ScalarType.Byte,
            var t when t == typeof(sbyte) => ScalarType.Int8,
            var t when t == typeof(short) => ScalarType.Int16,
            var t when t == typeof(int) => ScalarType.Int32,
            var t when t == typeof(long) => ScalarType.Int64,
            var t when t == typeof(Half) => ScalarType.Float16,
            var t when t == typeof(float) => ScalarType.Float32,
            var t when t == typeof(double) => ScalarType.Float64,
            var t => throw new NotSupportedException($"Element type {t.Name} has no tensor dtype here."),
        };

        public static explicit operator float(Tensor value) => value.item<float>();
        public static explicit operator double(Tensor value) => value.item<double>();
        public static explicit operator sbyte(Tensor value) => value.item<sbyte>();
        public static explicit operator byte(Tensor value) => value.item<byte>();
        public static explicit operator short(Tensor value) => value.item<short>();
        public static explicit operator int(Tensor value) => value.item<int>();
        public static explicit operator long(Tensor value) => value.item<long>();
        public static explicit operator bool(Tensor value) => value.item<bool>();
    }
}

using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        private Tensor To(sbyte dtype, int deviceType, int deviceIndex, bool copy, bool disposeAfter, bool non_blocking)
        {
            var result = Unary(NativeMethods.gt_to(Handle, dtype, deviceType, deviceIndex, non_blocking, copy));
            if (disposeAfter) Dispose();
            return result;
        }

        /// <summary>This tensor on another device (a new Tensor object, sharing data if nothing changes).
        /// Asking for CUDA where there is none throws an ExternalException that says so.</summary>
        public Tensor to(Device device, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
        {
            var (t, i) = DeviceArgs(device);
            return To(-1, t, i, copy, disposeAfter, non_blocking);
        }

        public Tensor to(DeviceType deviceType, int deviceIndex = -1, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            To(-1, (int)deviceType, deviceIndex, copy, disposeAfter, non_blocking);
        public Tensor to(string device, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            to(new Device(device), copy, disposeAfter, non_blocking);
        public Tensor to(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            To((sbyte)type, -1, -1, copy, disposeAfter, non_blocking);
        public Tensor to(ScalarType type, Device device, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
        {
            var (t, i) = DeviceArgs(device);
            return To((sbyte)type, t, i, copy, disposeAfter, non_blocking);
        }
        public Tensor to(Tensor other, bool non_blocking = false) => to(other.dtype, other.device, false, false, non_blocking);
        public Tensor to_type(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false) =>
            to(type, copy, disposeAfter, non_blocking);
        public Tensor type(ScalarType dtype) => to_type(dtype);
        public Tensor type(Func<Tensor, Tensor> typeFunc) => typeFunc(this);

        public Tensor cpu() => to(CPU);
        public Tensor cuda(Device? device = null, bool non_blocking = false) =>
            to(device ?? CUDA, false, false, non_blocking);

        public Tensor @float() => to_type(ScalarType.Float32);
        public Tensor @double() => to_type(ScalarType.Float64);
        public Tensor half() => to_type(ScalarType.Float16);
        public Tensor bfloat16() => to_type(ScalarType.BFloat16);
        public Tensor @long() => to_type(ScalarType.Int64);
        public Tensor @int() => to_type(ScalarType.Int32);
        public Tensor @short() => to_type(ScalarType.Int16);
        public Tensor @char() => to_type(ScalarType.Int8);
        public Tensor @byte() => to_type(ScalarType.Byte);
        public Tensor @bool() => to_type(ScalarType.Bool);

        public bool is_floating_point() => dtype is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;
        public bool is_integral() => dtype is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64;
        public bool is_complex() => dtype is ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64;
        public bool is_cpu() => device_type == DeviceType.CPU;

        public Tensor clone() => Unary(NativeMethods.gt_clone(Handle));
        public Tensor contiguous() => Unary(NativeMethods.gt_contiguous(Handle));
        /// <summary>A second Tensor object for the same tensor (own lifetime, shared data and autograd identity).</summary>
        public Tensor alias() => Unary(NativeMethods.gt_alias(Handle));
        public Tensor with_requires_grad(bool requires_grad = true) => requires_grad_(requires_grad);

        public Tensor copy_(Tensor source, bool nonBlocking = false)
        {
            var s = NativeMethods.gt_copy_(Handle, source.Handle, nonBlocking);
            GC.KeepAlive(source);
            return InPlace(s);
        }

        public Tensor fill_(Scalar value) => InPlace(NativeMethods.gt_fill_(Handle, value.Value));
        public Tensor zero_() => InPlace(NativeMethods.gt_zero_(Handle));

        /// <summary>
        /// The raw bytes of the elements (row-major). Reading copies them out; setting copies them in
        /// (the length must match numel * element_size).
        /// </summary>
        public Span<byte> bytes
        {
            get => ToArray<byte>(ScalarType.Byte, raw: true);
            set
            {
                var expected = NumberOfElements * ElementSize;
                if (value.Length != expected)
                    throw new ArgumentException($"bytes: expected {expected} bytes for shape [{string.Join(", ", shape)}] of {dtype}, got {value.Length}.");
                using var src = FromSpan<byte>(value, stackalloc long[] { value.Length }, ScalarType.Byte, null, null, false, null);
                using var typed = src.Unary(NativeMethods.gt_view_dtype(src.Handle, (sbyte)dtype));
                using var shaped = typed.reshape(shape);
                using (no_grad()) copy_(shaped);
            }
        }

        /// <summary>A nested .NET array (or a scalar for 0-d) with the values, as PyTorch's tolist.</summary>
        public object tolist()
        {
            using var cpu = detach().cpu();
            if (Dimensions == 0) return cpu.item<double>();
            var values = cpu.ToArray<double>(ScalarType.Float64);
            var dims = shape;
            int offset = 0;
            object Build(int d)
            {
                var list = new List<object>();
                for (long k = 0; k < dims[d]; k++) list.Add(d == dims.Length - 1 ? values[offset++] : Build(d + 1));
                return list;
            }
            return Build(0);
        }
    }
}

using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        public long Dimensions { get { var r = NativeMethods.gt_dim(Handle); GC.KeepAlive(this); return r; } }
        public long ndim => Dimensions;
        public long dim() => Dimensions;
        public long NumberOfElements { get { var r = NativeMethods.gt_numel(Handle); GC.KeepAlive(this); return r; } }
        public long numel() => NumberOfElements;
        public long ElementSize { get { var r = NativeMethods.gt_element_size(Handle); GC.KeepAlive(this); return r; } }
        public long element_size() => ElementSize;
        public ScalarType dtype { get { var r = (ScalarType)NativeMethods.gt_dtype(Handle); GC.KeepAlive(this); return r; } }
        public DeviceType device_type { get { var r = (DeviceType)NativeMethods.gt_device_type(Handle); GC.KeepAlive(this); return r; } }
        public int device_index { get { var r = NativeMethods.gt_device_index(Handle); GC.KeepAlive(this); return r; } }
        public Device device => new Device(device_type, device_index);
        public bool is_cuda => device_type == DeviceType.CUDA;
        public bool is_meta => device_type == DeviceType.META;
        public bool is_sparse => false;
        public bool is_leaf { get { var r = NativeMethods.gt_is_leaf(Handle); GC.KeepAlive(this); return r; } }
        public bool is_contiguous() { var r = NativeMethods.gt_is_contiguous(Handle); GC.KeepAlive(this); return r; }

        /// <summary>Optional name, used by printing.</summary>
        public string? name { get; set; }

        public unsafe long[] shape
        {
            get
            {
                var h = Handle;
                var result = new long[NativeMethods.gt_dim(h)];
                fixed (long* p = result) NativeMethods.gt_shape(h, p);
                GC.KeepAlive(this);
                return result;
            }
        }

        public unsafe long[] stride()
        {
            var h = Handle;
            var result = new long[NativeMethods.gt_dim(h)];
            fixed (long* p = result) NativeMethods.gt_strides(h, p);
            GC.KeepAlive(this);
            return result;
        }

        public long stride(int dim)
        {
            var s = stride();
            return s[NormalizeDim(dim, s.Length)];
        }

        public long size(int dim)
        {
            var s = shape;
            return s[NormalizeDim(dim, s.Length)];
        }

        public long[] size() => shape;

        internal static int NormalizeDim(long dim, int ndim)
        {
            var d = dim < 0 ? dim + ndim : dim;
            if (d < 0 || d >= ndim)
                throw new IndexOutOfRangeException(
                    $"Dimension out of range (expected to be in range of [{-ndim}, {ndim - 1}], but got {dim})");
            return (int)d;
        }

        public bool requires_grad
        {
            get { var r = NativeMethods.gt_requires_grad(Handle); GC.KeepAlive(this); return r; }
            set { var s = NativeMethods.gt_set_requires_grad(Handle, value); GC.KeepAlive(this); Check(s); }
        }

        /// <summary>Sets requires_grad in place (e.g. to freeze parameters) and returns this tensor.</summary>
        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }
    }
}

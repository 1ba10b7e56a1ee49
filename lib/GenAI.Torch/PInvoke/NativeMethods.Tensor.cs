// Creation, metadata, data access, conversions (native/tensor.cpp).
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_from_data(void* data, long* shape, int ndim, sbyte src_dtype, sbyte dtype,
        int device_type, int device_index, [MarshalAs(UnmanagedType.U1)] bool requires_grad);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_scalar_tensor(NativeScalar value, sbyte dtype, int device_type, int device_index,
        [MarshalAs(UnmanagedType.U1)] bool requires_grad);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_factory(int kind, long* shape, int ndim, NativeScalar fill, sbyte dtype,
        int device_type, int device_index, [MarshalAs(UnmanagedType.U1)] bool requires_grad);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_factory_like(int kind, IntPtr input, NativeScalar fill, sbyte dtype,
        int device_type, int device_index, [MarshalAs(UnmanagedType.U1)] bool requires_grad);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_eye(long n, long m, sbyte dtype, int device_type, int device_index,
        [MarshalAs(UnmanagedType.U1)] bool requires_grad);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_arange(NativeScalar start, NativeScalar end, NativeScalar step, sbyte dtype,
        int device_type, int device_index, [MarshalAs(UnmanagedType.U1)] bool requires_grad);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_linspace(double start, double end, long steps, sbyte dtype, int device_type,
        int device_index, [MarshalAs(UnmanagedType.U1)] bool requires_grad);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_logspace(double start, double end, long steps, double @base, sbyte dtype,
        int device_type, int device_index, [MarshalAs(UnmanagedType.U1)] bool requires_grad);

    // Metadata getters are tiny and never block: no GC transition needed.
    [LibraryImport(Lib), SuppressGCTransition] internal static partial long gt_dim(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial long gt_numel(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial sbyte gt_dtype(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial int gt_device_type(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial int gt_device_index(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial long gt_element_size(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool gt_requires_grad(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool gt_is_leaf(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool gt_is_contiguous(IntPtr t);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial void gt_shape(IntPtr t, long* output);
    [LibraryImport(Lib), SuppressGCTransition] internal static partial void gt_strides(IntPtr t, long* output);
    [LibraryImport(Lib)] internal static partial int gt_set_requires_grad(IntPtr t, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Lib)] internal static partial int gt_item(IntPtr t, NativeScalar* output);
    [LibraryImport(Lib)] internal static partial int gt_copy_out(IntPtr t, void* dst, long count, sbyte dtype);
    [LibraryImport(Lib)] internal static partial void* gt_data_ptr(IntPtr t);

    [LibraryImport(Lib)]
    internal static partial IntPtr gt_to(IntPtr t, sbyte dtype, int device_type, int device_index,
        [MarshalAs(UnmanagedType.U1)] bool non_blocking, [MarshalAs(UnmanagedType.U1)] bool copy);
    [LibraryImport(Lib)] internal static partial IntPtr gt_clone(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_contiguous(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_detach(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_detach_(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_alias(IntPtr t);
    [LibraryImport(Lib)] internal static partial int gt_copy_(IntPtr dst, IntPtr src, [MarshalAs(UnmanagedType.U1)] bool non_blocking);
    [LibraryImport(Lib)] internal static partial int gt_default_dtype();
    [LibraryImport(Lib)] internal static partial int gt_set_default_dtype(sbyte dtype);
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr gt_view_dtype(IntPtr t, sbyte dtype);
    [LibraryImport(Lib)] internal static partial int gt_copy_bytes(IntPtr t, void* dst, long nbytes);
}

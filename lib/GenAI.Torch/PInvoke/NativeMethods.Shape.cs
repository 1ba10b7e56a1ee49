// Views, reshaping, joining, splitting, indexing (native/ops_shape.cpp, native/ops_indexing.cpp).
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal enum ShapeOp { view = 0, reshape = 1, expand = 2, repeat = 3, permute = 4, flip = 5, tile = 6, broadcast_to = 7 }
internal enum SplitOp { chunk = 0, split_size = 1, split_sizes = 2, unbind = 3, tensor_split_sections = 4, tensor_split_indices = 5 }
internal enum JoinOp { cat = 0, stack = 1, hstack = 2, vstack = 3, dstack = 4, column_stack = 5 }

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr gt_shape_op(ShapeOp op, IntPtr t, long* dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr gt_transpose(IntPtr t, long d0, long d1);
    [LibraryImport(Lib)] internal static partial int gt_transpose_(IntPtr t, long d0, long d1);
    [LibraryImport(Lib)] internal static partial IntPtr gt_t(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_squeeze(IntPtr t, long dim, [MarshalAs(UnmanagedType.U1)] bool has_dim);
    [LibraryImport(Lib)] internal static partial int gt_squeeze_(IntPtr t, long dim, [MarshalAs(UnmanagedType.U1)] bool has_dim);
    [LibraryImport(Lib)] internal static partial IntPtr gt_unsqueeze(IntPtr t, long dim);
    [LibraryImport(Lib)] internal static partial int gt_unsqueeze_(IntPtr t, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr gt_flatten(IntPtr t, long start, long end);
    [LibraryImport(Lib)] internal static partial IntPtr gt_unflatten(IntPtr t, long dim, long* sizes, int n);
    [LibraryImport(Lib)] internal static partial IntPtr gt_narrow(IntPtr t, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial IntPtr gt_select(IntPtr t, long dim, long index);
    [LibraryImport(Lib)] internal static partial IntPtr gt_slice(IntPtr t, long dim, long start, long end, long step);
    [LibraryImport(Lib)] internal static partial IntPtr gt_movedim(IntPtr t, long* src, long* dst, int n);
    [LibraryImport(Lib)] internal static partial IntPtr gt_diagonal(IntPtr t, long offset, long d1, long d2);
    [LibraryImport(Lib)] internal static partial IntPtr gt_diag(IntPtr t, long diagonal);
    [LibraryImport(Lib)] internal static partial IntPtr gt_diag_embed(IntPtr t, long offset, long d1, long d2);
    [LibraryImport(Lib)] internal static partial IntPtr gt_tri(int op, IntPtr t, long diagonal);
    [LibraryImport(Lib)] internal static partial int gt_tri_(int op, IntPtr t, long diagonal);
    [LibraryImport(Lib)] internal static partial IntPtr gt_roll(IntPtr t, long* shifts, int nshifts, long* dims, int ndims);
    [LibraryImport(Lib)] internal static partial IntPtr gt_unfold(IntPtr t, long dim, long size, long step);
    [LibraryImport(Lib)] internal static partial IntPtr gt_repeat_interleave(IntPtr t, long repeats, long dim, [MarshalAs(UnmanagedType.U1)] bool has_dim);
    [LibraryImport(Lib)] internal static partial IntPtr gt_repeat_interleave_t(IntPtr t, IntPtr repeats, long dim, [MarshalAs(UnmanagedType.U1)] bool has_dim);
    [LibraryImport(Lib)] internal static partial IntPtr gt_rot90(IntPtr t, long k, long d0, long d1);
    [LibraryImport(Lib)] internal static partial int gt_split(SplitOp op, IntPtr t, long* ints, int nints, long dim, IntPtr* output, int capacity);
    [LibraryImport(Lib)] internal static partial IntPtr gt_join(JoinOp op, IntPtr* ts, int n, long dim);
    [LibraryImport(Lib)] internal static partial int gt_multi(int op, IntPtr* ts, int n, IntPtr* output);

    [LibraryImport(Lib)] internal static partial IntPtr gt_index_select(IntPtr t, long dim, IntPtr index);
    [LibraryImport(Lib)] internal static partial IntPtr gt_gather(IntPtr t, long dim, IntPtr index);
    [LibraryImport(Lib)] internal static partial IntPtr gt_take(IntPtr t, IntPtr index);
    [LibraryImport(Lib)] internal static partial IntPtr gt_take_along_dim(IntPtr t, IntPtr index, long dim, [MarshalAs(UnmanagedType.U1)] bool has_dim);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_scatter(int op, IntPtr t, long dim, IntPtr index, IntPtr src, NativeScalar value,
        [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gt_scatter_reduce(IntPtr t, long dim, IntPtr index, IntPtr src, string reduce,
        [MarshalAs(UnmanagedType.U1)] bool include_self);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_index_update(int op, IntPtr t, long dim, IntPtr index, IntPtr source, NativeScalar value,
        [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)] internal static partial IntPtr gt_masked_fill(IntPtr t, IntPtr mask, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int gt_masked_fill_(IntPtr t, IntPtr mask, NativeScalar value);
    [LibraryImport(Lib)] internal static partial IntPtr gt_masked_fill_t(IntPtr t, IntPtr mask, IntPtr value);
    [LibraryImport(Lib)] internal static partial IntPtr gt_masked_select(IntPtr t, IntPtr mask);
    [LibraryImport(Lib)] internal static partial IntPtr gt_masked_scatter(IntPtr t, IntPtr mask, IntPtr source);
    [LibraryImport(Lib)] internal static partial IntPtr gt_nonzero(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_argwhere(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_one_hot(IntPtr t, long num_classes);
    [LibraryImport(Lib)] internal static partial IntPtr gt_isin(IntPtr elements, IntPtr test, [MarshalAs(UnmanagedType.U1)] bool invert);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_bucketize(IntPtr t, IntPtr boundaries, [MarshalAs(UnmanagedType.U1)] bool out_int32, [MarshalAs(UnmanagedType.U1)] bool right);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_searchsorted(IntPtr sorted, IntPtr values, [MarshalAs(UnmanagedType.U1)] bool out_int32, [MarshalAs(UnmanagedType.U1)] bool right);

    [LibraryImport(Lib)]
    internal static partial IntPtr gt_index(IntPtr t, int* kinds, long* starts, long* stops, long* steps, IntPtr* tensors, int n);
    [LibraryImport(Lib)]
    internal static partial int gt_index_put_(IntPtr t, int* kinds, long* starts, long* stops, long* steps, IntPtr* tensors, int n, IntPtr value);
    [LibraryImport(Lib)]
    internal static partial int gt_index_put_scalar_(IntPtr t, int* kinds, long* starts, long* stops, long* steps, IntPtr* tensors, int n, NativeScalar value);
    [LibraryImport(Lib)]
    internal static partial int gt_index_put_tensors_(IntPtr t, IntPtr* idx, int n, IntPtr values, [MarshalAs(UnmanagedType.U1)] bool accumulate);
}

// Reductions, scans, sorting (native/ops_reduction.cpp).
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal enum ReduceOp
{
    sum = 0, mean = 1, prod = 2, amax = 3, amin = 4, logsumexp = 5, all = 6, any = 7, nansum = 8, nanmean = 9,
    count_nonzero = 10, max_all = 11, min_all = 12, median_all = 13, nanmedian_all = 14,
}

internal enum PairReduceOp { max = 0, min = 1, median = 2, mode = 3, kthvalue = 4, cummax = 5, cummin = 6, nanmedian = 7 }

internal enum DimOp { cumsum = 0, cumprod = 1, softmax = 2, log_softmax = 3, logcumsumexp = 4 }

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_reduce(ReduceOp op, IntPtr t, long* dims, int ndims, [MarshalAs(UnmanagedType.U1)] bool keepdim, sbyte dtype);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_var_std(int op, IntPtr t, long* dims, int ndims, [MarshalAs(UnmanagedType.U1)] bool unbiased,
        [MarshalAs(UnmanagedType.U1)] bool keepdim, IntPtr* mean_out);
    [LibraryImport(Lib)]
    internal static partial int gt_reduce_pair(PairReduceOp op, IntPtr t, long dim, [MarshalAs(UnmanagedType.U1)] bool keepdim, long k, IntPtr* output);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_arg_reduce(int op, IntPtr t, long dim, [MarshalAs(UnmanagedType.U1)] bool has_dim,
        [MarshalAs(UnmanagedType.U1)] bool keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr gt_dim_op(DimOp op, IntPtr t, long dim, sbyte dtype);
    [LibraryImport(Lib)]
    internal static partial int gt_topk(IntPtr t, long k, long dim, [MarshalAs(UnmanagedType.U1)] bool largest,
        [MarshalAs(UnmanagedType.U1)] bool sorted, IntPtr* output);
    [LibraryImport(Lib)]
    internal static partial int gt_sort(IntPtr t, long dim, [MarshalAs(UnmanagedType.U1)] bool descending,
        [MarshalAs(UnmanagedType.U1)] bool stable, IntPtr* output);
    [LibraryImport(Lib)] internal static partial IntPtr gt_argsort(IntPtr t, long dim, [MarshalAs(UnmanagedType.U1)] bool descending);
    [LibraryImport(Lib)] internal static partial IntPtr gt_msort(IntPtr t);
    [LibraryImport(Lib)]
    internal static partial int gt_unique(IntPtr t, [MarshalAs(UnmanagedType.U1)] bool sorted, [MarshalAs(UnmanagedType.U1)] bool return_inverse,
        [MarshalAs(UnmanagedType.U1)] bool return_counts, long dim, [MarshalAs(UnmanagedType.U1)] bool has_dim, IntPtr* output);
    [LibraryImport(Lib)]
    internal static partial int gt_unique_consecutive(IntPtr t, [MarshalAs(UnmanagedType.U1)] bool return_inverse,
        [MarshalAs(UnmanagedType.U1)] bool return_counts, long dim, [MarshalAs(UnmanagedType.U1)] bool has_dim, IntPtr* output);
    [LibraryImport(Lib)] internal static partial IntPtr gt_histc(IntPtr t, long bins, double min, double max);
    [LibraryImport(Lib)] internal static partial IntPtr gt_bincount(IntPtr t, IntPtr weights, long minlength);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_quantile(IntPtr t, IntPtr q, long dim, [MarshalAs(UnmanagedType.U1)] bool has_dim,
        [MarshalAs(UnmanagedType.U1)] bool keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr gt_diff(IntPtr t, long n, long dim);
}

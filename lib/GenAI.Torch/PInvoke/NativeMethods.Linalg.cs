// Linear algebra (native/linalg.cpp).
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal enum ProductOp { mm = 0, bmm = 1, outer = 2, dot = 3, mv = 4, kron = 5, inner = 6, vdot = 7, cross = 8, solve = 9 }
internal enum AddmmOp { addmm = 0, baddbmm = 1, addbmm = 2, addmv = 3, addr = 4 }
internal enum LinalgUnaryOp { inv = 0, det = 1, cholesky = 2, pinv = 3, matrix_exp = 4, trace = 5, svdvals = 6, logdet = 7, eigvals = 8, cholesky_upper = 9 }
internal enum DecomposeOp { eigh = 0, svd = 1, qr = 2, slogdet = 3, eig = 4 }

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr gt_product(ProductOp op, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr gt_addmm_family(AddmmOp op, IntPtr t, IntPtr a, IntPtr b, NativeScalar beta, NativeScalar alpha);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr gt_einsum(string equation, IntPtr* ts, int n);
    [LibraryImport(Lib)] internal static partial IntPtr gt_tensordot(IntPtr a, IntPtr b, long* da, long* db, int n);
    [LibraryImport(Lib)] internal static partial IntPtr gt_linalg_unary(LinalgUnaryOp op, IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_matrix_power(IntPtr t, long n);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gt_norm(int kind, IntPtr t, double ord, [MarshalAs(UnmanagedType.U1)] bool has_ord, string? ord_str,
        long* dims, int ndims, [MarshalAs(UnmanagedType.U1)] bool keepdim);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int gt_decompose(DecomposeOp op, IntPtr t, string? option, [MarshalAs(UnmanagedType.U1)] bool flag, IntPtr* output);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr gt_eigvalsh(IntPtr t, string uplo);
    [LibraryImport(Lib)] internal static partial IntPtr gt_cdist(IntPtr a, IntPtr b, double p);
    [LibraryImport(Lib)] internal static partial IntPtr gt_dist(IntPtr a, IntPtr b, double p);
    [LibraryImport(Lib)] internal static partial IntPtr gt_matrix_rank(IntPtr t, [MarshalAs(UnmanagedType.U1)] bool hermitian);
    [LibraryImport(Lib)] internal static partial IntPtr gt_lstsq_solution(IntPtr a, IntPtr b);
}

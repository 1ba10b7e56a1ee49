// Tensor operations (native/ops_*.cpp).
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr gt_add(IntPtr a, IntPtr b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr gt_add_scalar(IntPtr a, NativeScalar b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr gt_matmul(IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr gt_sum(IntPtr t, sbyte dtype);
}

// Thread-pool settings (native/runtime.cpp).
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int gt_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int gt_get_num_threads();
    [LibraryImport(Lib)] internal static partial int gt_set_num_interop_threads(int n);
    [LibraryImport(Lib)] internal static partial int gt_get_num_interop_threads();
}

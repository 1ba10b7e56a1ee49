// Autograd (native/autograd.cpp).
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial int gt_backward(IntPtr t, IntPtr grad, [MarshalAs(UnmanagedType.U1)] bool retain_graph,
        [MarshalAs(UnmanagedType.U1)] bool create_graph);
    [LibraryImport(Lib)] internal static partial IntPtr gt_grad(IntPtr t, [MarshalAs(UnmanagedType.U1)] out bool has_error);
    [LibraryImport(Lib)] internal static partial int gt_set_grad(IntPtr t, IntPtr grad);
    [LibraryImport(Lib), SuppressGCTransition] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool gt_is_grad_enabled();
    [LibraryImport(Lib), SuppressGCTransition] internal static partial void gt_set_grad_enabled([MarshalAs(UnmanagedType.U1)] bool enabled);
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial int gt_autograd_backward(IntPtr* tensors, int n, IntPtr* grads, int ngrads, int retain_graph,
        [MarshalAs(UnmanagedType.U1)] bool create_graph, IntPtr* inputs, int ninputs);
    [LibraryImport(Lib)]
    internal static partial int gt_autograd_grad(IntPtr* outputs, int n, IntPtr* inputs, int ninputs, IntPtr* grad_outputs,
        int ngrad_outputs, [MarshalAs(UnmanagedType.U1)] bool retain_graph, [MarshalAs(UnmanagedType.U1)] bool create_graph,
        [MarshalAs(UnmanagedType.U1)] bool allow_unused, IntPtr* results);
}

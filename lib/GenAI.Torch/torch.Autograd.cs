using TorchSharp.PInvoke;

namespace TorchSharp;

// Gradient mode guards and torch.autograd (PyTorch docs: "Locally disabling gradient computation", "torch.autograd").
public static partial class torch
{
    /// <summary>Restores the previous grad mode when disposed. Grad mode is per thread in libtorch.</summary>
    private sealed class GradModeGuard : IDisposable
    {
        private readonly bool _previous;
        private bool _disposed;

        public GradModeGuard(bool enabled)
        {
            _previous = NativeMethods.gt_is_grad_enabled();
            NativeMethods.gt_set_grad_enabled(enabled);
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            NativeMethods.gt_set_grad_enabled(_previous);
        }
    }

    /// <summary><c>using (torch.no_grad()) { ... }</c>: no graph is recorded inside.</summary>
    public static IDisposable no_grad() => new GradModeGuard(false);

    /// <summary><c>using (torch.enable_grad()) { ... }</c>: records graphs again (e.g. inside no_grad).</summary>
    public static IDisposable enable_grad(bool enabled = true) => new GradModeGuard(enabled);

    public static IDisposable set_grad_enabled(bool mode = true) => new GradModeGuard(mode);

    public static bool is_grad_enabled() => NativeMethods.gt_is_grad_enabled();

    /// <summary>Handles of a list of tensors, for passing arrays to the shim (callers KeepAlive the list).</summary>
    internal static IntPtr[] Handles(IList<Tensor>? tensors)
    {
        if (tensors is null) return Array.Empty<IntPtr>();
        var result = new IntPtr[tensors.Count];
        for (int k = 0; k < result.Length; k++) result[k] = tensors[k].Handle;
        return result;
    }

    public static partial class autograd
    {
        public static void backward(Tensor tensor, IList<Tensor>? grad_tensors = null, bool? retain_graph = null,
            bool create_graph = false, IList<Tensor>? inputs = null) =>
            backward(new[] { tensor }, grad_tensors, retain_graph, create_graph, inputs);

        public static void backward(Tensor tensor, Tensor grad_tensor, bool? retain_graph = null, bool create_graph = false,
            IList<Tensor>? inputs = null) =>
            backward(new[] { tensor }, new[] { grad_tensor }, retain_graph, create_graph, inputs);

        public static unsafe void backward(IList<Tensor> tensors, IList<Tensor>? grad_tensors = null, bool? retain_graph = null,
            bool create_graph = false, IList<Tensor>? inputs = null)
        {
            var t = Handles(tensors);
            var g = Handles(grad_tensors);
            var i = Handles(inputs);
            int status;
            fixed (IntPtr* pt = t, pg = g, pi = i)
                status = NativeMethods.gt_autograd_backward(pt, t.Length, pg, g.Length,
                    retain_graph is null ? -1 : retain_graph.Value ? 1 : 0, create_graph, pi, i.Length);
            GC.KeepAlive(tensors); GC.KeepAlive(grad_tensors); GC.KeepAlive(inputs);
            Check(status);
        }

        /// <summary>Gradients of outputs with respect to inputs, returned (not accumulated into .grad).
        /// An input the outputs do not depend on gives null when allow_unused is true.</summary>
        public static unsafe IList<Tensor> grad(IList<Tensor> outputs, IList<Tensor> inputs, IList<Tensor>? grad_outputs = null,
            bool retain_graph = false, bool create_graph = false, bool allow_unused = false)
        {
            var o = Handles(outputs);
            var i = Handles(inputs);
            var g = Handles(grad_outputs);
            var results = new IntPtr[i.Length];
            int status;
            fixed (IntPtr* po = o, pi = i, pg = g, pr = results)
                status = NativeMethods.gt_autograd_grad(po, o.Length, pi, i.Length, pg, g.Length,
                    retain_graph || create_graph, create_graph, allow_unused, pr);
            GC.KeepAlive(outputs); GC.KeepAlive(inputs); GC.KeepAlive(grad_outputs);
            Check(status);
            return results.Select(r => r == IntPtr.Zero ? null! : new Tensor(r)).ToList();
        }
    }
}

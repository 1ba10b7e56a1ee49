using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Accumulated gradient (null until a backward pass reaches this leaf).
        /// Each read returns a new Tensor object sharing the gradient's storage.</summary>
        public Tensor? grad
        {
            get
            {
                var r = NativeMethods.gt_grad(Handle, out var failed);
                GC.KeepAlive(this);
                if (failed) CheckForErrors();
                return r == IntPtr.Zero ? null : new Tensor(r);
            }
            set
            {
                var s = NativeMethods.gt_set_grad(Handle, value is null ? IntPtr.Zero : value.Handle);
                GC.KeepAlive(this);
                GC.KeepAlive(value);
                Check(s);
            }
        }

        /// <summary>Backpropagates from this (scalar) tensor, accumulating into the leaves' .grad.</summary>
        public void backward() => backward(null);

        public void backward(IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false,
            IList<Tensor>? inputs = null)
        {
            if (inputs is { Count: > 0 })
            {
                autograd.backward(this, grad_tensors, retain_graph, create_graph, inputs);
                return;
            }
            if (grad_tensors is { Count: > 1 })
                throw new ArgumentException($"backward: one tensor needs one gradient, got {grad_tensors.Count}.");
            var g = grad_tensors is { Count: 1 } ? grad_tensors[0] : null;
            var s = NativeMethods.gt_backward(Handle, g is null ? IntPtr.Zero : g.Handle, retain_graph || create_graph, create_graph);
            GC.KeepAlive(this);
            GC.KeepAlive(g);
            Check(s);
        }

        /// <summary>A tensor sharing this one's data, cut from the autograd graph.</summary>
        public Tensor detach() => Unary(NativeMethods.gt_detach(Handle));

        /// <summary>Cuts this tensor from the graph in place.</summary>
        public Tensor detach_()
        {
            var r = NativeMethods.gt_detach_(Handle);
            GC.KeepAlive(this);
            if (r == IntPtr.Zero) CheckForErrors();
            else NativeMethods.gt_free(r);
            return this;
        }

        /// <summary>Wraps the result of a native call that used only this tensor.</summary>
        internal Tensor Unary(IntPtr result)
        {
            GC.KeepAlive(this);
            return FromHandle(result);
        }
    }
}

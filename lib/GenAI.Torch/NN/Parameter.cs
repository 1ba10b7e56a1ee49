// Parameter: a tensor that a module trains. It shares its data with the tensor
// it is made from (as PyTorch's nn.Parameter does) and requires grad by default.
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp.Modules;

public class Parameter : Tensor
{
    /// <summary>Wraps data (sharing its storage, without its autograd history) as a parameter.</summary>
    public Parameter(Tensor data, bool requires_grad = true) : base(AliasOf(data, requires_grad))
    {
        // A module owns its parameters for its whole life: a dispose scope that happens to be
        // open while the module is built must not free them.
        DetachFromDisposeScope();
    }

    private static IntPtr AliasOf(Tensor data, bool requires_grad)
    {
        ArgumentNullException.ThrowIfNull(data);
        var alias = NativeMethods.gt_detach(data.Handle);
        GC.KeepAlive(data);
        if (alias == IntPtr.Zero) CheckForErrors();
        if (NativeMethods.gt_set_requires_grad(alias, requires_grad) != 0)
        {
            NativeMethods.gt_free(alias);
            CheckForErrors();
        }
        return alias;
    }
}

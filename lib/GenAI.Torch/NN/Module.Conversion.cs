// Moving a module between devices and floating-point types. The tensors keep
// their identity (their data is swapped, as `param.data = ...` does in PyTorch),
// so fields and optimizers that hold a parameter keep working after to().
using TorchSharp.Modules;
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public partial class Module
        {
            /// <summary>
            /// Converts every parameter and buffer (recursively) to the device and/or dtype given.
            /// The dtype applies to floating-point tensors only (integer buffers such as
            /// num_batches_tracked keep theirs), as in PyTorch.
            /// </summary>
            internal protected virtual Module _to(Device? device, ScalarType? dtype, bool non_blocking)
            {
                if (dtype is { } d && !IsFloating(d))
                    throw new ArgumentException($"Module.to() only accepts floating-point dtypes, got {d}", nameof(dtype));
                using var _ = torch.no_grad();
                foreach (var module in modules())
                {
                    foreach (var (_, p) in module._parameters.Items)
                        if (p is not null) Convert(p, device, dtype, non_blocking);
                    foreach (var (_, b) in module._buffers.Items)
                        if (b is not null) Convert(b, device, dtype, non_blocking);
                }
                return this;
            }

            public Module _to(Tensor other, bool non_blocking) => _to(other.device, other.dtype, non_blocking);

            private static void Convert(Tensor t, Device? device, ScalarType? dtype, bool non_blocking)
            {
                var targetType = dtype is { } d && IsFloating(t.dtype) ? d : t.dtype;
                var targetDevice = device ?? t.device;
                if (targetType == t.dtype && SameDevice(targetDevice, t.device)) return;
                using (var moved = t.to(targetType, targetDevice, non_blocking: non_blocking))
                    SetData(t, moved);
                var g = t.grad;
                if (g is not null)
                    using (var movedGrad = g.to(targetType, targetDevice, non_blocking: non_blocking))
                        SetData(g, movedGrad);
            }

            private static void SetData(Tensor target, Tensor data)
            {
                var status = NativeMethods.gt_nn_set_data(target.Handle, data.Handle);
                GC.KeepAlive(target); GC.KeepAlive(data);
                Check(status);
            }

            private static bool SameDevice(Device a, Device b) =>
                a.type == b.type && (a.index == b.index || a.index < 0 || b.index < 0 && a.index == 0);

            private static bool IsFloating(ScalarType t) =>
                t is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;
        }
    }
}

// Conv1d: convolution over one spatial dimension, input (N, C_in, L) -> (N, C_out, L_out).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Conv1d : Convolution
    {
        internal Conv1d(long in_channels, long out_channels, long kernel_size, long stride, long[]? padding, Padding? padding_type,
            long dilation, PaddingModes padding_mode, long groups, bool bias, Device? device, ScalarType? dtype)
            : base(nameof(Conv1d), in_channels, out_channels, new[] { kernel_size }, new[] { stride }, padding, padding_type,
                new[] { dilation }, false, new[] { 0L }, padding_mode, groups, bias, device, dtype) { }

        public override Tensor forward(Tensor input) => base.forward(input);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Conv1d Conv1d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride, new[] { padding }, null, dilation, padding_mode, groups, bias, device, dtype);

            public static Conv1d Conv1d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride, null, padding, dilation, padding_mode, groups, bias, device, dtype);
        }
    }
}

// Conv2d: convolution over two spatial dimensions, input (N, C_in, H, W) -> (N, C_out, H_out, W_out).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Conv2d : Convolution
    {
        internal Conv2d(long in_channels, long out_channels, long[] kernel_size, long[] stride, long[]? padding, Padding? padding_type,
            long[] dilation, PaddingModes padding_mode, long groups, bool bias, Device? device, ScalarType? dtype)
            : base(nameof(Conv2d), in_channels, out_channels, kernel_size, stride, padding, padding_type, dilation, false,
                new long[2], padding_mode, groups, bias, device, dtype) { }

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
            private static long[] Two(long v) => new[] { v, v };
            private static long[] Two((long, long) v) => new[] { v.Item1, v.Item2 };

            public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, Two(kernel_size), Two(stride), Two(padding), null, Two(dilation), padding_mode, groups, bias, device, dtype);

            public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null,
                (long, long)? padding = null, (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1,
                bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, Two(kernel_size), Two(stride ?? (1, 1)), Two(padding ?? (0, 0)), null, Two(dilation ?? (1, 1)),
                    padding_mode, groups, bias, device, dtype);

            public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, Two(kernel_size), Two(stride), null, padding, Two(dilation), padding_mode, groups, bias, device, dtype);

            public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, Padding padding, (long, long)? stride = null,
                (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true,
                Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, Two(kernel_size), Two(stride ?? (1, 1)), null, padding, Two(dilation ?? (1, 1)),
                    padding_mode, groups, bias, device, dtype);
        }
    }
}

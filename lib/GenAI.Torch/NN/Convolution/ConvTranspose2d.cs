// ConvTranspose2d: the gradient of Conv2d used as a layer; with stride 2 it doubles
// the spatial size (the up-sampling half of U-Nets and decoders).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class ConvTranspose2d : ConvolutionTranspose
    {
        internal ConvTranspose2d(long in_channels, long out_channels, long[] kernel_size, long[] stride, long[] padding, long[] output_padding,
            long[] dilation, PaddingModes padding_mode, long groups, bool bias, Device? device, ScalarType? dtype)
            : base(nameof(ConvTranspose2d), in_channels, out_channels, kernel_size, stride, padding, dilation, output_padding, padding_mode,
                groups, bias, device, dtype) { }

        public override Tensor forward(Tensor input, long[] output_size) => base.forward(input, output_size);
    }

    public class ConvTranspose1d : ConvolutionTranspose
    {
        internal ConvTranspose1d(long in_channels, long out_channels, long kernel_size, long stride, long padding, long output_padding,
            long dilation, PaddingModes padding_mode, long groups, bool bias, Device? device, ScalarType? dtype)
            : base(nameof(ConvTranspose1d), in_channels, out_channels, new[] { kernel_size }, new[] { stride }, new[] { padding },
                new[] { dilation }, new[] { output_padding }, padding_mode, groups, bias, device, dtype) { }

        public override Tensor forward(Tensor input, long[] output_size) => base.forward(input, output_size);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static ConvTranspose1d ConvTranspose1d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
                long output_padding = 0, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true,
                Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride, padding, output_padding, dilation, padding_mode, groups, bias, device, dtype);

            public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
                long output_padding = 0, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true,
                Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, Two(kernel_size), Two(stride), Two(padding), Two(output_padding), Two(dilation), padding_mode,
                    groups, bias, device, dtype);

            public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null,
                (long, long)? padding = null, (long, long)? output_padding = null, (long, long)? dilation = null,
                PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, Two(kernel_size), Two(stride ?? (1, 1)), Two(padding ?? (0, 0)), Two(output_padding ?? (0, 0)),
                    Two(dilation ?? (1, 1)), padding_mode, groups, bias, device, dtype);
        }
    }
}

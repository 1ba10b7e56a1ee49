// AvgPool2d: the mean over each kernel window of (N, C, H, W) (stride defaults to the kernel size).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class AvgPool2d : ParameterLessModule<Tensor, Tensor>
    {
        internal AvgPool2d(long[] kernel_size, long[]? stride, long[]? padding, bool ceil_mode, bool count_include_pad, long? divisor_override)
            : base(nameof(AvgPool2d))
        {
            this.kernel_size = NNInterop.Sized(kernel_size, 2, 1, "AvgPool2d kernel_size");
            this.stride = stride is null ? this.kernel_size : NNInterop.Sized(stride, 2, 1, "AvgPool2d stride");
            this.padding = NNInterop.Sized(padding, 2, 0, "AvgPool2d padding");
            this.ceil_mode = ceil_mode;
            this.count_include_pad = count_include_pad;
            this.divisor_override = divisor_override;
        }

        public long[] kernel_size { get; set; }
        public long[] stride { get; set; }
        public long[] padding { get; set; }
        public bool ceil_mode { get; set; }
        public bool count_include_pad { get; set; }
        public long? divisor_override { get; set; }

        public override Tensor forward(Tensor input) =>
            torch.nn.functional.AvgPool(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);
    }

    public class AvgPool1d : ParameterLessModule<Tensor, Tensor>
    {
        internal AvgPool1d(long kernel_size, long? stride, long padding, bool ceil_mode, bool count_include_pad) : base(nameof(AvgPool1d))
        {
            this.kernel_size = kernel_size;
            this.stride = stride;
            this.padding = padding;
            this.ceil_mode = ceil_mode;
            this.count_include_pad = count_include_pad;
        }

        public long kernel_size { get; set; }
        public long? stride { get; set; }
        public long? padding { get; set; }
        public bool ceil_mode { get; set; }
        public bool count_include_pad { get; set; }

        public override Tensor forward(Tensor input) =>
            torch.nn.functional.avg_pool1d(input, kernel_size, stride, padding, ceil_mode, count_include_pad);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static AvgPool1d AvgPool1d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true) =>
                new(kernel_size, stride, padding, ceil_mode, count_include_pad);

            public static AvgPool2d AvgPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                new(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

            public static AvgPool2d AvgPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                new(Two(kernel_size), stride is null ? null : Two(stride.Value), Two(padding ?? (0, 0)), ceil_mode, count_include_pad, divisor_override);

            public static AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long? padding = null, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                new(Two(kernel_size), stride is null ? null : Two(stride.Value), Two(padding ?? 0), ceil_mode, count_include_pad, divisor_override);
        }
    }
}

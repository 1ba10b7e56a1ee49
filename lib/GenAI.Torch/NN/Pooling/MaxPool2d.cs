// MaxPool2d: the maximum over each kernel window of (N, C, H, W) (stride defaults to the kernel size).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class MaxPool2d : ParameterLessModule<Tensor, Tensor>
    {
        internal MaxPool2d(long[] kernel_size, long[]? stride, long[]? padding, long[]? dilation, bool ceil_mode) : base(nameof(MaxPool2d))
        {
            this.kernel_size = NNInterop.Sized(kernel_size, 2, 1, "MaxPool2d kernel_size");
            this.stride = stride is null ? this.kernel_size : NNInterop.Sized(stride, 2, 1, "MaxPool2d stride");
            this.padding = NNInterop.Sized(padding, 2, 0, "MaxPool2d padding");
            this.dilation = NNInterop.Sized(dilation, 2, 1, "MaxPool2d dilation");
            this.ceil_mode = ceil_mode;
        }

        public long[] kernel_size { get; set; }
        public long[] stride { get; set; }
        public long[] padding { get; set; }
        public long[] dilation { get; set; }
        public bool ceil_mode { get; set; }

        public override Tensor forward(Tensor input) =>
            torch.nn.functional.MaxPool(input, kernel_size, stride, padding, dilation, ceil_mode, false).output;

        /// <summary>The pooled values and the flat index (within each H*W plane) of each maximum.</summary>
        public (Tensor, Tensor) forward_with_indices(Tensor input)
        {
            var (o, i) = torch.nn.functional.MaxPool(input, kernel_size, stride, padding, dilation, ceil_mode, true);
            return (o, i!);
        }
    }

    public class MaxPool1d : ParameterLessModule<Tensor, Tensor>
    {
        internal MaxPool1d(long kernel_size, long? stride, long? padding, long? dilation, bool ceil_mode) : base(nameof(MaxPool1d))
        {
            this.kernel_size = kernel_size;
            this.stride = stride;
            this.padding = padding;
            this.dilation = dilation;
            this.ceil_mode = ceil_mode;
        }

        public long kernel_size { get; set; }
        public long? stride { get; set; }
        public long? padding { get; set; }
        public long? dilation { get; set; }
        public bool ceil_mode { get; set; }

        public override Tensor forward(Tensor input) => torch.nn.functional.max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode);

        public (Tensor, Tensor) forward_with_indices(Tensor input) =>
            torch.nn.functional.max_pool1d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static MaxPool1d MaxPool1d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                new(kernel_size, stride, padding, dilation, ceil_mode);

            public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                new(Two(kernel_size), stride is null ? null : Two(stride.Value), Two(padding ?? 0), Two(dilation ?? 1), ceil_mode);

            public static MaxPool2d MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                (long, long)? dilation = null, bool ceil_mode = false) =>
                new(Two(kernel_size), stride is null ? null : Two(stride.Value), Two(padding ?? (0, 0)), Two(dilation ?? (1, 1)), ceil_mode);

            public static MaxPool2d MaxPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false) =>
                new(kernel_size, stride, padding, dilation, ceil_mode);
        }
    }
}

// Adaptive pooling: averages (or takes the maximum) over windows chosen so that the
// output has exactly output_size positions, whatever the input size.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class AdaptiveAvgPool2d : ParameterLessModule<Tensor, Tensor>
    {
        internal AdaptiveAvgPool2d(long[] output_size) : base(nameof(AdaptiveAvgPool2d)) =>
            this.output_size = NNInterop.Sized(output_size, 2, 1, "AdaptiveAvgPool2d output_size");

        public long[] output_size { get; set; }

        public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_avg_pool2d(input, output_size);
    }

    public class AdaptiveAvgPool1d : ParameterLessModule<Tensor, Tensor>
    {
        internal AdaptiveAvgPool1d(long output_size) : base(nameof(AdaptiveAvgPool1d)) => this.output_size = output_size;

        public long output_size { get; set; }

        public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_avg_pool1d(input, output_size);
    }

    public class AdaptiveMaxPool2d : ParameterLessModule<Tensor, Tensor>
    {
        internal AdaptiveMaxPool2d(long[] output_size) : base(nameof(AdaptiveMaxPool2d)) =>
            this.output_size = NNInterop.Sized(output_size, 2, 1, "AdaptiveMaxPool2d output_size");

        public long[] output_size { get; set; }

        public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_max_pool2d(input, output_size);

        public (Tensor, Tensor) forward_with_indices(Tensor input) => torch.nn.functional.adaptive_max_pool2d_with_indices(input, output_size);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static AdaptiveAvgPool1d AdaptiveAvgPool1d(long output_size) => new(output_size);
            public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long[] output_size) => new(output_size);
            public static AdaptiveAvgPool2d AdaptiveAvgPool2d((long, long) output_size) => new(Two(output_size));
            public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new(Two(output_size));
            public static AdaptiveMaxPool2d AdaptiveMaxPool2d(long[] output_size) => new(output_size);
        }
    }
}

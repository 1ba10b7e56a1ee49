// Convolution: the shared state of Conv1d/Conv2d and of the transposed
// convolutions (weights, strides, padding), with PyTorch's initialisation.
// Output size per spatial dimension: floor((n + 2p - d(k - 1) - 1) / s) + 1.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public abstract class Convolution : torch.nn.Module<Tensor, Tensor>
    {
        private long[] _padding;

        internal Convolution(string name, long in_channels, long out_channels, long[] kernel_size, long[] stride, long[]? padding,
            Padding? padding_type, long[] dilation, bool transposed, long[] output_padding, PaddingModes padding_mode, long groups,
            bool bias, Device? device, ScalarType? dtype) : base(name)
        {
            if (groups <= 0) throw new ArgumentException($"{name}: groups must be positive, got {groups}");
            if (in_channels % groups != 0) throw new ArgumentException($"{name}: in_channels ({in_channels}) must be divisible by groups ({groups})");
            if (out_channels % groups != 0) throw new ArgumentException($"{name}: out_channels ({out_channels}) must be divisible by groups ({groups})");
            if (padding_type == Padding.Same && stride.Any(s => s != 1))
                throw new ArgumentException($"{name}: padding 'same' needs stride 1, got [{string.Join(", ", stride)}]");
            this.in_channels = in_channels;
            this.out_channels = out_channels;
            this.kernel_size = kernel_size;
            this.stride = stride;
            _padding = padding ?? new long[kernel_size.Length];
            this.padding_type = padding_type;
            this.dilation = dilation;
            this.transposed = transposed;
            this.output_padding = output_padding;
            this.padding_mode = padding_mode;
            this.groups = groups;

            // Weight layout: (out, in/groups, k...) for a convolution, (in, out/groups, k...) transposed.
            var shape = transposed
                ? new[] { in_channels, out_channels / groups }.Concat(kernel_size).ToArray()
                : new[] { out_channels, in_channels / groups }.Concat(kernel_size).ToArray();
            weight = NNInterop.EmptyParameter(shape, dtype, device);
            if (bias) this.bias = NNInterop.EmptyParameter(new[] { out_channels }, dtype, device);
            reset_parameters();
        }

        public Parameter? bias
        {
            get => _bias;
            set { _bias = value; ConditionallyRegisterParameter(nameof(bias), value); }
        }

        public Parameter weight
        {
            get => _weight!;
            set { ArgumentNullException.ThrowIfNull(value); _weight = value; ConditionallyRegisterParameter(nameof(weight), value); }
        }

        public long in_channels { get; }
        public long out_channels { get; }
        public bool transposed { get; }
        public Padding? padding_type { get; private set; }
        public long[] padding => _padding;
        public PaddingModes padding_mode { get; set; }
        public long groups { get; set; }
        public long[] kernel_size { get; set; }
        public long[] stride { get; set; }
        public long[] dilation { get; set; }
        public long[] output_padding { get; set; }

        public void SetPadding(long[] padding)
        {
            _padding = padding;
            padding_type = null;
        }

        public void SetPadding(Padding padding) => padding_type = padding;

        /// <summary>PyTorch's initialisation: kaiming_uniform_(a = sqrt 5) on the weight, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) on the bias.</summary>
        public void reset_parameters()
        {
            torch.nn.init.kaiming_uniform_(weight, Math.Sqrt(5));
            if (bias is not null)
            {
                var (fanIn, _) = torch.nn.init.CalculateFanInAndFanOut(weight);
                if (fanIn != 0)
                {
                    double bound = 1 / Math.Sqrt(fanIn);
                    torch.nn.init.uniform_(bias, -bound, bound);
                }
            }
        }

        public override Tensor forward(Tensor input)
        {
            int rank = kernel_size.Length;
            if (padding_type is { } pt)
                return torch.nn.functional.ConvolutionPadding(input, weight, bias, stride, pt, dilation, groups);
            if (padding_mode is PaddingModes.Zeros or PaddingModes.Constant || _padding.All(p => p == 0))
                return torch.nn.functional.Convolution(input, weight, bias, stride, _padding, dilation, transposed, output_padding, groups);
            // Reflect/replicate/circular: pad explicitly (last dimension first), then convolve without padding.
            var pad = new long[2 * rank];
            for (int k = 0; k < rank; k++) pad[2 * k] = pad[2 * k + 1] = _padding[rank - 1 - k];
            using var padded = torch.nn.functional.pad(input, pad, padding_mode);
            return torch.nn.functional.Convolution(padded, weight, bias, stride, new long[rank], dilation, transposed, output_padding, groups);
        }

        private Parameter? _weight;
        private Parameter? _bias;
    }

    public abstract class ConvolutionTranspose : Convolution
    {
        internal ConvolutionTranspose(string name, long in_channels, long out_channels, long[] kernel_size, long[] stride, long[] padding,
            long[] dilation, long[] output_padding, PaddingModes padding_mode, long groups, bool bias, Device? device, ScalarType? dtype)
            : base(name, in_channels, out_channels, kernel_size, stride, padding, null, dilation, true, output_padding, padding_mode, groups, bias, device, dtype)
        {
            if (padding_mode != PaddingModes.Zeros)
                throw new ArgumentException($"{name}: only zero padding is supported for transposed convolutions, got {padding_mode}");
        }

        /// <summary>Transposed convolution; out = (n - 1) s - 2 p + d (k - 1) + output_padding + 1.</summary>
        public override Tensor forward(Tensor input) =>
            torch.nn.functional.Convolution(input, weight, bias, stride, padding, dilation, true, output_padding, groups);

        /// <summary>Transposed convolution choosing output_padding so the output has the spatial size asked for.</summary>
        public virtual Tensor forward(Tensor input, long[] output_size)
        {
            int rank = kernel_size.Length;
            var spatial = output_size.Length > rank ? output_size[^rank..] : output_size;
            if (spatial.Length != rank)
                throw new ArgumentException($"{GetName()}: output_size needs {rank} spatial size(s), got [{string.Join(", ", output_size)}]");
            var inShape = input.shape;
            var extra = new long[rank];
            for (int k = 0; k < rank; k++)
            {
                long n = inShape[inShape.Length - rank + k];
                long minimum = (n - 1) * stride[k] - 2 * padding[k] + dilation[k] * (kernel_size[k] - 1) + 1;
                extra[k] = spatial[k] - minimum;
                if (extra[k] < 0 || extra[k] >= Math.Max(stride[k], dilation[k]))
                    throw new ArgumentException($"{GetName()}: output size {spatial[k]} is not reachable for input size {n} " +
                        $"(valid sizes are {minimum} to {minimum + Math.Max(stride[k], dilation[k]) - 1})");
            }
            return torch.nn.functional.Convolution(input, weight, bias, stride, padding, dilation, true, extra, groups);
        }
    }
}

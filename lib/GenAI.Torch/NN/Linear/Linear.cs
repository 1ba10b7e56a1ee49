// Linear: y = x W^T + b, with W of shape (out_features, in_features).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public sealed class Linear : torch.nn.Module<Tensor, Tensor>
    {
        internal Linear(long inputSize, long outputSize, bool hasBias, Device? device, ScalarType? dtype) : base(nameof(Linear))
        {
            if (inputSize < 0 || outputSize < 0)
                throw new ArgumentException($"Linear sizes must not be negative, got in_features={inputSize}, out_features={outputSize}");
            in_features = inputSize;
            out_features = outputSize;
            weight = NNInterop.EmptyParameter(new[] { outputSize, inputSize }, dtype, device);
            if (hasBias) bias = NNInterop.EmptyParameter(new[] { outputSize }, dtype, device);
            reset_parameters();
        }

        internal Linear(Parameter weight, Parameter? bias) : base(nameof(Linear))
        {
            if (weight.dim() != 2) throw new ArgumentException($"Linear weight must be 2-D, got shape {ShapeText(weight.shape)}");
            out_features = weight.shape[0];
            in_features = weight.shape[1];
            this.weight = weight;
            this.bias = bias;
        }

        /// <summary>PyTorch's initialisation: kaiming_uniform_(a = sqrt 5) on W, then U(-1/sqrt(fan_in), 1/sqrt(fan_in)) on b.</summary>
        public void reset_parameters()
        {
            torch.nn.init.kaiming_uniform_(weight, Math.Sqrt(5));
            if (bias is not null)
            {
                var (fanIn, _) = torch.nn.init.CalculateFanInAndFanOut(weight);
                double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
                torch.nn.init.uniform_(bias, -bound, bound);
            }
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

        public long in_features { get; set; }
        public long out_features { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.linear(tensor, weight, bias);

        private Parameter? _weight;
        private Parameter? _bias;
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A fully connected layer: inputSize features in, outputSize features out.</summary>
            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
                new(inputSize, outputSize, hasBias, device, dtype);

            /// <summary>A linear layer around existing parameters.</summary>
            public static Linear Linear(Parameter weight, Parameter? bias = null) => new(weight, bias);
        }
    }
}

// LayerNorm: normalises each sample over its last dimensions (normalized_shape):
// y = (x - mean) / sqrt(var + eps) * gamma + beta, statistics per sample, not per batch.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class LayerNorm : torch.nn.Module<Tensor, Tensor>
    {
        internal LayerNorm(long[] normalized_shape, double eps, bool elementwise_affine, bool bias, Device? device, ScalarType? dtype)
            : base(nameof(LayerNorm))
        {
            if (normalized_shape.Length == 0 || normalized_shape.Any(d => d <= 0))
                throw new ArgumentException($"LayerNorm: normalized_shape must be non-empty and positive, got [{string.Join(", ", normalized_shape)}]");
            this.normalized_shape = normalized_shape;
            this.eps = eps;
            this.elementwise_affine = elementwise_affine;
            if (elementwise_affine)
            {
                weight = NNInterop.EmptyParameter(normalized_shape, dtype, device);
                if (bias) this.bias = NNInterop.EmptyParameter(normalized_shape, dtype, device);
            }
            reset_parameters();
        }

        public Parameter? bias
        {
            get => _bias;
            set { _bias = value; ConditionallyRegisterParameter(nameof(bias), value); }
        }

        public Parameter? weight
        {
            get => _weight;
            set { _weight = value; ConditionallyRegisterParameter(nameof(weight), value); }
        }

        public long[] normalized_shape { get; set; }
        public double eps { get; set; }
        public bool elementwise_affine { get; set; }

        public void reset_parameters()
        {
            if (weight is not null) torch.nn.init.ones_(weight);
            if (bias is not null) torch.nn.init.zeros_(bias);
        }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.layer_norm(tensor, normalized_shape, weight, bias, eps);

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
            public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1E-05, bool elementwise_affine = true, bool bias = true,
                Device? device = null, ScalarType? dtype = null) => new(normalized_shape, eps, elementwise_affine, bias, device, dtype);

            public static LayerNorm LayerNorm(long normalized_shape, double eps = 1E-05, bool elementwise_affine = true, bool bias = true,
                Device? device = null, ScalarType? dtype = null) => new(new[] { normalized_shape }, eps, elementwise_affine, bias, device, dtype);
        }
    }
}

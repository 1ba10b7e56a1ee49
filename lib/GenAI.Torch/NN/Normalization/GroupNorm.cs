// GroupNorm: splits the channels into num_groups groups and normalises each group of
// each sample (independent of the batch size; used in U-Nets and diffusion models).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class GroupNorm : torch.nn.Module<Tensor, Tensor>
    {
        internal GroupNorm(long num_groups, long num_channels, double eps, bool affine, Device? device, ScalarType? dtype) : base(nameof(GroupNorm))
        {
            if (num_groups <= 0 || num_channels % num_groups != 0)
                throw new ArgumentException($"GroupNorm: num_channels ({num_channels}) must be divisible by num_groups ({num_groups})");
            this.num_groups = num_groups;
            this.eps = eps;
            this.affine = affine;
            if (affine)
            {
                weight = NNInterop.EmptyParameter(new[] { num_channels }, dtype, device);
                bias = NNInterop.EmptyParameter(new[] { num_channels }, dtype, device);
                torch.nn.init.ones_(weight);
                torch.nn.init.zeros_(bias);
            }
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

        public long num_groups { get; set; }
        public double eps { get; set; }
        public bool affine { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.group_norm(tensor, num_groups, weight, bias, eps);

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
            public static GroupNorm GroupNorm(long num_groups, long num_channels, double eps = 1E-05, bool affine = true, Device? device = null,
                ScalarType? dtype = null) => new(num_groups, num_channels, eps, affine, device, dtype);
        }
    }
}

// PReLU: leaky ReLU whose negative slope is learned (one per channel or one shared).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class PReLU : torch.nn.Module<Tensor, Tensor>
    {
        internal PReLU(long num_parameters, double init, Device? device, ScalarType? dtype) : base(nameof(PReLU))
        {
            this.num_parameters = num_parameters;
            this.init = init;
            weight = NNInterop.EmptyParameter(new[] { num_parameters }, dtype, device);
            torch.nn.init.constant_(weight, init);
        }

        public Parameter weight
        {
            get => _weight!;
            set { ArgumentNullException.ThrowIfNull(value); _weight = value; ConditionallyRegisterParameter(nameof(weight), value); }
        }

        public long num_parameters { get; }
        public double init { get; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.prelu(tensor, weight);

        private Parameter? _weight;
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static PReLU PReLU(long num_parameters, double init = 0.25, Device? device = null, ScalarType? dtype = null) =>
                new(num_parameters, init, device, dtype);
        }
    }
}

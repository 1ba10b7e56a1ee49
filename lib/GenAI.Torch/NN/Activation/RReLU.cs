// RReLU: Leaky ReLU with a random slope in [lower, upper] while training, their mean in eval.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class RReLU : ParameterLessModule<Tensor, Tensor>
    {
        internal RReLU(double lower, double upper, bool inplace) : base(nameof(RReLU))
        {
            this.lower = lower;
            this.upper = upper;
            this.inplace = inplace;
        }

        public double lower { get; set; }
        public double upper { get; set; }
        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.Activation(tensor, ActivationKind.RReLU, lower, upper, inplace, training);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static RReLU RReLU(double lower = 0.125, double upper = 0.3333333333333333, bool inplace = false) => new(lower, upper, inplace);
        }
    }
}

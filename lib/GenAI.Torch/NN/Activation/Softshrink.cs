// Softshrink: x - lambda above lambda, x + lambda below -lambda, 0 between.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Softshrink : ParameterLessModule<Tensor, Tensor>
    {
        internal Softshrink(double lambda) : base(nameof(Softshrink))
        {
            this.lambda = lambda;
        }

        public double lambda { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.softshrink(tensor, lambda);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Softshrink Softshrink(double lambda = 0.5) => new(lambda);
        }
    }
}

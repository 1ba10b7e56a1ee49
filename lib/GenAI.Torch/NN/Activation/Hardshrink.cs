// Hardshrink: x where |x| > lambda, 0 elsewhere.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Hardshrink : ParameterLessModule<Tensor, Tensor>
    {
        internal Hardshrink(double lambda) : base(nameof(Hardshrink))
        {
            this.lambda = lambda;
        }

        public double lambda { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.hardshrink(tensor, lambda);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Hardshrink Hardshrink(double lambda = 0.5) => new(lambda);
        }
    }
}

// Softplus: log(1 + exp(beta * x)) / beta, linear above threshold.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Softplus : ParameterLessModule<Tensor, Tensor>
    {
        internal Softplus(double beta, double threshold) : base(nameof(Softplus))
        {
            this.beta = beta;
            this.threshold = threshold;
        }

        public double beta { get; set; }
        public double threshold { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.softplus(tensor, beta, threshold);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Softplus Softplus(double beta = 1, double threshold = 20) => new(beta, threshold);
        }
    }
}

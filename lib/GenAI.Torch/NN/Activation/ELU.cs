// ELU: x for x > 0, alpha * (exp(x) - 1) otherwise.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class ELU : ParameterLessModule<Tensor, Tensor>
    {
        internal ELU(double alpha, bool inplace) : base(nameof(ELU))
        {
            this.alpha = alpha;
            this.inplace = inplace;
        }

        public double alpha { get; set; }
        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.elu(tensor, alpha, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static ELU ELU(double alpha = 1, bool inplace = false) => new(alpha, inplace);
        }
    }
}

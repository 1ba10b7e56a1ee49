// CELU: max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class CELU : ParameterLessModule<Tensor, Tensor>
    {
        internal CELU(double alpha, bool inplace) : base(nameof(CELU))
        {
            this.alpha = alpha;
            this.inplace = inplace;
        }

        public double alpha { get; set; }
        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.celu(tensor, alpha, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static CELU CELU(double alpha = 1, bool inplace = false) => new(alpha, inplace);
        }
    }
}

// SiLU: x * sigmoid(x) (also called swish).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class SiLU : ParameterLessModule<Tensor, Tensor>
    {
        internal SiLU(bool inplace) : base(nameof(SiLU))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.silu(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static SiLU SiLU() => new(false);
            public static SiLU SiLU(bool inplace) => new(inplace);
        }
    }
}

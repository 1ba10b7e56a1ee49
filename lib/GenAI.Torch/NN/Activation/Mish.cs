// Mish: x * tanh(softplus(x)).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Mish : ParameterLessModule<Tensor, Tensor>
    {
        internal Mish(bool inplace) : base(nameof(Mish))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.mish(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Mish Mish() => new(false);
            public static Mish Mish(bool inplace) => new(inplace);
        }
    }
}

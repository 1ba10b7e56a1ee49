// Tanh: The hyperbolic tangent.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Tanh : ParameterLessModule<Tensor, Tensor>
    {
        internal Tanh(bool inplace) : base(nameof(Tanh))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.tanh(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Tanh Tanh() => new(false);
            public static Tanh Tanh(bool inplace = false) => new(inplace);
        }
    }
}

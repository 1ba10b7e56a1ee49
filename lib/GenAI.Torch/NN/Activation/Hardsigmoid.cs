// Hardsigmoid: A piecewise-linear sigmoid: relu6(x + 3) / 6.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Hardsigmoid : ParameterLessModule<Tensor, Tensor>
    {
        internal Hardsigmoid(bool inplace) : base(nameof(Hardsigmoid))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.hardsigmoid(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Hardsigmoid Hardsigmoid(bool inplace = false) => new(inplace);
        }
    }
}

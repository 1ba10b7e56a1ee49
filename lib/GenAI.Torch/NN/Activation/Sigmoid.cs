// Sigmoid: 1 / (1 + exp(-x)).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Sigmoid : ParameterLessModule<Tensor, Tensor>
    {
        internal Sigmoid(bool inplace) : base(nameof(Sigmoid))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.sigmoid(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Sigmoid Sigmoid() => new(false);
            public static Sigmoid Sigmoid(bool inplace) => new(inplace);
        }
    }
}

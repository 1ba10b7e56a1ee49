// ReLU: max(0, x), element by element.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class ReLU : ParameterLessModule<Tensor, Tensor>
    {
        internal ReLU(bool inplace) : base(nameof(ReLU))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.relu(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static ReLU ReLU(bool inplace = false) => new(inplace);
        }
    }
}

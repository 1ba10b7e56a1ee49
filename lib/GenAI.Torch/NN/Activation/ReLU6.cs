// ReLU6: min(max(0, x), 6).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class ReLU6 : ParameterLessModule<Tensor, Tensor>
    {
        internal ReLU6(bool inplace) : base(nameof(ReLU6))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.relu6(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static ReLU6 ReLU6(bool inplace = false) => new(inplace);
        }
    }
}

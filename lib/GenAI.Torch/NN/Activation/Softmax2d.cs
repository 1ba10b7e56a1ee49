// Softmax2d: Softmax over the channels of each position of a (N, C, H, W) or (C, H, W) input.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Softmax2d : ParameterLessModule<Tensor, Tensor>
    {
        internal Softmax2d() : base(nameof(Softmax2d))
        {
        }


        public override Tensor forward(Tensor tensor) => torch.nn.functional.softmax2d(tensor);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Softmax2d Softmax2d() => new();
        }
    }
}

// L1Loss: Mean absolute error |x - y|.
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharp.Modules
{
    public class L1Loss : Loss<Tensor, Tensor, Tensor>
    {
        public L1Loss(Reduction reduction = Reduction.Mean) : base(reduction)
        {
        }

        public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.l1_loss(input, target, reduction);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static L1Loss L1Loss(Reduction reduction = Reduction.Mean) => new(reduction);
        }
    }
}

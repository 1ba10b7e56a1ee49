// MSELoss: Mean squared error (x - y)^2.
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharp.Modules
{
    public class MSELoss : Loss<Tensor, Tensor, Tensor>
    {
        public MSELoss(Reduction reduction = Reduction.Mean) : base(reduction)
        {
        }

        public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.mse_loss(input, target, reduction);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);
        }
    }
}

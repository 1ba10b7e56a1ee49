// HuberLoss: Squared error below delta, linear above (robust to outliers).
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharp.Modules
{
    public class HuberLoss : Loss<Tensor, Tensor, Tensor>
    {
        public HuberLoss(double delta = 1, Reduction reduction = Reduction.Mean) : base(reduction)
        {
            this.delta = delta;
        }

        public double delta { get; }

        public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.huber_loss(input, target, delta, reduction);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static HuberLoss HuberLoss(double delta = 1, Reduction reduction = Reduction.Mean) => new(delta, reduction);
        }
    }
}

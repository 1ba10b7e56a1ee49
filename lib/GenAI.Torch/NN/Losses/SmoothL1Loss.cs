// SmoothL1Loss: Huber loss divided by beta.
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharp.Modules
{
    public class SmoothL1Loss : Loss<Tensor, Tensor, Tensor>
    {
        public SmoothL1Loss(Reduction reduction = Reduction.Mean, double beta = 1) : base(reduction)
        {
            this.beta = beta;
        }

        public double beta { get; }

        public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.smooth_l1_loss(input, target, reduction, beta);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static SmoothL1Loss SmoothL1Loss(Reduction reduction = Reduction.Mean, double beta = 1) => new(reduction, beta);
        }
    }
}

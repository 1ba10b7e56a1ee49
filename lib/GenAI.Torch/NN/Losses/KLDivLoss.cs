// KLDivLoss: KL divergence between target and input distributions (input as log-probabilities).
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharp.Modules
{
    public class KLDivLoss : Loss<Tensor, Tensor, Tensor>
    {
        public KLDivLoss(bool log_target = true, Reduction reduction = Reduction.Mean) : base(reduction)
        {
            this.log_target = log_target;
        }

        public bool log_target { get; }

        public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.kl_div(input, target, log_target, reduction);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static KLDivLoss KLDivLoss(bool log_target = true, Reduction reduction = Reduction.Mean) => new(log_target, reduction);
        }
    }
}

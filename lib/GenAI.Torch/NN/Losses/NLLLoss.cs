// NLLLoss: Negative log-likelihood of log-probabilities at the target classes.
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharp.Modules
{
    public class NLLLoss : WeightedLoss<Tensor, Tensor, Tensor>
    {
        public NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) : base(weight, reduction)
        {
        }

        public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.nll_loss(input, target, weight, reduction);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);
        }
    }
}

// BCELoss: Binary cross entropy of probabilities.
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharp.Modules
{
    public class BCELoss : WeightedLoss<Tensor, Tensor, Tensor>
    {
        public BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) : base(weight, reduction)
        {
        }

        public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.binary_cross_entropy(input, target, weight, reduction);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static BCELoss BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);
        }
    }
}

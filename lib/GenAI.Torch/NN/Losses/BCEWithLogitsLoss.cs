// BCEWithLogitsLoss: Binary cross entropy of logits (sigmoid folded in); pos_weights weighs the positive class.
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharp.Modules
{
    public class BCEWithLogitsLoss : WeightedLoss<Tensor, Tensor, Tensor>
    {
        public BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) : base(weight, reduction)
        {
            this.pos_weights = pos_weights;
        }

        public Tensor? pos_weights { get; }

        public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) => new(weight, reduction, pos_weights);
        }
    }
}

// CrossEntropyLoss: Cross entropy of logits against class indices or probabilities, with optional class weights, ignore_index and label smoothing.
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharp.Modules
{
    public class CrossEntropyLoss : WeightedLoss<Tensor, Tensor, Tensor>
    {
        public CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean, double label_smoothing = 0) : base(weight, reduction)
        {
            this.ignore_index = ignore_index;
            this.label_smoothing = label_smoothing;
        }

        public long? ignore_index { get; }
        public double label_smoothing { get; }

        public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.cross_entropy(input, target, weight, ignore_index ?? -100, reduction, label_smoothing);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean) => new(weight, ignore_index, reduction);
        }
    }
}

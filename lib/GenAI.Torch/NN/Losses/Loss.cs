// Base classes of the loss modules: a loss is a module of (input, target[, ...])
// with a reduction (none, mean, sum); a weighted loss also holds per-class weights.
using static TorchSharp.torch;

namespace TorchSharp
{
    public abstract class Loss<T1, T2, TResult> : torch.nn.Module<T1, T2, TResult>
    {
        protected Loss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(nameof(Loss<T1, T2, TResult>)) => this.reduction = reduction;
        public torch.nn.Reduction reduction { get; }
    }

    public abstract class Loss<T1, T2, T3, TResult> : torch.nn.Module<T1, T2, T3, TResult>
    {
        protected Loss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(nameof(Loss<T1, T2, T3, TResult>)) => this.reduction = reduction;
        public torch.nn.Reduction reduction { get; }
    }

    public abstract class WeightedLoss<T1, T2, TResult> : Loss<T1, T2, TResult>
    {
        protected WeightedLoss(Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) => this.weight = weight;
        public Tensor? weight { get; }
    }

    public abstract class WeightedLoss<T1, T2, T3, TResult> : Loss<T1, T2, T3, TResult>
    {
        protected WeightedLoss(Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) => this.weight = weight;
        public Tensor? weight { get; }
    }
}

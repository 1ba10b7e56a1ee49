// torch.nn.functional losses: each is libtorch's own loss op (native/nn_losses.cpp),
// so reductions, class weights, ignore_index and label smoothing match PyTorch.
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>Kind codes of gt_nn_loss; keep in sync with native/nn_losses.cpp.</summary>
internal enum LossKind { CrossEntropy = 0, NLL = 1, MSE = 2, L1 = 3, Huber = 4, SmoothL1 = 5, BCE = 6, BCEWithLogits = 7, KLDiv = 8 }

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            internal static Tensor Loss(LossKind kind, Tensor input, Tensor target, Tensor? weight, Tensor? pos_weight,
                Reduction reduction, long ignore_index = -100, double a = 0, bool flag = false)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(target);
                var r = NativeMethods.gt_nn_loss((int)kind, input.Handle, target.Handle, NNInterop.H(weight), NNInterop.H(pos_weight),
                    NNInterop.ReductionCode(reduction), ignore_index, a, flag);
                GC.KeepAlive(input); GC.KeepAlive(target); GC.KeepAlive(weight); GC.KeepAlive(pos_weight);
                return NNInterop.Wrap(r);
            }

            /// <summary>
            /// Cross entropy of logits (N, C, ...) against class indices (N, ...) or class
            /// probabilities (N, C, ...). label_smoothing mixes the target with the uniform
            /// distribution; targets equal to ignore_index add nothing and are not counted.
            /// </summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0)
            {
                if (label_smoothing < 0 || label_smoothing > 1)
                    throw new ArgumentOutOfRangeException(nameof(label_smoothing), label_smoothing, "label_smoothing must be between 0 and 1");
                return Loss(LossKind.CrossEntropy, input, target, weight, null, reduction, ignore_index, label_smoothing);
            }

            /// <summary>Negative log-likelihood of log-probabilities (N, C, ...) at the target classes.</summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean) =>
                Loss(LossKind.NLL, input, target, weight, null, reduction);

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Loss(LossKind.MSE, input, target, null, null, reduction);

            public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Loss(LossKind.L1, input, target, null, null, reduction);

            /// <summary>Quadratic for |x - y| below delta, linear (slope delta) above.</summary>
            public static Tensor huber_loss(Tensor input, Tensor target, double delta = 1, Reduction reduction = Reduction.Mean) =>
                Loss(LossKind.Huber, input, target, null, null, reduction, a: delta);

            /// <summary>Huber loss divided by beta: quadratic below beta, |x - y| - beta/2 above.</summary>
            public static Tensor smooth_l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1) =>
                Loss(LossKind.SmoothL1, input, target, null, null, reduction, a: beta);

            /// <summary>Binary cross entropy of probabilities in [0, 1].</summary>
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean) =>
                Loss(LossKind.BCE, input, target, weight, null, reduction);

            /// <summary>Binary cross entropy of logits (sigmoid and log folded together, numerically stable).</summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null,
                Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) =>
                Loss(LossKind.BCEWithLogits, input, target, weight, pos_weights, reduction);

            /// <summary>KL divergence; input holds log-probabilities, target probabilities (or log-probabilities with log_target).</summary>
            public static Tensor kl_div(Tensor input, Tensor target, bool log_target = true, Reduction reduction = Reduction.Mean) =>
                Loss(LossKind.KLDiv, input, target, null, null, reduction, flag: log_target);
        }
    }
}

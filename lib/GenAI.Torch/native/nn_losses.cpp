// Native entry point for the losses of torch.nn.functional. Each case calls the
// libtorch op that PyTorch's functional form reaches, so reductions, weights,
// ignore_index and label smoothing behave exactly as in PyTorch.
// reduction: 0 none, 1 mean, 2 sum (at::Reduction's values).
#include "common.h"

// Kind codes (kept in sync with NN/Losses/LossKind.cs):
enum GtLoss : int {
    CROSS_ENTROPY = 0, NLL = 1, MSE = 2, L1 = 3, HUBER = 4, SMOOTH_L1 = 5, BCE = 6, BCE_WITH_LOGITS = 7,
    KL_DIV = 8
};

// weight: per-class (cross entropy, nll) or per-element (bce) weights, may be null.
// pos_weight: bce_with_logits only. a: label_smoothing / delta / beta; flag: log_target for kl_div.
GT_API TensorHandle gt_nn_loss(int kind, TensorHandle input, TensorHandle target, TensorHandle weight, TensorHandle pos_weight, int64_t reduction,
                         int64_t ignore_index, double a, bool flag) {
    GT_RETURN_TENSOR(([&]() -> at::Tensor {
        const at::Tensor& x = *input;
        const at::Tensor& y = *target;
        switch (kind) {
            case CROSS_ENTROPY: return at::cross_entropy_loss(x, y, gt::opt(weight), reduction, ignore_index, a);
            case NLL: return at::nll_loss_nd(x, y, gt::opt(weight), reduction, ignore_index);
            case MSE: return at::mse_loss(x, y, reduction);
            case L1: return at::l1_loss(x, y, reduction);
            case HUBER: return at::huber_loss(x, y, reduction, a);
            case SMOOTH_L1: return at::smooth_l1_loss(x, y, reduction, a);
            case BCE: {
                // PyTorch's functional form checks the sizes before the kernel does; say both shapes.
                TORCH_CHECK(x.sizes() == y.sizes(), "binary_cross_entropy: target shape ", y.sizes(),
                            " must equal input shape ", x.sizes());
                return at::binary_cross_entropy(x, y, gt::opt(weight), reduction);
            }
            case BCE_WITH_LOGITS: {
                TORCH_CHECK(x.sizes() == y.sizes(), "binary_cross_entropy_with_logits: target shape ", y.sizes(),
                            " must equal input shape ", x.sizes());
                return at::binary_cross_entropy_with_logits(x, y, gt::opt(weight), gt::opt(pos_weight), reduction);
            }
            case KL_DIV: return at::kl_div(x, y, reduction, flag);
        }
        throw std::invalid_argument("unknown loss kind " + std::to_string(kind));
    })());
}

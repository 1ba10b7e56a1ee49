// Native entry point for the activation functions of torch.nn.functional.
// One function with a kind code keeps the native surface small; each case calls
// the libtorch op that PyTorch's functional form calls.
#include "common.h"

// Kind codes (kept in sync with NN/Activation/ActivationKind.cs):
enum GtActivation : int {
    RELU = 0, LEAKY_RELU = 1, GELU = 2, GELU_TANH = 3, SILU = 4, SIGMOID = 5, TANH = 6, ELU = 7,
    SOFTPLUS = 8, MISH = 9, RELU6 = 10, HARDTANH = 11, SELU = 12, CELU = 13, LOGSIGMOID = 14,
    HARDSWISH = 15, HARDSIGMOID = 16, SOFTSIGN = 17, TANHSHRINK = 18, HARDSHRINK = 19, SOFTSHRINK = 20,
    THRESHOLD = 21, GLU = 22, SOFTMAX = 23, LOG_SOFTMAX = 24, SOFTMIN = 25, RRELU = 26
};

// a and b are the kind's parameters (slope, alpha, beta/threshold, min/max, dim...).
// training only matters for RReLU. inplace runs the in-place variant where PyTorch has one.
GT_API TensorHandle gt_nn_activation(TensorHandle input, int kind, double a, double b, bool inplace, bool training) {
    GT_RETURN_TENSOR(([&]() -> at::Tensor {
        at::Tensor& x = *input;
        switch (kind) {
            case RELU: return inplace ? at::relu_(x) : at::relu(x);
            case LEAKY_RELU: return inplace ? at::leaky_relu_(x, a) : at::leaky_relu(x, a);
            case GELU: return at::gelu(x, "none");
            case GELU_TANH: return at::gelu(x, "tanh");
            case SILU: return inplace ? at::silu_(x) : at::silu(x);
            case SIGMOID: return inplace ? at::sigmoid_(x) : at::sigmoid(x);
            case TANH: return inplace ? at::tanh_(x) : at::tanh(x);
            case ELU: return inplace ? at::elu_(x, a) : at::elu(x, a);
            case SOFTPLUS: return at::softplus(x, a, b);
            case MISH: return inplace ? at::mish_(x) : at::mish(x);
            case RELU6: return inplace ? at::hardtanh_(x, 0.0, 6.0) : at::hardtanh(x, 0.0, 6.0);
            case HARDTANH: return inplace ? at::hardtanh_(x, a, b) : at::hardtanh(x, a, b);
            case SELU: return inplace ? at::selu_(x) : at::selu(x);
            case CELU: return inplace ? at::celu_(x, a) : at::celu(x, a);
            case LOGSIGMOID: return at::log_sigmoid(x);
            case HARDSWISH: return inplace ? at::hardswish_(x) : at::hardswish(x);
            case HARDSIGMOID: return inplace ? at::hardsigmoid_(x) : at::hardsigmoid(x);
            case SOFTSIGN: return x / (x.abs() + 1);
            case TANHSHRINK: return x - x.tanh();
            case HARDSHRINK: return at::hardshrink(x, a);
            case SOFTSHRINK: return at::softshrink(x, a);
            case THRESHOLD: return inplace ? at::threshold_(x, a, b) : at::threshold(x, a, b);
            case GLU: return at::glu(x, (int64_t)a);
            case SOFTMAX: return at::softmax(x, (int64_t)a);
            case LOG_SOFTMAX: return at::log_softmax(x, (int64_t)a);
            case SOFTMIN: return at::softmax(-x, (int64_t)a);
            case RRELU: return inplace ? at::rrelu_(x, a, b, training) : at::rrelu(x, a, b, training);
        }
        throw std::invalid_argument("unknown activation kind " + std::to_string(kind));
    })());
}

GT_API TensorHandle gt_nn_prelu(TensorHandle input, TensorHandle weight) { GT_RETURN_TENSOR(at::prelu(*input, *weight)); }

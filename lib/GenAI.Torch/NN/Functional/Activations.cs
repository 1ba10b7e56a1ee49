// torch.nn.functional activations. Every one is a single libtorch op reached
// through gt_nn_activation (native/nn_activations.cpp) with a kind code.
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>Kind codes of gt_nn_activation; keep in sync with native/nn_activations.cpp.</summary>
internal enum ActivationKind
{
    ReLU = 0, LeakyReLU = 1, GELU = 2, GELUTanh = 3, SiLU = 4, Sigmoid = 5, Tanh = 6, ELU = 7,
    Softplus = 8, Mish = 9, ReLU6 = 10, Hardtanh = 11, SELU = 12, CELU = 13, LogSigmoid = 14,
    Hardswish = 15, Hardsigmoid = 16, Softsign = 17, Tanhshrink = 18, Hardshrink = 19, Softshrink = 20,
    Threshold = 21, GLU = 22, Softmax = 23, LogSoftmax = 24, Softmin = 25, RReLU = 26,
}

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            internal static Tensor Activation(Tensor x, ActivationKind kind, double a = 0, double b = 0, bool inplace = false, bool training = false)
            {
                ArgumentNullException.ThrowIfNull(x);
                var r = NativeMethods.gt_nn_activation(x.Handle, (int)kind, a, b, inplace, training);
                GC.KeepAlive(x);
                return NNInterop.Wrap(r);
            }

            public static Tensor relu(Tensor x, bool inplace = false) => Activation(x, ActivationKind.ReLU, inplace: inplace);
            public static Tensor relu6(Tensor x, bool inplace = false) => Activation(x, ActivationKind.ReLU6, inplace: inplace);
            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01, bool inplace = false) =>
                Activation(input, ActivationKind.LeakyReLU, negative_slope, inplace: inplace);
            public static Tensor rrelu(Tensor x, double lower = 0.125, double upper = 0.3333333333333333, bool inplace = false) =>
                Activation(x, ActivationKind.RReLU, lower, upper, inplace, training: false);
            public static Tensor gelu(Tensor x) => Activation(x, ActivationKind.GELU);
            public static Tensor gelu(Tensor x, bool inplace) => Activation(x, ActivationKind.GELU);
            public static Tensor gelu(Tensor x, TorchSharp.Modules.GELU.Approximate approximate, bool inplace = false) =>
                Activation(x, approximate == TorchSharp.Modules.GELU.Approximate.tanh ? ActivationKind.GELUTanh : ActivationKind.GELU);
            public static Tensor silu(Tensor x, bool inplace = false) => Activation(x, ActivationKind.SiLU, inplace: inplace);
            public static Tensor SiLU(Tensor x, bool inplace = false) => silu(x, inplace);
            public static Tensor sigmoid(Tensor x) => Activation(x, ActivationKind.Sigmoid);
            public static Tensor sigmoid(Tensor x, bool inplace) => Activation(x, ActivationKind.Sigmoid, inplace: inplace);
            public static Tensor tanh(Tensor x, bool inplace = false) => Activation(x, ActivationKind.Tanh, inplace: inplace);
            public static Tensor elu(Tensor x, double alpha, bool inplace = false) => Activation(x, ActivationKind.ELU, alpha, inplace: inplace);
            public static Tensor celu(Tensor x, double alpha, bool inplace = false) => Activation(x, ActivationKind.CELU, alpha, inplace: inplace);
            public static Tensor selu(Tensor x, bool inplace = false) => Activation(x, ActivationKind.SELU, inplace: inplace);
            public static Tensor softplus(Tensor x, double beta = 1, double threshold = 20) => Activation(x, ActivationKind.Softplus, beta, threshold);
            public static Tensor mish(Tensor x, bool inplace = false) => Activation(x, ActivationKind.Mish, inplace: inplace);
            public static Tensor Mish(Tensor x) => mish(x);
            public static Tensor hardtanh(Tensor x, double min_val = -1, double max_val = 1, bool inplace = false) =>
                Activation(x, ActivationKind.Hardtanh, min_val, max_val, inplace);
            public static Tensor Hardtanh(Tensor x, double min_val = -1, double max_val = 1, bool inplace = false) => hardtanh(x, min_val, max_val, inplace);
            public static Tensor hardswish(Tensor input, bool inplace = false) => Activation(input, ActivationKind.Hardswish, inplace: inplace);
            public static Tensor hardsigmoid(Tensor input, bool inplace = false) => Activation(input, ActivationKind.Hardsigmoid, inplace: inplace);
            public static Tensor logsigmoid(Tensor x) => Activation(x, ActivationKind.LogSigmoid);
            public static Tensor softsign(Tensor x, bool inplace = false) => Activation(x, ActivationKind.Softsign);
            public static Tensor Softsign(Tensor x) => softsign(x);
            public static Tensor tanhshrink(Tensor x, bool inplace = false) => Activation(x, ActivationKind.Tanhshrink);
            public static Tensor Tanhshrink(Tensor x) => tanhshrink(x);
            public static Tensor hardshrink(Tensor x, double lambda = 0.5) => Activation(x, ActivationKind.Hardshrink, lambda);
            public static Tensor Hardshrink(Tensor x, double lambda = 0.5) => hardshrink(x, lambda);
            public static Tensor softshrink(Tensor x, double lambda = 0.5) => Activation(x, ActivationKind.Softshrink, lambda);
            public static Tensor Softshrink(Tensor x, double lambda = 0.5) => softshrink(x, lambda);
            public static Tensor threshold(Tensor x, double threshold, double value, bool inplace = false) =>
                Activation(x, ActivationKind.Threshold, threshold, value, inplace);
            public static Tensor Threshold(Tensor x, double threshold, double value, bool inplace = false) =>
                Activation(x, ActivationKind.Threshold, threshold, value, inplace);
            public static Tensor glu(Tensor input, long dim = -1) => Activation(input, ActivationKind.GLU, dim);
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null)
            {
                if (dtype is null) return Activation(input, ActivationKind.Softmax, dim);
                using var converted = input.to(dtype.Value);
                return Activation(converted, ActivationKind.Softmax, dim);
            }
            public static Tensor log_softmax(Tensor x, long dim) => Activation(x, ActivationKind.LogSoftmax, dim);
            public static Tensor softmin(Tensor x, long dim) => Activation(x, ActivationKind.Softmin, dim);
            public static Tensor softmax2d(Tensor x)
            {
                if (x.dim() != 3 && x.dim() != 4)
                    throw new ArgumentException($"softmax2d expects a 3-D or 4-D input, got shape {Module.ShapeText(x.shape)}");
                return Activation(x, ActivationKind.Softmax, -3);
            }
            public static Tensor prelu(Tensor input, Tensor weight)
            {
                var r = NativeMethods.gt_nn_prelu(input.Handle, weight.Handle);
                GC.KeepAlive(input); GC.KeepAlive(weight);
                return NNInterop.Wrap(r);
            }
        }
    }
}

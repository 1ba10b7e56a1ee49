// torch.nn.init: the weight initialisers. Each draws from libtorch's generator
// with the same calls, in the same order, as PyTorch's torch.nn.init, so a
// layer made after manual_seed(s) holds PyTorch's numbers.
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static class init
        {
            public enum FanInOut { FanIn, FanOut }

            public enum NonlinearityType { Linear, Conv1D, Conv2D, Conv3D, ConvTranspose1D, ConvTranspose2D, ConvTranspose3D, Sigmoid, Tanh, ReLU, LeakyReLU }

            /// <summary>
            /// The factor that keeps activations' variance stable through a non-linearity:
            /// 1 for linear/conv/sigmoid, 5/3 for tanh, sqrt(2) for ReLU, sqrt(2 / (1 + slope^2)) for leaky ReLU.
            /// </summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double param = 0) => nonlinearity switch
            {
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + param * param)),
                _ => 1.0,
            };

            /// <summary>(fan_in, fan_out): input and output connections per unit, counting the kernel's receptive field.</summary>
            public static (long, long) CalculateFanInAndFanOut(Tensor tensor)
            {
                var shape = tensor.shape;
                if (shape.Length < 2)
                    throw new ArgumentException($"Fan in and fan out cannot be computed for a tensor with fewer than 2 dimensions (shape {Module.ShapeText(shape)})");
                long receptive = 1;
                for (int k = 2; k < shape.Length; k++) receptive *= shape[k];
                return (shape[1] * receptive, shape[0] * receptive);
            }

            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.uniform_(low, high, generator);
            }

            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.normal_(mean, std, generator);
            }

            public static Tensor constant_(Tensor tensor, Scalar val)
            {
                using (no_grad()) return tensor.fill_(val);
            }

            public static Tensor zeros_(Tensor tensor)
            {
                using (no_grad()) return tensor.zero_();
            }

            public static Tensor ones_(Tensor tensor)
            {
                using (no_grad()) return tensor.fill_(1);
            }

            /// <summary>Glorot/Xavier uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                double a = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -a, a);
            }

            /// <summary>Glorot/Xavier normal: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                return normal_(tensor, 0, std);
            }

            public static Tensor glorot_uniform_(Tensor tensor, double gain = 1) => xavier_uniform_(tensor, gain);
            public static Tensor glorot_normal_(Tensor tensor, double gain = 1) => xavier_normal_(tensor, gain);

            private static double KaimingStd(Tensor tensor, double a, FanInOut mode, NonlinearityType nonlinearity)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
                long fan = mode == FanInOut.FanIn ? fanIn : fanOut;
                if (fan == 0) throw new ArgumentException($"Kaiming initialisation of a tensor with zero fan (shape {Module.ShapeText(tensor.shape)})");
                return calculate_gain(nonlinearity, a) / Math.Sqrt(fan);
            }

            /// <summary>He/Kaiming uniform: U(-b, b) with b = gain * sqrt(3 / fan).</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)
            {
                double bound = Math.Sqrt(3.0) * KaimingStd(tensor, a, mode, nonlinearity);
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>He/Kaiming normal: N(0, std^2) with std = gain / sqrt(fan).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU) =>
                normal_(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity));

            /// <summary>
            /// Normal(mean, std) truncated to [a, b], by inverse-CDF sampling as PyTorch does:
            /// uniform in [2 cdf(a) - 1, 2 cdf(b) - 1], then erfinv, scale, shift and clamp.
            /// </summary>
            public static Tensor trunc_normal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2, Generator? generator = null)
            {
                double lower = NormalCdf((a - mean) / std), upper = NormalCdf((b - mean) / std);
                using (no_grad())
                {
                    tensor.uniform_(2 * lower - 1, 2 * upper - 1, generator);
                    tensor.erfinv_();
                    tensor.mul_(std * Math.Sqrt(2.0));
                    tensor.add_(mean);
                    tensor.clamp_(a, b);
                    return tensor;
                }
            }

            // The standard normal CDF of one number, through libtorch's erf in double precision.
            private static double NormalCdf(double x)
            {
                using var t = torch.tensor(x / Math.Sqrt(2.0), ScalarType.Float64);
                using var e = t.erf();
                return (1.0 + e.item<double>()) / 2.0;
            }

            /// <summary>
            /// A (semi-)orthogonal matrix, times gain: the Q of the QR decomposition of a standard
            /// normal (rows, numel/rows) matrix, with Q's column signs fixed by R's diagonal so the
            /// result is uniformly distributed (PyTorch's recipe, same draws).
            /// </summary>
            public static Tensor orthogonal_(Tensor tensor, double gain = 1)
            {
                if (tensor.dim() < 2)
                    throw new ArgumentException($"orthogonal_ needs a tensor with at least 2 dimensions, got shape {Module.ShapeText(tensor.shape)}");
                if (tensor.numel() == 0) return tensor;
                long rows = tensor.shape[0], cols = tensor.numel() / rows;
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var flat = torch.empty(new[] { rows, cols }, tensor.dtype, tensor.device).normal_(0, 1);
                if (rows < cols) flat = flat.t();
                var (q, r) = torch.linalg.qr(flat);
                q = q.mul(r.diag(0).sign());
                if (rows < cols) q = q.t();
                tensor.view_as(q).copy_(q);
                tensor.mul_(gain);
                return tensor;
            }

            /// <summary>Fills a 2-D tensor with the identity (eye_ of PyTorch).</summary>
            public static Tensor eye_(Tensor tensor)
            {
                if (tensor.dim() != 2)
                    throw new ArgumentException($"eye_ needs a 2-D tensor, got shape {Module.ShapeText(tensor.shape)}");
                using (no_grad())
                using (var eye = torch.eye(tensor.shape[0], tensor.shape[1], tensor.dtype, tensor.device))
                    return tensor.copy_(eye);
            }
        }
    }
}

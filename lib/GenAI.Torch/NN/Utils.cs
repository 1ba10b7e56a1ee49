// torch.nn.utils: gradient clipping and flattening parameters into one vector.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static class utils
        {
            /// <summary>
            /// Rescales the gradients in place so that their joint norm (the norm of the vector of
            /// every gradient's norm) is at most max_norm; returns the norm before clipping.
            /// Scale = min(1, max_norm / (total_norm + 1e-6)), as in PyTorch.
            /// </summary>
            public static double clip_grad_norm_(IEnumerable<Parameter> tensors, double max_norm, double norm_type = 2)
            {
                var grads = tensors.Select(p => p.grad).Where(g => g is not null).Select(g => g!).ToList();
                if (grads.Count == 0) return 0;
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var device = grads[0].device;
                Tensor total;
                if (double.IsPositiveInfinity(norm_type))
                {
                    var maxima = grads.Select(g => g.detach().abs().max().to(device)).ToArray();
                    total = maxima.Length == 1 ? maxima[0] : torch.stack(maxima).max();
                }
                else
                {
                    var norms = grads.Select(g => torch.linalg.vector_norm(g.detach(), norm_type).to(device)).ToArray();
                    total = torch.linalg.vector_norm(torch.stack(norms), norm_type);
                }
                var coef = (total + 1e-6).reciprocal().mul(max_norm).clamp_max(1.0);
                foreach (var g in grads) g.mul_(coef.to(g.device));
                return total.item<float>();
            }

            /// <summary>Clamps every gradient element to [-clip_value, clip_value] in place.</summary>
            public static void clip_grad_value_(IEnumerable<Parameter> tensors, double clip_value)
            {
                using var _ = no_grad();
                foreach (var p in tensors)
                    p.grad?.clamp_(-clip_value, clip_value);
            }

            /// <summary>All parameters flattened and concatenated into one vector (a copy).</summary>
            public static Tensor parameters_to_vector(IEnumerable<Parameter> tensors)
            {
                using var scope = NewDisposeScope();
                var flat = tensors.Select(p => p.reshape(-1)).ToArray();
                return torch.cat(flat, 0).MoveToOuterDisposeScope();
            }

            /// <summary>Copies consecutive slices of vec into the parameters (the inverse of parameters_to_vector).</summary>
            public static void vector_to_parameters(Tensor vec, IEnumerable<Parameter> tensors)
            {
                if (vec.dim() != 1) throw new ArgumentException($"vector_to_parameters expects a 1-D vector, got shape {Module.ShapeText(vec.shape)}");
                var list = tensors.ToList();
                long needed = list.Sum(p => p.numel());
                if (needed != vec.shape[0])
                    throw new ArgumentException($"vector_to_parameters: the vector has {vec.shape[0]} elements, the parameters need {needed}");
                using var _ = no_grad();
                using var scope = NewDisposeScope();
                long offset = 0;
                foreach (var p in list)
                {
                    long n = p.numel();
                    p.copy_(vec.narrow(0, offset, n).view_as(p));
                    offset += n;
                }
            }
        }
    }
}

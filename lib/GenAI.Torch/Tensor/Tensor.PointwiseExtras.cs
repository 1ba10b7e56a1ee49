using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        // ---- clamp ----
        public Tensor clamp(Scalar? min = null, Scalar? max = null) =>
            Unary(NativeMethods.gt_clamp(Handle, min?.Value ?? default, min is not null, max?.Value ?? default, max is not null));
        public Tensor clamp_(Scalar? min = null, Scalar? max = null) =>
            InPlace(NativeMethods.gt_clamp_(Handle, min?.Value ?? default, min is not null, max?.Value ?? default, max is not null));
        public Tensor clamp(Tensor? min = null, Tensor? max = null)
        {
            var r = NativeMethods.gt_clamp_t(Handle, min?.Handle ?? IntPtr.Zero, max?.Handle ?? IntPtr.Zero);
            GC.KeepAlive(min); GC.KeepAlive(max);
            return Unary(r);
        }
        public Tensor clamp_(Tensor? min = null, Tensor? max = null)
        {
            var s = NativeMethods.gt_clamp_t_(Handle, min?.Handle ?? IntPtr.Zero, max?.Handle ?? IntPtr.Zero);
            GC.KeepAlive(min); GC.KeepAlive(max);
            return InPlace(s);
        }
        public Tensor clamp_max(Scalar max) => clamp(null, max);
        public Tensor clamp_max_(Scalar max) => clamp_(null, max);
        public Tensor clamp_min(Scalar min) => clamp(min, null);
        public Tensor clamp_min_(Scalar min) => clamp_(min, null);
        public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);

        // ---- interpolation and fused multiply-add ----
        public Tensor lerp(Tensor end, Tensor weight)
        {
            var r = NativeMethods.gt_lerp(Handle, end.Handle, weight.Handle);
            GC.KeepAlive(weight);
            return Binary(r, end);
        }
        public Tensor lerp(Tensor end, Scalar weight) => Binary(NativeMethods.gt_lerp_s(Handle, end.Handle, weight.Value), end);
        public Tensor lerp_(Tensor end, Tensor weight)
        {
            using var result = lerp(end, weight);
            return copy_(result);
        }

        private Tensor AddC(int op, Tensor tensor1, Tensor tensor2, Scalar value)
        {
            var r = NativeMethods.gt_addc(op, Handle, tensor1.Handle, tensor2.Handle, value.Value);
            GC.KeepAlive(tensor2);
            return Binary(r, tensor1);
        }
        private Tensor AddC_(int op, Tensor tensor1, Tensor tensor2, Scalar value)
        {
            var s = NativeMethods.gt_addc_(op, Handle, tensor1.Handle, tensor2.Handle, value.Value);
            GC.KeepAlive(tensor1); GC.KeepAlive(tensor2);
            return InPlace(s);
        }
        public Tensor addcmul(Tensor tensor1, Tensor tensor2, Scalar value) => AddC(0, tensor1, tensor2, value);
        public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar value) => AddC_(0, tensor1, tensor2, value);
        public Tensor addcdiv(Tensor tensor1, Tensor tensor2, Scalar value) => AddC(1, tensor1, tensor2, value);
        public Tensor addcdiv(Tensor tensor1, Tensor tensor2) => AddC(1, tensor1, tensor2, 1);
        public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar value) => AddC_(1, tensor1, tensor2, value);
        public Tensor addcdiv_(Tensor tensor1, Tensor tensor2) => AddC_(1, tensor1, tensor2, 1);

        // ---- activations with parameters ----
        /// <summary>GELU with the exact erf form (PyTorch's default).</summary>
        public Tensor gelu() => Unary(NativeMethods.gt_unary(UnaryOp.gelu, Handle));
        public Tensor gelu_()
        {
            using var result = gelu();
            return copy_(result);
        }
        public Tensor leaky_relu(Scalar negative_slope) => Unary(NativeMethods.gt_leaky_relu(Handle, negative_slope.Value));
        public Tensor hardtanh(Scalar min, Scalar max) => Unary(NativeMethods.gt_hardtanh(Handle, min.Value, max.Value));
        public Tensor softplus(double beta = 1, double threshold = 20) =>
            Unary(NativeMethods.gt_softplus(Handle, NativeScalar.Float(beta), NativeScalar.Float(threshold)));
        public Tensor threshold(Scalar threshold, Scalar value) => Unary(NativeMethods.gt_threshold(Handle, threshold.Value, value.Value));
        /// <summary>ELU: x for x &gt; 0, alpha * (exp(x) - 1) otherwise.</summary>
        public Tensor elu(double alpha = 1)
        {
            if (alpha == 1) return Unary(NativeMethods.gt_unary(UnaryOp.elu, Handle));
            using var negative = expm1().mul_(alpha);
            using var positive = gt(0);
            return where(positive, negative);
        }

        /// <summary>log(p / (1 - p)), with p clamped to [eps, 1 - eps] when eps is given.</summary>
        public Tensor logit(double? eps = null)
        {
            if (!eps.HasValue) return Unary(NativeMethods.gt_unary(UnaryOp.logit, Handle));
            using var clamped = clamp(eps.Value, 1 - eps.Value);
            return clamped.logit();
        }

        public Tensor logit_(double? eps = null)
        {
            using var result = logit(eps);
            return copy_(result);
        }

        public Tensor nan_to_num(double nan = 0, double? posinf = null, double? neginf = null) =>
            Unary(NativeMethods.gt_nan_to_num(Handle, nan, posinf ?? 0, neginf ?? 0, posinf.HasValue, neginf.HasValue));
        public Tensor round(long decimals = 0) =>
            decimals == 0 ? Unary(NativeMethods.gt_unary(UnaryOp.round, Handle)) : Unary(NativeMethods.gt_round_decimals(Handle, decimals));
        public Tensor round_(long decimals = 0)
        {
            if (decimals != 0) return copy_(round(decimals));
            return InPlace(NativeMethods.gt_unary_(UnaryOp.round, Handle));
        }

        // ---- closeness ----
        public Tensor isclose(Tensor other, double rtol = 1e-05, double atol = 1e-08, bool nanEqual = false) =>
            Binary(NativeMethods.gt_isclose(Handle, other.Handle, rtol, atol, nanEqual), other);

        public bool allclose(Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
        {
            var r = NativeMethods.gt_allclose(Handle, target.Handle, rtol, atol, equal_nan);
            GC.KeepAlive(this); GC.KeepAlive(target);
            if (r < 0) Check(r);
            return r == 1;
        }

        /// <summary>A bool scalar tensor: true when both tensors have the same shape and elements.</summary>
        public Tensor equal(Tensor target) => tensor(EqualValues(target));

        internal bool EqualValues(Tensor target)
        {
            var r = NativeMethods.gt_equal(Handle, target.Handle);
            GC.KeepAlive(this); GC.KeepAlive(target);
            if (r < 0) Check(r);
            return r == 1;
        }
    }
}

using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    public enum RoundingMode { None, trunc, floor }

    public partial class Tensor
    {
        /// <summary>Wraps the result of a native call that used this tensor and <paramref name="other"/>.</summary>
        internal Tensor Binary(IntPtr result, Tensor other)
        {
            GC.KeepAlive(this);
            GC.KeepAlive(other);
            return FromHandle(result);
        }

        /// <summary>Finishes an in-place native call on this tensor: throws on failure, returns this.</summary>
        internal Tensor InPlace(int status)
        {
            GC.KeepAlive(this);
            Check(status);
            return this;
        }

        // ---- add / sub with alpha (the hot path of `a + b`: one P/Invoke, one Tensor object) ----
        public Tensor add(Tensor target) => Binary(NativeMethods.gt_add(Handle, target.Handle, NativeScalar.One), target);
        public Tensor add(Tensor target, Scalar alpha) => Binary(NativeMethods.gt_add(Handle, target.Handle, alpha.Value), target);
        public Tensor add(Scalar scalar) => Unary(NativeMethods.gt_add_scalar(Handle, scalar.Value, NativeScalar.One));
        public Tensor add(Scalar scalar, Scalar alpha) => Unary(NativeMethods.gt_add_scalar(Handle, scalar.Value, alpha.Value));
        public Tensor add_(Tensor target) { var s = NativeMethods.gt_add_(Handle, target.Handle, NativeScalar.One); GC.KeepAlive(target); return InPlace(s); }
        public Tensor add_(Tensor target, Scalar alpha) { var s = NativeMethods.gt_add_(Handle, target.Handle, alpha.Value); GC.KeepAlive(target); return InPlace(s); }
        public Tensor add_(Scalar scalar) => InPlace(NativeMethods.gt_add_scalar_(Handle, scalar.Value, NativeScalar.One));
        public Tensor add_(Scalar scalar, Scalar alpha) => InPlace(NativeMethods.gt_add_scalar_(Handle, scalar.Value, alpha.Value));

        // ---- division with rounding mode ----
        public Tensor div(Tensor target, RoundingMode rounding_mode = RoundingMode.None) =>
            Binary(NativeMethods.gt_div_mode(Handle, target.Handle, (int)rounding_mode), target);
        public Tensor div(Scalar target, RoundingMode rounding_mode = RoundingMode.None) =>
            Unary(NativeMethods.gt_div_mode_s(Handle, target.Value, (int)rounding_mode));
        public Tensor div_(Tensor target, RoundingMode rounding_mode = RoundingMode.None)
        {
            var s = NativeMethods.gt_div_mode_(Handle, target.Handle, (int)rounding_mode);
            GC.KeepAlive(target);
            return InPlace(s);
        }
        public Tensor div_(Scalar target, RoundingMode rounding_mode = RoundingMode.None)
        {
            using var t = ScalarTensor(target.Value, dtype, null, false);
            return div_(t, rounding_mode);
        }
        public Tensor divide(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => div(target, rounding_mode);
        public Tensor divide(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => div(target, rounding_mode);
        public Tensor divide_(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => div_(target, rounding_mode);
        public Tensor divide_(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => div_(target, rounding_mode);

        // ---- operators (scalars on either side) ----
        public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
        public static Tensor operator +(Tensor left, Scalar right) => left.add(right);
        public static Tensor operator +(Scalar left, Tensor right) => right.add(left);
        public static Tensor operator +(Tensor left, int right) => left.add(right);
        public static Tensor operator +(Tensor left, long right) => left.add(right);
        public static Tensor operator +(Tensor left, float right) => left.add(right);
        public static Tensor operator +(Tensor left, double right) => left.add(right);
        public static Tensor operator +(int left, Tensor right) => right.add(left);
        public static Tensor operator +(long left, Tensor right) => right.add(left);
        public static Tensor operator +(float left, Tensor right) => right.add(left);
        public static Tensor operator +(double left, Tensor right) => right.add(left);

        public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
        public static Tensor operator -(Tensor left, Scalar right) => left.sub(right);
        public static Tensor operator -(Scalar left, Tensor right) => ScalarLeft(BinaryOp.sub, left, right);
        public static Tensor operator -(Tensor left, int right) => left.sub(right);
        public static Tensor operator -(Tensor left, long right) => left.sub(right);
        public static Tensor operator -(Tensor left, float right) => left.sub(right);
        public static Tensor operator -(Tensor left, double right) => left.sub(right);
        public static Tensor operator -(int left, Tensor right) => ScalarLeft(BinaryOp.sub, left, right);
        public static Tensor operator -(long left, Tensor right) => ScalarLeft(BinaryOp.sub, left, right);
        public static Tensor operator -(float left, Tensor right) => ScalarLeft(BinaryOp.sub, left, right);
        public static Tensor operator -(double left, Tensor right) => ScalarLeft(BinaryOp.sub, left, right);

        public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
        public static Tensor operator *(Tensor left, Scalar right) => left.mul(right);
        public static Tensor operator *(Scalar left, Tensor right) => right.mul(left);
        public static Tensor operator *(Tensor left, int right) => left.mul(right);
        public static Tensor operator *(Tensor left, long right) => left.mul(right);
        public static Tensor operator *(Tensor left, float right) => left.mul(right);
        public static Tensor operator *(Tensor left, double right) => left.mul(right);
        public static Tensor operator *(int left, Tensor right) => right.mul(left);
        public static Tensor operator *(long left, Tensor right) => right.mul(left);
        public static Tensor operator *(float left, Tensor right) => right.mul(left);
        public static Tensor operator *(double left, Tensor right) => right.mul(left);

        public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
        public static Tensor operator /(Tensor left, Scalar right) => left.div(right);
        public static Tensor operator /(Scalar left, Tensor right) => ScalarLeft(BinaryOp.div, left, right);
        public static Tensor operator /(Tensor left, int right) => left.div(right);
        public static Tensor operator /(Tensor left, long right) => left.div(right);
        public static Tensor operator /(Tensor left, float right) => left.div(right);
        public static Tensor operator /(Tensor left, double right) => left.div(right);
        public static Tensor operator /(int left, Tensor right) => ScalarLeft(BinaryOp.div, left, right);
        public static Tensor operator /(long left, Tensor right) => ScalarLeft(BinaryOp.div, left, right);
        public static Tensor operator /(float left, Tensor right) => ScalarLeft(BinaryOp.div, left, right);
        public static Tensor operator /(double left, Tensor right) => ScalarLeft(BinaryOp.div, left, right);

        public static Tensor operator %(Tensor left, Tensor right) => left.remainder(right);
        public static Tensor operator %(Tensor left, Scalar right) => left.remainder(right);
        public static Tensor operator %(Tensor left, int right) => left.remainder(right);
        public static Tensor operator %(Tensor left, long right) => left.remainder(right);
        public static Tensor operator %(Tensor left, float right) => left.remainder(right);
        public static Tensor operator %(Tensor left, double right) => left.remainder(right);

        public static Tensor operator -(Tensor tensor) => tensor.neg();
        public static Tensor operator ~(Tensor tensor) => tensor.bitwise_not();
        public static Tensor operator &(Tensor left, Tensor right) => left.bitwise_and(right);
        public static Tensor operator |(Tensor left, Tensor right) => left.bitwise_or(right);
        public static Tensor operator ^(Tensor left, Tensor right) => left.bitwise_xor(right);

        // Comparisons return bool tensors, as in TorchSharp (so use `is null` to test for null).
        public static Tensor operator ==(Tensor left, Tensor right) => left.eq(right);
        public static Tensor operator ==(Tensor left, Scalar right) => left.eq(right);
        public static Tensor operator ==(Scalar left, Tensor right) => right.eq(left);
        public static Tensor operator !=(Tensor left, Tensor right) => left.ne(right);
        public static Tensor operator !=(Tensor left, Scalar right) => left.ne(right);
        public static Tensor operator !=(Scalar left, Tensor right) => right.ne(left);

        /// <summary>Reference equality (== is elementwise and returns a tensor).</summary>
        public override bool Equals(object? obj) => ReferenceEquals(this, obj);
        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
        public static Tensor operator <(Tensor left, Tensor right) => left.lt(right);
        public static Tensor operator <(Tensor left, Scalar right) => left.lt(right);
        public static Tensor operator <(Scalar left, Tensor right) => right.gt(left);
        public static Tensor operator <=(Tensor left, Tensor right) => left.le(right);
        public static Tensor operator <=(Tensor left, Scalar right) => left.le(right);
        public static Tensor operator <=(Scalar left, Tensor right) => right.ge(left);
        public static Tensor operator >(Tensor left, Tensor right) => left.gt(right);
        public static Tensor operator >(Tensor left, Scalar right) => left.gt(right);
        public static Tensor operator >(Scalar left, Tensor right) => right.lt(left);
        public static Tensor operator >=(Tensor left, Tensor right) => left.ge(right);
        public static Tensor operator >=(Tensor left, Scalar right) => left.ge(right);
        public static Tensor operator >=(Scalar left, Tensor right) => right.le(left);

        private static Tensor ScalarLeft(BinaryOp op, Scalar left, Tensor right) =>
            right.Unary(NativeMethods.gt_binary_st(op, left.Value, right.Handle));

        // ---- implicit conversions: a number or an array where a tensor is expected ----
        public static implicit operator Tensor(byte value) => tensor(value);
        public static implicit operator Tensor(sbyte value) => tensor(value);
        public static implicit operator Tensor(short value) => tensor(value);
        public static implicit operator Tensor(int value) => tensor(value);
        public static implicit operator Tensor(long value) => tensor(value);
        public static implicit operator Tensor(float value) => tensor(value);
        public static implicit operator Tensor(double value) => tensor(value);
        public static implicit operator Tensor(bool value) => tensor(value);
        public static implicit operator Tensor((float, float) value) => tensor(value);
        public static implicit operator Tensor(System.Numerics.Complex value) => tensor(value);
        public static implicit operator Tensor(byte[] value) => tensor(value);
        public static implicit operator Tensor(sbyte[] value) => tensor(value);
        public static implicit operator Tensor(short[] value) => tensor(value);
        public static implicit operator Tensor(int[] value) => tensor(value);
        public static implicit operator Tensor(long[] value) => tensor(value);
        public static implicit operator Tensor(float[] value) => tensor(value);
        public static implicit operator Tensor(double[] value) => tensor(value);
        public static implicit operator Tensor(bool[] value) => tensor(value);
        public static implicit operator Tensor(Scalar scalar) => ScalarTensor(scalar.Value, scalar.Type, null, false);
    }

    public static Tensor add(Tensor left, Tensor right) => left.add(right);
    public static Tensor add(Tensor left, Scalar right) => left.add(right);
    public static Tensor add(Tensor left, Tensor right, Scalar alpha) => left.add(right, alpha);
    public static Tensor add(Tensor left, Scalar right, Scalar alpha) => left.add(right, alpha);
    public static Tensor add_(Tensor left, Tensor right) => left.add_(right);
    public static Tensor add_(Tensor left, Scalar right) => left.add_(right);
    public static Tensor add_(Tensor left, Tensor right, Scalar alpha) => left.add_(right, alpha);
    public static Tensor add_(Tensor left, Scalar right, Scalar alpha) => left.add_(right, alpha);
    public static Tensor div(Tensor left, Tensor right, RoundingMode rounding_mode = RoundingMode.None) => left.div(right, rounding_mode);
    public static Tensor div(Tensor left, Scalar right, RoundingMode rounding_mode = RoundingMode.None) => left.div(right, rounding_mode);
    public static Tensor div_(Tensor left, Scalar right, RoundingMode rounding_mode = RoundingMode.None) => left.div_(right, rounding_mode);
    public static Tensor div_(Tensor left, Tensor right, RoundingMode rounding_mode = RoundingMode.None) => left.div_(right, rounding_mode);
    public static Tensor divide(Tensor left, Tensor right, RoundingMode rounding_mode = RoundingMode.None) => left.div(right, rounding_mode);
    public static Tensor divide(Tensor left, Scalar right, RoundingMode rounding_mode = RoundingMode.None) => left.div(right, rounding_mode);
    public static Tensor divide_(Tensor left, Tensor right, RoundingMode rounding_mode = RoundingMode.None) => left.div_(right, rounding_mode);
    public static Tensor divide_(Tensor left, Scalar right) => left.div_(right);
}

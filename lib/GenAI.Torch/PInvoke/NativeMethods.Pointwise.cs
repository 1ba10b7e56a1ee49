// Pointwise ops (native/ops_pointwise.cpp). The enum values are the codes of the X-macro
// lists there; PointwiseOpCodesTests checks every name against gt_op_name.
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal enum UnaryOp
{
    neg = 0, abs = 1, sqrt = 2, rsqrt = 3, exp = 4, exp2 = 5, expm1 = 6, log = 7, log2 = 8, log10 = 9, log1p = 10,
    sin = 11, cos = 12, tan = 13, asin = 14, acos = 15, atan = 16, sinh = 17, cosh = 18, tanh = 19, asinh = 20,
    acosh = 21, atanh = 22, sigmoid = 23, relu = 24, floor = 25, ceil = 26, round = 27, trunc = 28, frac = 29,
    sign = 30, reciprocal = 31, square = 32, erf = 33, erfc = 34, erfinv = 35, lgamma = 36, digamma = 37,
    logical_not = 38, bitwise_not = 39, isnan = 40, isinf = 41, isfinite = 42, silu = 43, gelu = 44, relu6 = 45,
    log_sigmoid = 46, selu = 47, mish = 48, sgn = 49, i0 = 50, signbit = 51, hardsigmoid = 52, hardswish = 53,
    deg2rad = 54, rad2deg = 55, positive = 56, logit = 57, sinc = 58, elu = 59, isneginf = 60, isposinf = 61,
    celu = 62, fix = 63, isreal = 64,
}

internal enum BinaryOp
{
    add = 0, sub = 1, mul = 2, div = 3, remainder = 4, fmod = 5, pow = 6, atan2 = 7, maximum = 8, minimum = 9,
    fmax = 10, fmin = 11, eq = 12, ne = 13, lt = 14, le = 15, gt = 16, ge = 17, logical_and = 18, logical_or = 19,
    logical_xor = 20, bitwise_and = 21, bitwise_or = 22, bitwise_xor = 23, floor_divide = 24, xlogy = 25,
    hypot = 26, copysign = 27, logaddexp = 28, logaddexp2 = 29, heaviside = 30, true_divide = 31, nextafter = 32,
    gcd = 33, lcm = 34, float_power = 35, bitwise_left_shift = 36, bitwise_right_shift = 37, ldexp = 38,
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr gt_op_name(int kind, int code);
    [LibraryImport(Lib)] internal static partial IntPtr gt_unary(UnaryOp op, IntPtr t);
    [LibraryImport(Lib)] internal static partial int gt_unary_(UnaryOp op, IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_binary(BinaryOp op, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial int gt_binary_(BinaryOp op, IntPtr a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr gt_binary_ts(BinaryOp op, IntPtr a, NativeScalar b);
    [LibraryImport(Lib)] internal static partial int gt_binary_ts_(BinaryOp op, IntPtr a, NativeScalar b);
    [LibraryImport(Lib)] internal static partial IntPtr gt_binary_st(BinaryOp op, NativeScalar a, IntPtr b);
    [LibraryImport(Lib)] internal static partial IntPtr gt_sub(IntPtr a, IntPtr b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int gt_add_(IntPtr a, IntPtr b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int gt_add_scalar_(IntPtr a, NativeScalar b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int gt_sub_(IntPtr a, IntPtr b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr gt_div_mode(IntPtr a, IntPtr b, int mode);
    [LibraryImport(Lib)] internal static partial IntPtr gt_div_mode_s(IntPtr a, NativeScalar b, int mode);
    [LibraryImport(Lib)] internal static partial int gt_div_mode_(IntPtr a, IntPtr b, int mode);

    [LibraryImport(Lib)]
    internal static partial IntPtr gt_clamp(IntPtr t, NativeScalar min, [MarshalAs(UnmanagedType.U1)] bool has_min,
        NativeScalar max, [MarshalAs(UnmanagedType.U1)] bool has_max);
    [LibraryImport(Lib)]
    internal static partial int gt_clamp_(IntPtr t, NativeScalar min, [MarshalAs(UnmanagedType.U1)] bool has_min,
        NativeScalar max, [MarshalAs(UnmanagedType.U1)] bool has_max);
    [LibraryImport(Lib)] internal static partial IntPtr gt_clamp_t(IntPtr t, IntPtr min, IntPtr max);
    [LibraryImport(Lib)] internal static partial int gt_clamp_t_(IntPtr t, IntPtr min, IntPtr max);
    [LibraryImport(Lib)] internal static partial IntPtr gt_where(IntPtr cond, IntPtr x, IntPtr y);
    [LibraryImport(Lib)] internal static partial IntPtr gt_where_ts(IntPtr cond, IntPtr x, NativeScalar y);
    [LibraryImport(Lib)] internal static partial IntPtr gt_where_st(IntPtr cond, NativeScalar x, IntPtr y);
    [LibraryImport(Lib)] internal static partial IntPtr gt_where_ss(IntPtr cond, NativeScalar x, NativeScalar y);
    [LibraryImport(Lib)] internal static partial IntPtr gt_lerp(IntPtr a, IntPtr b, IntPtr w);
    [LibraryImport(Lib)] internal static partial IntPtr gt_lerp_s(IntPtr a, IntPtr b, NativeScalar w);
    [LibraryImport(Lib)] internal static partial int gt_lerp_s_(IntPtr a, IntPtr b, NativeScalar w);
    [LibraryImport(Lib)] internal static partial IntPtr gt_addc(int op, IntPtr t, IntPtr t1, IntPtr t2, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int gt_addc_(int op, IntPtr t, IntPtr t1, IntPtr t2, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int gt_fill_(IntPtr t, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int gt_zero_(IntPtr t);
    [LibraryImport(Lib)] internal static partial IntPtr gt_leaky_relu(IntPtr t, NativeScalar slope);
    [LibraryImport(Lib)] internal static partial IntPtr gt_hardtanh(IntPtr t, NativeScalar lo, NativeScalar hi);
    [LibraryImport(Lib)] internal static partial IntPtr gt_softplus(IntPtr t, NativeScalar beta, NativeScalar threshold);
    [LibraryImport(Lib)] internal static partial IntPtr gt_threshold(IntPtr t, NativeScalar threshold, NativeScalar value);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nan_to_num(IntPtr t, double nan, double posinf, double neginf,
        [MarshalAs(UnmanagedType.U1)] bool has_posinf, [MarshalAs(UnmanagedType.U1)] bool has_neginf);
    [LibraryImport(Lib)] internal static partial IntPtr gt_round_decimals(IntPtr t, long decimals);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_isclose(IntPtr a, IntPtr b, double rtol, double atol, [MarshalAs(UnmanagedType.U1)] bool equal_nan);
    [LibraryImport(Lib)]
    internal static partial int gt_allclose(IntPtr a, IntPtr b, double rtol, double atol, [MarshalAs(UnmanagedType.U1)] bool equal_nan);
    [LibraryImport(Lib)] internal static partial int gt_equal(IntPtr a, IntPtr b);
}

// Pointwise math: unary and binary ops selected by a code, so one entry point serves a
// whole family. The codes are listed once (X-macros) and mirrored by the C# enums
// UnaryOp / BinaryOp in PInvoke/NativeMethods.Pointwise.cs; gt_op_name lets a test check
// that both sides agree.
#include "common.h"

#include <ATen/ScalarOps.h>

// X(code, name): out-of-place at::name(t), in-place t.name_().
#define GT_UNARY_METHOD_INPLACE(X)                                                                            \
    X(0, neg) X(1, abs) X(2, sqrt) X(3, rsqrt) X(4, exp) X(5, exp2) X(6, expm1) X(7, log) X(8, log2)           \
    X(9, log10) X(10, log1p) X(11, sin) X(12, cos) X(13, tan) X(14, asin) X(15, acos) X(16, atan) X(17, sinh)  \
    X(18, cosh) X(19, tanh) X(20, asinh) X(21, acosh) X(22, atanh) X(23, sigmoid) X(24, relu) X(25, floor)     \
    X(26, ceil) X(27, round) X(28, trunc) X(29, frac) X(30, sign) X(31, reciprocal) X(32, square) X(33, erf)   \
    X(34, erfc) X(35, erfinv) X(36, lgamma) X(37, digamma) X(38, logical_not) X(39, bitwise_not) X(49, sgn)    \
    X(50, i0) X(54, deg2rad) X(55, rad2deg) X(57, logit) X(58, sinc) X(63, fix)

// X(code, name): activation-style ops whose in-place form is the function at::name_(t).
#define GT_UNARY_FUNCTION_INPLACE(X)                                                                          \
    X(43, silu) X(45, relu6) X(47, selu) X(48, mish) X(52, hardsigmoid) X(53, hardswish) X(59, elu) X(62, celu)

// Ops that have no in-place form (they change dtype or libtorch lacks one).
#define GT_UNARY_NO_INPLACE(X)                                                                                \
    X(40, isnan) X(41, isinf) X(42, isfinite) X(44, gelu) X(46, log_sigmoid) X(51, signbit) X(56, positive)    \
    X(60, isneginf) X(61, isposinf) X(64, isreal)

#define GT_UNARY_OPS(X) GT_UNARY_METHOD_INPLACE(X) GT_UNARY_FUNCTION_INPLACE(X) GT_UNARY_NO_INPLACE(X)

// X(code, name): at::name(a, b) and a.name_(b).
#define GT_BINARY_WITH_INPLACE(X)                                                                              \
    X(0, add) X(1, sub) X(2, mul) X(3, div) X(4, remainder) X(5, fmod) X(6, pow) X(7, atan2)                  \
    X(12, eq) X(13, ne) X(14, lt) X(15, le) X(16, gt) X(17, ge)                                                \
    X(18, logical_and) X(19, logical_or) X(20, logical_xor) X(21, bitwise_and) X(22, bitwise_or)              \
    X(23, bitwise_xor) X(24, floor_divide) X(25, xlogy) X(26, hypot) X(27, copysign)                          \
    X(30, heaviside) X(31, true_divide) X(32, nextafter) X(33, gcd) X(34, lcm)                                \
    X(35, float_power) X(36, bitwise_left_shift) X(37, bitwise_right_shift) X(38, ldexp)

#define GT_BINARY_NO_INPLACE(X) X(8, maximum) X(9, minimum) X(10, fmax) X(11, fmin) X(28, logaddexp) X(29, logaddexp2)

#define GT_BINARY_OPS(X) GT_BINARY_WITH_INPLACE(X) GT_BINARY_NO_INPLACE(X)

namespace {
at::Tensor unary(int op, const at::Tensor& t) {
    switch (op) {
#define GT_CASE(code, name) case code: return at::name(t);
        GT_UNARY_OPS(GT_CASE)
#undef GT_CASE
    }
    throw std::invalid_argument("unknown unary op code " + std::to_string(op));
}

at::Tensor unary_(int op, at::Tensor& t) {
    switch (op) {
#define GT_CASE(code, name) case code: return t.name##_();
        GT_UNARY_METHOD_INPLACE(GT_CASE)
#undef GT_CASE
#define GT_CASE(code, name) case code: return at::name##_(t);
        GT_UNARY_FUNCTION_INPLACE(GT_CASE)
#undef GT_CASE
#define GT_CASE(code, name) case code: throw std::invalid_argument(#name " has no in-place form");
        GT_UNARY_NO_INPLACE(GT_CASE)
#undef GT_CASE
    }
    throw std::invalid_argument("unknown unary op code " + std::to_string(op));
}

at::Tensor binary(int op, const at::Tensor& a, const at::Tensor& b) {
    switch (op) {
#define GT_CASE(code, name) case code: return at::name(a, b);
        GT_BINARY_OPS(GT_CASE)
#undef GT_CASE
    }
    throw std::invalid_argument("unknown binary op code " + std::to_string(op));
}

at::Tensor& binary_(int op, at::Tensor& a, const at::Tensor& b) {
    switch (op) {
#define GT_CASE(code, name) case code: return a.name##_(b);
        GT_BINARY_WITH_INPLACE(GT_CASE)
#undef GT_CASE
#define GT_CASE(code, name) case code: throw std::invalid_argument(#name " has no in-place form");
        GT_BINARY_NO_INPLACE(GT_CASE)
#undef GT_CASE
    }
    throw std::invalid_argument("unknown binary op code " + std::to_string(op));
}

// A scalar operand becomes a "wrapped number" tensor, exactly as Python passes
// `x * 2.0`: it takes part in type promotion like a Python number, not like a tensor.
at::Tensor wrapped(const GtScalar& s) {
    auto t = c10::scalar_to_tensor(gt::to_scalar(s));
    t.unsafeGetTensorImpl()->set_wrapped_number(true);
    return t;
}
}  // namespace

// Name of an op code, for the test that checks the C# enums match this file.
// kind 0 = unary, 1 = binary. Returns nullptr for unknown codes.
GT_API const char* gt_op_name(int kind, int code) {
    if (kind == 0) {
        switch (code) {
#define GT_CASE(c, name) case c: return #name;
            GT_UNARY_OPS(GT_CASE)
#undef GT_CASE
        }
    } else if (kind == 1) {
        switch (code) {
#define GT_CASE(c, name) case c: return #name;
            GT_BINARY_OPS(GT_CASE)
#undef GT_CASE
        }
    }
    return nullptr;
}

GT_API TensorHandle gt_unary(int op, TensorHandle t) { GT_RETURN_TENSOR(unary(op, *t)); }
GT_API int gt_unary_(int op, TensorHandle t) { GT_TRY(unary_(op, *t)); }

GT_API TensorHandle gt_binary(int op, TensorHandle a, TensorHandle b) { GT_RETURN_TENSOR(binary(op, *a, *b)); }
GT_API int gt_binary_(int op, TensorHandle a, TensorHandle b) { GT_TRY(binary_(op, *a, *b)); }
// tensor (op) scalar
GT_API TensorHandle gt_binary_ts(int op, TensorHandle a, GtScalar b) { GT_RETURN_TENSOR(binary(op, *a, wrapped(b))); }
GT_API int gt_binary_ts_(int op, TensorHandle a, GtScalar b) { GT_TRY(binary_(op, *a, wrapped(b))); }
// scalar (op) tensor
GT_API TensorHandle gt_binary_st(int op, GtScalar a, TensorHandle b) { GT_RETURN_TENSOR(binary(op, wrapped(a), *b)); }

// add/sub with alpha: a + alpha * b
GT_API TensorHandle gt_sub(TensorHandle a, TensorHandle b, GtScalar alpha) {
    GT_RETURN_TENSOR(at::sub(*a, *b, gt::to_scalar(alpha)));
}
GT_API int gt_add_(TensorHandle a, TensorHandle b, GtScalar alpha) { GT_TRY(a->add_(*b, gt::to_scalar(alpha))); }
GT_API int gt_add_scalar_(TensorHandle a, GtScalar b, GtScalar alpha) {
    GT_TRY(a->add_(gt::to_scalar(b), gt::to_scalar(alpha)));
}
GT_API int gt_sub_(TensorHandle a, TensorHandle b, GtScalar alpha) { GT_TRY(a->sub_(*b, gt::to_scalar(alpha))); }

// rounding: 0 none (true division), 1 trunc, 2 floor
GT_API TensorHandle gt_div_mode(TensorHandle a, TensorHandle b, int mode) {
    GT_RETURN_TENSOR(mode == 0 ? at::div(*a, *b) : at::div(*a, *b, mode == 1 ? "trunc" : "floor"));
}
GT_API TensorHandle gt_div_mode_s(TensorHandle a, GtScalar b, int mode) {
    GT_RETURN_TENSOR(mode == 0 ? at::div(*a, wrapped(b)) : at::div(*a, wrapped(b), mode == 1 ? "trunc" : "floor"));
}
GT_API int gt_div_mode_(TensorHandle a, TensorHandle b, int mode) {
    GT_TRY(mode == 0 ? a->div_(*b) : a->div_(*b, mode == 1 ? "trunc" : "floor"));
}

// ---- clamp, where, lerp, addcmul/addcdiv, misc ------------------------------------------

// has_min/has_max say which bound is given.
GT_API TensorHandle gt_clamp(TensorHandle t, GtScalar min, bool has_min, GtScalar max, bool has_max) {
    GT_RETURN_TENSOR(at::clamp(*t, has_min ? c10::optional<at::Scalar>(gt::to_scalar(min)) : c10::nullopt,
                               has_max ? c10::optional<at::Scalar>(gt::to_scalar(max)) : c10::nullopt));
}
GT_API int gt_clamp_(TensorHandle t, GtScalar min, bool has_min, GtScalar max, bool has_max) {
    GT_TRY(at::clamp_(*t, has_min ? c10::optional<at::Scalar>(gt::to_scalar(min)) : c10::nullopt,
                      has_max ? c10::optional<at::Scalar>(gt::to_scalar(max)) : c10::nullopt));
}
GT_API TensorHandle gt_clamp_t(TensorHandle t, TensorHandle min, TensorHandle max) {
    GT_RETURN_TENSOR(at::clamp(*t, gt::opt(min), gt::opt(max)));
}
GT_API int gt_clamp_t_(TensorHandle t, TensorHandle min, TensorHandle max) {
    GT_TRY(at::clamp_(*t, gt::opt(min), gt::opt(max)));
}

GT_API TensorHandle gt_where(TensorHandle cond, TensorHandle x, TensorHandle y) { GT_RETURN_TENSOR(at::where(*cond, *x, *y)); }
GT_API TensorHandle gt_where_ts(TensorHandle cond, TensorHandle x, GtScalar y) {
    GT_RETURN_TENSOR(at::where(*cond, *x, wrapped(y)));
}
GT_API TensorHandle gt_where_st(TensorHandle cond, GtScalar x, TensorHandle y) {
    GT_RETURN_TENSOR(at::where(*cond, wrapped(x), *y));
}
GT_API TensorHandle gt_where_ss(TensorHandle cond, GtScalar x, GtScalar y) {
    GT_RETURN_TENSOR(at::where(*cond, wrapped(x), wrapped(y)));
}

GT_API TensorHandle gt_lerp(TensorHandle a, TensorHandle b, TensorHandle w) { GT_RETURN_TENSOR(at::lerp(*a, *b, *w)); }
GT_API TensorHandle gt_lerp_s(TensorHandle a, TensorHandle b, GtScalar w) {
    GT_RETURN_TENSOR(at::lerp(*a, *b, gt::to_scalar(w)));
}
GT_API int gt_lerp_s_(TensorHandle a, TensorHandle b, GtScalar w) { GT_TRY(a->lerp_(*b, gt::to_scalar(w))); }

// op 0 addcmul, 1 addcdiv: t + value * (t1 op t2)
GT_API TensorHandle gt_addc(int op, TensorHandle t, TensorHandle t1, TensorHandle t2, GtScalar value) {
    GT_RETURN_TENSOR(op == 0 ? at::addcmul(*t, *t1, *t2, gt::to_scalar(value))
                             : at::addcdiv(*t, *t1, *t2, gt::to_scalar(value)));
}
GT_API int gt_addc_(int op, TensorHandle t, TensorHandle t1, TensorHandle t2, GtScalar value) {
    GT_TRY(op == 0 ? t->addcmul_(*t1, *t2, gt::to_scalar(value)) : t->addcdiv_(*t1, *t2, gt::to_scalar(value)));
}

GT_API int gt_fill_(TensorHandle t, GtScalar value) { GT_TRY(t->fill_(gt::to_scalar(value))); }
GT_API int gt_zero_(TensorHandle t) { GT_TRY(t->zero_()); }

GT_API TensorHandle gt_leaky_relu(TensorHandle t, GtScalar slope) { GT_RETURN_TENSOR(at::leaky_relu(*t, gt::to_scalar(slope))); }
GT_API TensorHandle gt_hardtanh(TensorHandle t, GtScalar lo, GtScalar hi) {
    GT_RETURN_TENSOR(at::hardtanh(*t, gt::to_scalar(lo), gt::to_scalar(hi)));
}
GT_API TensorHandle gt_softplus(TensorHandle t, GtScalar beta, GtScalar threshold) {
    GT_RETURN_TENSOR(at::softplus(*t, gt::to_scalar(beta), gt::to_scalar(threshold)));
}
GT_API TensorHandle gt_threshold(TensorHandle t, GtScalar threshold, GtScalar value) {
    GT_RETURN_TENSOR(at::threshold(*t, gt::to_scalar(threshold), gt::to_scalar(value)));
}
GT_API TensorHandle gt_nan_to_num(TensorHandle t, double nan, double posinf, double neginf, bool has_posinf,
                                  bool has_neginf) {
    GT_RETURN_TENSOR(at::nan_to_num(*t, nan, has_posinf ? c10::optional<double>(posinf) : c10::nullopt,
                                    has_neginf ? c10::optional<double>(neginf) : c10::nullopt));
}
GT_API TensorHandle gt_round_decimals(TensorHandle t, int64_t decimals) { GT_RETURN_TENSOR(at::round(*t, decimals)); }

GT_API TensorHandle gt_isclose(TensorHandle a, TensorHandle b, double rtol, double atol, bool equal_nan) {
    GT_RETURN_TENSOR(at::isclose(*a, *b, rtol, atol, equal_nan));
}
// 1 true, 0 false, -1 error
GT_API int gt_allclose(TensorHandle a, TensorHandle b, double rtol, double atol, bool equal_nan) {
    GT_RETURN_VALUE(-1, at::allclose(*a, *b, rtol, atol, equal_nan) ? 1 : 0);
}
GT_API int gt_equal(TensorHandle a, TensorHandle b) { GT_RETURN_VALUE(-1, at::equal(*a, *b) ? 1 : 0); }

// One error-handling pattern for every entry point of the shim.
//
// The rule: no C++ exception may cross the C boundary (it would abort the .NET
// process). Every exported function therefore runs its body inside one of the
// GT_* macros below, which catch *everything*, store libtorch's message (without
// the C++ backtrace) in a thread-local buffer, and return a sentinel:
//   - functions returning a tensor return nullptr on failure,
//   - functions returning a status return -1 on failure (0 on success),
//   - functions returning a value return the sentinel you pass.
// The C# side checks the sentinel and calls gt_last_error() on the same thread
// to build the exception (see PInvoke/NativeMethods.cs, torch.CheckForErrors()).
//
// Adding an op (e.g. in native/nn_conv.cpp):
//   #include "common.h"
//   GT_API TensorHandle gt_conv2d(TensorHandle input, TensorHandle weight, int64_t stride) {
//       GT_RETURN_TENSOR(at::conv2d(*input, *weight, {}, stride));
//   }
//   GT_API int gt_something_inplace(TensorHandle t) { GT_TRY(t->zero_()); }
//   GT_API int64_t gt_count(TensorHandle t) { GT_RETURN_VALUE(-1, t->size(0)); }
// (common.h is a precompiled header: include heavier torch headers in your own
// .cpp only, e.g. <torch/nn/functional.h>.)
// and the matching [DllImport] in PInvoke/, returning IntPtr wrapped with
// TensorHandle.FromHandle / torch.CheckForErrors().
#pragma once

#include <ATen/ATen.h>
#include <torch/cuda.h>
#include <cstdint>
#include <string>

#define GT_API extern "C" __attribute__((visibility("default")))

// A tensor handle is a heap-allocated at::Tensor (one reference to the
// storage). gt_free deletes it; that is safe from any thread (the .NET
// finalizer thread included) because at::Tensor's refcount is atomic.
typedef at::Tensor* TensorHandle;

// Scalars travel by value (no allocation): kind 0 = integer (i), 1 = floating
// (d), 2 = boolean (i != 0), 3 = complex (d + im*i).
struct GtScalar {
    double d;
    double im;
    int64_t i;
    int32_t kind;
};

namespace gt {
void set_error(const char* message);
at::Scalar to_scalar(const GtScalar& s);
at::TensorOptions options(int8_t dtype, int32_t device_type, int32_t device_index);
c10::Device device(int32_t device_type, int32_t device_index);
// Wraps a result in a new handle (the caller owns it).
inline TensorHandle wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }
// Optional tensor argument: null handle means "not given".
inline c10::optional<at::Tensor> opt(TensorHandle t) {
    return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}
inline at::IntArrayRef dims(const int64_t* p, int n) { return at::IntArrayRef(p, (size_t)n); }
std::vector<at::Tensor> tensors(const TensorHandle* handles, int n);
}  // namespace gt

#define GT_CATCH_ALL(sentinel)                                         \
    catch (const c10::Error& e) {                                      \
        gt::set_error(e.what_without_backtrace());                     \
        return sentinel;                                               \
    }                                                                  \
    catch (const std::exception& e) {                                  \
        gt::set_error(e.what());                                       \
        return sentinel;                                               \
    }                                                                  \
    catch (...) {                                                      \
        gt::set_error("unknown native error in libtorch shim");        \
        return sentinel;                                               \
    }

// Body returns an at::Tensor; the entry point returns a new handle or nullptr.
#define GT_RETURN_TENSOR(...) \
    try { return gt::wrap(__VA_ARGS__); } GT_CATCH_ALL(nullptr)

// Body is a statement list; the entry point returns 0 or -1.
#define GT_TRY(...) \
    try { __VA_ARGS__; return 0; } GT_CATCH_ALL(-1)

// Body computes a value; the entry point returns it, or the sentinel on error.
#define GT_RETURN_VALUE(sentinel, ...) \
    try { return (__VA_ARGS__); } GT_CATCH_ALL(sentinel)

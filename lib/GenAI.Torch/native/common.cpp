// Error buffer, handle release and the small conversions shared by all areas.
#include "common.h"

#include <cstring>

namespace {
// One message per thread: the C# side reads it right after the failing call,
// on the same thread, so concurrent failures never mix.
thread_local std::string last_error;
thread_local bool has_error = false;
}  // namespace

namespace gt {
void set_error(const char* message) {
    last_error = message ? message : "";
    has_error = true;
}

at::Scalar to_scalar(const GtScalar& s) {
    switch (s.kind) {
        case 0: return at::Scalar(s.i);
        case 1: return at::Scalar(s.d);
        case 2: return at::Scalar(s.i != 0);
        case 3: return at::Scalar(c10::complex<double>(s.d, s.im));
        default: throw std::invalid_argument("invalid scalar kind " + std::to_string(s.kind));
    }
}

c10::Device device(int32_t device_type, int32_t device_index) {
    auto type = static_cast<c10::DeviceType>(device_type);
    if (type == c10::DeviceType::CUDA && !torch::cuda::is_available())
        throw std::runtime_error(
            "CUDA device requested but CUDA is not available (this libtorch build or machine has no CUDA GPU); "
            "use torch.CPU or check torch.cuda.is_available()");
    return c10::Device(type, static_cast<c10::DeviceIndex>(device_index));
}

at::TensorOptions options(int8_t dtype, int32_t device_type, int32_t device_index) {
    // dtype -1: libtorch's default dtype (float32 unless changed).
    return at::TensorOptions()
        .dtype(dtype >= 0 ? static_cast<at::ScalarType>(dtype) : at::get_default_dtype_as_scalartype())
        .device(device(device_type, device_index));
}

std::vector<at::Tensor> tensors(const TensorHandle* handles, int n) {
    std::vector<at::Tensor> v;
    v.reserve(n);
    for (int k = 0; k < n; ++k) v.push_back(*handles[k]);
    return v;
}
}  // namespace gt

// Returns the message of the last failure on this thread and clears it
// (nullptr when there was none). The pointer stays valid until the next failure.
GT_API const char* gt_last_error() {
    if (!has_error) return nullptr;
    has_error = false;
    return last_error.c_str();
}

GT_API void gt_free(TensorHandle t) { delete t; }

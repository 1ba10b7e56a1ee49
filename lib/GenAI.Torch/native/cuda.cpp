// CUDA queries. Compiled the same way for CPU-only libtorch (where they report "no CUDA")
// and for CUDA builds of libtorch 2.x.
#include "common.h"

#include <ATen/Context.h>

GT_API bool gt_cuda_is_available() {
    try { return torch::cuda::is_available(); } catch (...) { return false; }
}
GT_API int64_t gt_cuda_device_count() {
    try { return (int64_t)torch::cuda::device_count(); } catch (...) { return 0; }
}
GT_API bool gt_cudnn_is_available() {
    try { return torch::cuda::cudnn_is_available(); } catch (...) { return false; }
}
GT_API int gt_cuda_synchronize(int64_t device_index) {
    GT_TRY({
        if (!torch::cuda::is_available())
            throw std::runtime_error("torch.cuda.synchronize: CUDA is not available");
        torch::cuda::synchronize(device_index);
    });
}

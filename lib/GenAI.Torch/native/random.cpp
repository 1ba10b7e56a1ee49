// Random numbers: generators, seeding, random factories and in-place samplers.
// With the same seed these produce the same numbers as Python PyTorch on CPU, because
// both use libtorch's CPU generator (mt19937) and the same kernels.
#include "common.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <torch/utils.h>

typedef at::Generator* GeneratorHandle;

namespace {
c10::optional<at::Generator> gen(GeneratorHandle g) {
    return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}
at::Tensor finish(at::Tensor t, bool requires_grad) {
    if (requires_grad) t.set_requires_grad(true);
    return t;
}
}  // namespace

// ---- generators ----------------------------------------------------------------

GT_API GeneratorHandle gt_generator_new(uint64_t seed, int32_t device_type, int32_t device_index) {
    try {
        auto device = gt::device(device_type, device_index);
        if (device.is_cuda()) {
            auto g = at::detail::getCUDAHooks().getDefaultCUDAGenerator(device.index() < 0 ? 0 : device.index()).clone();
            g.set_current_seed(seed);
            return new at::Generator(g);
        }
        return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
    }
    GT_CATCH_ALL(nullptr)
}

// A new handle sharing the process-wide default CPU generator (what torch.manual_seed seeds).
GT_API GeneratorHandle gt_generator_default() {
    try { return new at::Generator(at::detail::getDefaultCPUGenerator()); }
    GT_CATCH_ALL(nullptr)
}

GT_API void gt_generator_free(GeneratorHandle g) { delete g; }

GT_API int gt_generator_manual_seed(GeneratorHandle g, uint64_t seed) {
    GT_TRY({
        std::lock_guard<std::mutex> lock(g->mutex());
        g->set_current_seed(seed);
    });
}

GT_API int64_t gt_generator_initial_seed(GeneratorHandle g) { GT_RETURN_VALUE(-1, (int64_t)g->current_seed()); }

// Re-seeds from a non-deterministic source and returns the new seed.
GT_API int64_t gt_generator_seed(GeneratorHandle g) {
    GT_RETURN_VALUE(-1, ([&] {
        std::lock_guard<std::mutex> lock(g->mutex());
        return (int64_t)g->seed();
    })());
}

GT_API TensorHandle gt_generator_get_state(GeneratorHandle g) { GT_RETURN_TENSOR(g->get_state()); }
GT_API int gt_generator_set_state(GeneratorHandle g, TensorHandle state) {
    GT_TRY({
        std::lock_guard<std::mutex> lock(g->mutex());
        g->set_state(*state);
    });
}
GT_API int32_t gt_generator_device_type(GeneratorHandle g) { return static_cast<int32_t>(g->device().type()); }

// Seeds the default CPU generator and, where present, every CUDA generator.
GT_API int gt_manual_seed(uint64_t seed) { GT_TRY(torch::manual_seed(seed)); }

GT_API int gt_cuda_manual_seed(uint64_t seed, bool all) {
    GT_TRY({
        if (!torch::cuda::is_available()) return 0;  // PyTorch silently ignores it without CUDA too
        int n = all ? (int)torch::cuda::device_count() : 1;
        for (int k = 0; k < n; ++k) {
            auto g = at::detail::getCUDAHooks().getDefaultCUDAGenerator(k);
            std::lock_guard<std::mutex> lock(g.mutex());
            g.set_current_seed(seed);
        }
    });
}

// ---- random factories ------------------------------------------------------------

enum RandomKind { UNIFORM = 0, NORMAL = 1 };

GT_API TensorHandle gt_rand(int kind, const int64_t* shape, int ndim, int8_t dtype, int32_t device_type, int32_t device_index,
                      bool requires_grad, GeneratorHandle g) {
    GT_RETURN_TENSOR(([&] {
        auto opts = gt::options(dtype, device_type, device_index);
        auto size = gt::dims(shape, ndim);
        auto t = kind == UNIFORM ? at::rand(size, gen(g), opts) : at::randn(size, gen(g), opts);
        return finish(t, requires_grad);
    })());
}

GT_API TensorHandle gt_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, int8_t dtype, int32_t device_type,
                         int32_t device_index, bool requires_grad, GeneratorHandle g) {
    GT_RETURN_TENSOR(([&] {
        auto opts = gt::options(dtype < 0 ? (int8_t)at::kLong : dtype, device_type, device_index);
        return finish(at::randint(low, high, gt::dims(shape, ndim), gen(g), opts), requires_grad);
    })());
}

GT_API TensorHandle gt_randperm(int64_t n, int8_t dtype, int32_t device_type, int32_t device_index, bool requires_grad,
                          GeneratorHandle g) {
    GT_RETURN_TENSOR(([&] {
        auto opts = gt::options(dtype < 0 ? (int8_t)at::kLong : dtype, device_type, device_index);
        return finish(at::randperm(n, gen(g), opts), requires_grad);
    })());
}

GT_API TensorHandle gt_normal_scalar(double mean, double std, const int64_t* shape, int ndim, int8_t dtype,
                               int32_t device_type, int32_t device_index, bool requires_grad, GeneratorHandle g) {
    GT_RETURN_TENSOR(([&] {
        auto opts = gt::options(dtype, device_type, device_index);
        return finish(at::normal(mean, std, gt::dims(shape, ndim), gen(g), opts), requires_grad);
    })());
}

GT_API TensorHandle gt_normal_tensor(TensorHandle mean, TensorHandle std, GeneratorHandle g) { GT_RETURN_TENSOR(at::normal(*mean, *std, gen(g))); }

// kind: 0 rand_like, 1 randn_like, 2 randint_like(low, high)
GT_API TensorHandle gt_rand_like(int kind, TensorHandle input, int64_t low, int64_t high, int8_t dtype, int32_t device_type,
                           int32_t device_index, bool requires_grad) {
    GT_RETURN_TENSOR(([&] {
        auto opts = at::TensorOptions();
        if (dtype >= 0) opts = opts.dtype(static_cast<at::ScalarType>(dtype));
        if (device_type >= 0) opts = opts.device(gt::device(device_type, device_index));
        at::Tensor t;
        switch (kind) {
            case 0: t = at::rand_like(*input, opts); break;
            case 1: t = at::randn_like(*input, opts); break;
            case 2: t = at::randint_like(*input, low, high, opts); break;
            default: throw std::invalid_argument("unknown random-like kind");
        }
        return finish(t, requires_grad);
    })());
}

GT_API TensorHandle gt_multinomial(TensorHandle probs, int64_t num_samples, bool replacement, GeneratorHandle g) {
    GT_RETURN_TENSOR(at::multinomial(*probs, num_samples, replacement, gen(g)));
}

GT_API TensorHandle gt_bernoulli(TensorHandle probs, GeneratorHandle g) { GT_RETURN_TENSOR(at::bernoulli(*probs, gen(g))); }
GT_API TensorHandle gt_poisson(TensorHandle rates, GeneratorHandle g) { GT_RETURN_TENSOR(at::poisson(*rates, gen(g))); }

// ---- in-place samplers (used by nn.init and dropout-like code) --------------------------

GT_API int gt_uniform_(TensorHandle t, double from, double to, GeneratorHandle g) { GT_TRY(t->uniform_(from, to, gen(g))); }
GT_API int gt_normal_(TensorHandle t, double mean, double std, GeneratorHandle g) { GT_TRY(t->normal_(mean, std, gen(g))); }
GT_API int gt_bernoulli_p_(TensorHandle t, double p, GeneratorHandle g) { GT_TRY(t->bernoulli_(p, gen(g))); }
GT_API int gt_bernoulli_t_(TensorHandle t, TensorHandle p, GeneratorHandle g) { GT_TRY(t->bernoulli_(*p, gen(g))); }
GT_API int gt_random_(TensorHandle t, int64_t from, int64_t to, GeneratorHandle g) { GT_TRY(t->random_(from, to, gen(g))); }
GT_API int gt_exponential_(TensorHandle t, double lambd, GeneratorHandle g) { GT_TRY(t->exponential_(lambd, gen(g))); }
GT_API int gt_geometric_(TensorHandle t, double p, GeneratorHandle g) { GT_TRY(t->geometric_(p, gen(g))); }
GT_API int gt_log_normal_(TensorHandle t, double mean, double std, GeneratorHandle g) { GT_TRY(t->log_normal_(mean, std, gen(g))); }
GT_API int gt_cauchy_(TensorHandle t, double median, double sigma, GeneratorHandle g) { GT_TRY(t->cauchy_(median, sigma, gen(g))); }

// TensorHandle creation, metadata, data access and conversions.
#include "common.h"

#include <cstring>

// ---- creation ---------------------------------------------------------------

// Copies `data` (laid out as `src_dtype`, row-major, shape `shape`) into a new
// tensor of `dtype` on the given device.
GT_API TensorHandle gt_from_data(const void* data, const int64_t* shape, int ndim, int8_t src_dtype, int8_t dtype,
                           int32_t device_type, int32_t device_index, bool requires_grad) {
    GT_RETURN_TENSOR(([&] {
        auto src_type = static_cast<at::ScalarType>(src_dtype);
        auto cpu = at::empty(gt::dims(shape, ndim), at::TensorOptions().dtype(src_type));
        if (cpu.numel() > 0) std::memcpy(cpu.data_ptr(), data, cpu.numel() * cpu.element_size());
        auto result = cpu.to(gt::device(device_type, device_index), static_cast<at::ScalarType>(dtype));
        if (requires_grad) result.set_requires_grad(true);
        return result;
    })());
}

GT_API TensorHandle gt_scalar_tensor(GtScalar value, int8_t dtype, int32_t device_type, int32_t device_index,
                               bool requires_grad) {
    GT_RETURN_TENSOR(([&] {
        auto result = at::scalar_tensor(gt::to_scalar(value), gt::options(dtype, device_type, device_index));
        if (requires_grad) result.set_requires_grad(true);
        return result;
    })());
}

enum FactoryKind { ZEROS = 0, ONES = 1, EMPTY = 2, FULL = 3 };

// zeros / ones / empty / full of a given shape.
GT_API TensorHandle gt_factory(int kind, const int64_t* shape, int ndim, GtScalar fill, int8_t dtype, int32_t device_type,
                         int32_t device_index, bool requires_grad) {
    GT_RETURN_TENSOR(([&] {
        auto size = gt::dims(shape, ndim);
        auto opts = gt::options(dtype, device_type, device_index);
        at::Tensor result;
        switch (kind) {
            case ZEROS: result = at::zeros(size, opts); break;
            case ONES: result = at::ones(size, opts); break;
            case EMPTY: result = at::empty(size, opts); break;
            case FULL: result = at::full(size, gt::to_scalar(fill), opts); break;
            default: throw std::invalid_argument("unknown factory kind");
        }
        if (requires_grad) result.set_requires_grad(true);
        return result;
    })());
}

// zeros_like / ones_like / empty_like / full_like; dtype or device_type -1 = same as input.
GT_API TensorHandle gt_factory_like(int kind, TensorHandle input, GtScalar fill, int8_t dtype, int32_t device_type,
                              int32_t device_index, bool requires_grad) {
    GT_RETURN_TENSOR(([&] {
        auto opts = at::TensorOptions();
        if (dtype >= 0) opts = opts.dtype(static_cast<at::ScalarType>(dtype));
        if (device_type >= 0) opts = opts.device(gt::device(device_type, device_index));
        at::Tensor result;
        switch (kind) {
            case ZEROS: result = at::zeros_like(*input, opts); break;
            case ONES: result = at::ones_like(*input, opts); break;
            case EMPTY: result = at::empty_like(*input, opts); break;
            case FULL: result = at::full_like(*input, gt::to_scalar(fill), opts); break;
            default: throw std::invalid_argument("unknown factory kind");
        }
        if (requires_grad) result.set_requires_grad(true);
        return result;
    })());
}

GT_API TensorHandle gt_eye(int64_t n, int64_t m, int8_t dtype, int32_t device_type, int32_t device_index,
                     bool requires_grad) {
    GT_RETURN_TENSOR(([&] {
        auto result = at::eye(n, m, gt::options(dtype, device_type, device_index));
        if (requires_grad) result.set_requires_grad(true);
        return result;
    })());
}

// dtype -1: inferred from the scalars the way PyTorch does (int64 unless one is floating).
GT_API TensorHandle gt_arange(GtScalar start, GtScalar end, GtScalar step, int8_t dtype, int32_t device_type,
                        int32_t device_index, bool requires_grad) {
    GT_RETURN_TENSOR(([&] {
        auto opts = at::TensorOptions().device(gt::device(device_type, device_index));
        if (dtype >= 0) opts = opts.dtype(static_cast<at::ScalarType>(dtype));
        else {
            bool floating = start.kind == 1 || end.kind == 1 || step.kind == 1;
            opts = opts.dtype(floating ? at::get_default_dtype_as_scalartype() : at::kLong);
        }
        auto result = at::arange(gt::to_scalar(start), gt::to_scalar(end), gt::to_scalar(step), opts);
        if (requires_grad) result.set_requires_grad(true);
        return result;
    })());
}

GT_API TensorHandle gt_linspace(double start, double end, int64_t steps, int8_t dtype, int32_t device_type,
                          int32_t device_index, bool requires_grad) {
    GT_RETURN_TENSOR(([&] {
        auto result = at::linspace(start, end, steps, gt::options(dtype, device_type, device_index));
        if (requires_grad) result.set_requires_grad(true);
        return result;
    })());
}

GT_API TensorHandle gt_logspace(double start, double end, int64_t steps, double base, int8_t dtype, int32_t device_type,
                          int32_t device_index, bool requires_grad) {
    GT_RETURN_TENSOR(([&] {
        auto result = at::logspace(start, end, steps, base, gt::options(dtype, device_type, device_index));
        if (requires_grad) result.set_requires_grad(true);
        return result;
    })());
}

// ---- metadata (cheap, never throw on a valid handle) ---------------------------

GT_API int64_t gt_dim(TensorHandle t) { return t->dim(); }
GT_API int64_t gt_numel(TensorHandle t) { return t->numel(); }
GT_API int8_t gt_dtype(TensorHandle t) { return static_cast<int8_t>(t->scalar_type()); }
GT_API int32_t gt_device_type(TensorHandle t) { return static_cast<int32_t>(t->device().type()); }
GT_API int32_t gt_device_index(TensorHandle t) { return t->device().index(); }
GT_API int64_t gt_element_size(TensorHandle t) { return t->element_size(); }
GT_API bool gt_requires_grad(TensorHandle t) { return t->requires_grad(); }
GT_API bool gt_is_leaf(TensorHandle t) { return t->is_leaf(); }
GT_API bool gt_is_contiguous(TensorHandle t) { return t->is_contiguous(); }
GT_API int64_t gt_size(TensorHandle t, int64_t dim) { return t->size(dim); }

// Writes dim() sizes into `out` (the caller sized it with gt_dim).
GT_API void gt_shape(TensorHandle t, int64_t* out) {
    auto sizes = t->sizes();
    for (size_t k = 0; k < sizes.size(); ++k) out[k] = sizes[k];
}

GT_API void gt_strides(TensorHandle t, int64_t* out) {
    auto strides = t->strides();
    for (size_t k = 0; k < strides.size(); ++k) out[k] = strides[k];
}

GT_API int gt_set_requires_grad(TensorHandle t, bool value) { GT_TRY(t->set_requires_grad(value)); }

// ---- data access -------------------------------------------------------------

// Reads a one-element tensor as a scalar of the tensor's kind.
GT_API int gt_item(TensorHandle t, GtScalar* out) {
    GT_TRY({
        auto s = t->item();
        *out = GtScalar{0, 0, 0, 0};
        if (s.isBoolean()) { out->kind = 2; out->i = s.toBool() ? 1 : 0; }
        else if (s.isIntegral(false)) { out->kind = 0; out->i = s.toLong(); out->d = (double)out->i; }
        else if (s.isComplex()) { auto c = s.toComplexDouble(); out->kind = 3; out->d = c.real(); out->im = c.imag(); }
        else { out->kind = 1; out->d = s.toDouble(); }
    });
}

// Copies the elements (row-major, converted to dtype) into `dst`, which holds `count` elements.
GT_API int gt_copy_out(TensorHandle t, void* dst, int64_t count, int8_t dtype) {
    GT_TRY({
        if (t->numel() != count)
            throw std::invalid_argument("copy_out: destination holds " + std::to_string(count) +
                                        " elements but the tensor has " + std::to_string(t->numel()));
        auto cpu = t->detach().to(at::kCPU, static_cast<at::ScalarType>(dtype)).contiguous();
        if (count > 0) std::memcpy(dst, cpu.data_ptr(), count * cpu.element_size());
    });
}

// Raw pointer to the first element of a CPU tensor (for TensorAccessor); nullptr + error otherwise.
GT_API void* gt_data_ptr(TensorHandle t) {
    try {
        if (!t->device().is_cpu())
            throw std::invalid_argument("data<T>() needs a CPU tensor but this one is on " + t->device().str() +
                                        "; call .cpu() first");
        return t->data_ptr();
    }
    GT_CATCH_ALL(nullptr)
}

// ---- conversions -------------------------------------------------------------

// dtype -1 = keep; device_type -1 = keep.
GT_API TensorHandle gt_to(TensorHandle t, int8_t dtype, int32_t device_type, int32_t device_index, bool non_blocking, bool copy) {
    GT_RETURN_TENSOR(([&] {
        auto type = dtype >= 0 ? static_cast<at::ScalarType>(dtype) : t->scalar_type();
        if (device_type >= 0) return t->to(gt::device(device_type, device_index), type, non_blocking, copy);
        return t->to(type, non_blocking, copy);
    })());
}

GT_API TensorHandle gt_clone(TensorHandle t) { GT_RETURN_TENSOR(t->clone()); }
GT_API TensorHandle gt_contiguous(TensorHandle t) { GT_RETURN_TENSOR(t->contiguous()); }
GT_API TensorHandle gt_detach(TensorHandle t) { GT_RETURN_TENSOR(t->detach()); }
GT_API TensorHandle gt_detach_(TensorHandle t) { GT_RETURN_TENSOR(t->detach_()); }
GT_API TensorHandle gt_alias(TensorHandle t) { GT_RETURN_TENSOR(at::Tensor(*t)); }
GT_API int gt_copy_(TensorHandle dst, TensorHandle src, bool non_blocking) { GT_TRY(dst->copy_(*src, non_blocking)); }
GT_API bool gt_same_storage(TensorHandle a, TensorHandle b) { return a->is_same(*b); }

// Human readable string of libtorch's own printer (used for debugging only).
GT_API int gt_default_dtype() { return static_cast<int>(at::get_default_dtype_as_scalartype()); }
GT_API int gt_set_default_dtype(int8_t dtype) {
    GT_TRY(at::set_default_dtype(c10::scalarTypeToTypeMeta(static_cast<at::ScalarType>(dtype))));
}

// Reinterprets the bytes of a contiguous tensor as another dtype (the last dim scales by the size ratio).
GT_API TensorHandle gt_view_dtype(TensorHandle t, int8_t dtype) { GT_RETURN_TENSOR(t->view(static_cast<at::ScalarType>(dtype))); }

// Copies the raw bytes (row-major, contiguous) of any tensor into dst (numel * element_size bytes).
GT_API int gt_copy_bytes(TensorHandle t, void* dst, int64_t nbytes) {
    GT_TRY({
        auto cpu = t->detach().to(at::kCPU).contiguous();
        if ((int64_t)(cpu.numel() * cpu.element_size()) != nbytes)
            throw std::invalid_argument("copy_bytes: size mismatch");
        if (nbytes > 0) std::memcpy(dst, cpu.data_ptr(), nbytes);
    });
}

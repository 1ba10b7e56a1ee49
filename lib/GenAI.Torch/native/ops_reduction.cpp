// Reductions (sum, mean, var, max...), scans (cumsum), softmax, sorting, top-k, unique.
#include "common.h"

namespace {
// ndims < 0 means "all dimensions".
bool all_dims(int ndims) { return ndims < 0; }
c10::optional<at::ScalarType> dtype_opt(int8_t dtype) {
    return dtype >= 0 ? c10::optional<at::ScalarType>(static_cast<at::ScalarType>(dtype)) : c10::nullopt;
}
std::vector<int64_t> every_dim(const at::Tensor& t) {
    std::vector<int64_t> v(t.dim());
    for (int64_t k = 0; k < t.dim(); ++k) v[k] = k;
    return v;
}
int64_t single_dim(const char* op, const int64_t* dims, int ndims) {
    if (ndims != 1) throw std::invalid_argument(std::string(op) + " reduces over one dimension at a time");
    return dims[0];
}

enum Reduce {
    SUM = 0, MEAN = 1, PROD = 2, AMAX = 3, AMIN = 4, LOGSUMEXP = 5, ALL = 6, ANY = 7, NANSUM = 8, NANMEAN = 9,
    COUNT_NONZERO = 10, MAX_ALL = 11, MIN_ALL = 12, MEDIAN_ALL = 13, NANMEDIAN_ALL = 14
};

at::Tensor reduce(int op, const at::Tensor& t, const int64_t* dims, int ndims, bool keepdim, int8_t dtype) {
    auto d = gt::dims(dims, ndims < 0 ? 0 : ndims);
    switch (op) {
        case SUM: return all_dims(ndims) ? at::sum(t, dtype_opt(dtype)) : at::sum(t, d, keepdim, dtype_opt(dtype));
        case MEAN: return all_dims(ndims) ? at::mean(t, dtype_opt(dtype)) : at::mean(t, d, keepdim, dtype_opt(dtype));
        case PROD:
            return all_dims(ndims) ? at::prod(t, dtype_opt(dtype))
                                   : at::prod(t, single_dim("prod", dims, ndims), keepdim, dtype_opt(dtype));
        case AMAX: return at::amax(t, d, keepdim);
        case AMIN: return at::amin(t, d, keepdim);
        case LOGSUMEXP: return all_dims(ndims) ? at::logsumexp(t, every_dim(t), keepdim) : at::logsumexp(t, d, keepdim);
        case ALL: return all_dims(ndims) ? at::all(t) : at::all(t, single_dim("all", dims, ndims), keepdim);
        case ANY: return all_dims(ndims) ? at::any(t) : at::any(t, single_dim("any", dims, ndims), keepdim);
        case NANSUM: return all_dims(ndims) ? at::nansum(t, at::IntArrayRef{}, false, dtype_opt(dtype))
                                            : at::nansum(t, d, keepdim, dtype_opt(dtype));
        case NANMEAN: return all_dims(ndims) ? at::nanmean(t, c10::nullopt, false, dtype_opt(dtype))
                                             : at::nanmean(t, d, keepdim, dtype_opt(dtype));
        case COUNT_NONZERO: return all_dims(ndims) ? at::count_nonzero(t, c10::nullopt) : at::count_nonzero(t, d);
        case MAX_ALL: return at::max(t);
        case MIN_ALL: return at::min(t);
        case MEDIAN_ALL: return at::median(t);
        case NANMEDIAN_ALL: return at::nanmedian(t);
    }
    throw std::invalid_argument("unknown reduction code " + std::to_string(op));
}
}  // namespace

GT_API TensorHandle gt_reduce(int op, TensorHandle t, const int64_t* dims, int ndims, bool keepdim, int8_t dtype) {
    GT_RETURN_TENSOR(reduce(op, *t, dims, ndims, keepdim, dtype));
}

// op 0 var, 1 std; ndims < 0 = all dims. With out2 != nullptr also returns the mean (var_mean / std_mean).
GT_API TensorHandle gt_var_std(int op, TensorHandle t, const int64_t* dims, int ndims, bool unbiased, bool keepdim,
                               TensorHandle* mean_out) {
    try {
        at::OptionalIntArrayRef d = ndims < 0 ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(gt::dims(dims, ndims));
        if (mean_out) {
            auto pair = op == 0 ? at::var_mean(*t, d, unbiased, keepdim) : at::std_mean(*t, d, unbiased, keepdim);
            *mean_out = gt::wrap(std::get<1>(pair));
            return gt::wrap(std::get<0>(pair));
        }
        return gt::wrap(op == 0 ? at::var(*t, d, unbiased, keepdim) : at::std(*t, d, unbiased, keepdim));
    }
    GT_CATCH_ALL(nullptr)
}

// Reductions along one dim returning (values, indices): 0 max, 1 min, 2 median, 3 mode, 4 kthvalue(k),
// 5 cummax, 6 cummin, 7 nanmedian. Returns 0 / -1; writes two new handles.
GT_API int gt_reduce_pair(int op, TensorHandle t, int64_t dim, bool keepdim, int64_t k, TensorHandle* out) {
    GT_TRY({
        std::tuple<at::Tensor, at::Tensor> r;
        switch (op) {
            case 0: r = at::max(*t, dim, keepdim); break;
            case 1: r = at::min(*t, dim, keepdim); break;
            case 2: r = at::median(*t, dim, keepdim); break;
            case 3: r = at::mode(*t, dim, keepdim); break;
            case 4: r = at::kthvalue(*t, k, dim, keepdim); break;
            case 5: r = at::cummax(*t, dim); break;
            case 6: r = at::cummin(*t, dim); break;
            case 7: r = at::nanmedian(*t, dim, keepdim); break;
            default: throw std::invalid_argument("unknown pair reduction code " + std::to_string(op));
        }
        out[0] = gt::wrap(std::get<0>(r));
        out[1] = gt::wrap(std::get<1>(r));
    });
}

// op 0 argmax, 1 argmin; has_dim false = over the flattened tensor.
GT_API TensorHandle gt_arg_reduce(int op, TensorHandle t, int64_t dim, bool has_dim, bool keepdim) {
    GT_RETURN_TENSOR(([&] {
        auto d = has_dim ? c10::optional<int64_t>(dim) : c10::nullopt;
        return op == 0 ? at::argmax(*t, d, keepdim) : at::argmin(*t, d, keepdim);
    })());
}

// Ops along one dim keeping the shape: 0 cumsum, 1 cumprod, 2 softmax, 3 log_softmax, 4 logcumsumexp.
GT_API TensorHandle gt_dim_op(int op, TensorHandle t, int64_t dim, int8_t dtype) {
    GT_RETURN_TENSOR(([&]() -> at::Tensor {
        switch (op) {
            case 0: return at::cumsum(*t, dim, dtype_opt(dtype));
            case 1: return at::cumprod(*t, dim, dtype_opt(dtype));
            case 2: return at::softmax(*t, dim, dtype_opt(dtype));
            case 3: return at::log_softmax(*t, dim, dtype_opt(dtype));
            case 4: return at::logcumsumexp(*t, dim);
        }
        throw std::invalid_argument("unknown dim op code " + std::to_string(op));
    })());
}

GT_API int gt_topk(TensorHandle t, int64_t k, int64_t dim, bool largest, bool sorted, TensorHandle* out) {
    GT_TRY({
        auto r = at::topk(*t, k, dim, largest, sorted);
        out[0] = gt::wrap(std::get<0>(r));
        out[1] = gt::wrap(std::get<1>(r));
    });
}

GT_API int gt_sort(TensorHandle t, int64_t dim, bool descending, bool stable, TensorHandle* out) {
    GT_TRY({
        auto r = at::sort(*t, stable, dim, descending);
        out[0] = gt::wrap(std::get<0>(r));
        out[1] = gt::wrap(std::get<1>(r));
    });
}

GT_API TensorHandle gt_argsort(TensorHandle t, int64_t dim, bool descending) { GT_RETURN_TENSOR(at::argsort(*t, dim, descending)); }
GT_API TensorHandle gt_msort(TensorHandle t) { GT_RETURN_TENSOR(at::msort(*t)); }

// out[0] values, out[1] inverse indices (if asked), out[2] counts (if asked); others null.
GT_API int gt_unique(TensorHandle t, bool sorted, bool return_inverse, bool return_counts, int64_t dim, bool has_dim,
                     TensorHandle* out) {
    GT_TRY({
        std::tuple<at::Tensor, at::Tensor, at::Tensor> r =
            has_dim ? at::unique_dim(*t, dim, sorted, return_inverse, return_counts)
                    : at::_unique2(*t, sorted, return_inverse, return_counts);
        out[0] = gt::wrap(std::get<0>(r));
        out[1] = return_inverse ? gt::wrap(std::get<1>(r)) : nullptr;
        out[2] = return_counts ? gt::wrap(std::get<2>(r)) : nullptr;
    });
}

GT_API int gt_unique_consecutive(TensorHandle t, bool return_inverse, bool return_counts, int64_t dim, bool has_dim,
                                 TensorHandle* out) {
    GT_TRY({
        auto r = at::unique_consecutive(*t, return_inverse, return_counts,
                                        has_dim ? c10::optional<int64_t>(dim) : c10::nullopt);
        out[0] = gt::wrap(std::get<0>(r));
        out[1] = return_inverse ? gt::wrap(std::get<1>(r)) : nullptr;
        out[2] = return_counts ? gt::wrap(std::get<2>(r)) : nullptr;
    });
}

GT_API TensorHandle gt_histc(TensorHandle t, int64_t bins, double min, double max) {
    GT_RETURN_TENSOR(at::histc(*t, bins, min, max));
}
GT_API TensorHandle gt_bincount(TensorHandle t, TensorHandle weights, int64_t minlength) {
    GT_RETURN_TENSOR(at::bincount(*t, gt::opt(weights), minlength));
}
GT_API TensorHandle gt_quantile(TensorHandle t, TensorHandle q, int64_t dim, bool has_dim, bool keepdim) {
    GT_RETURN_TENSOR(at::quantile(*t, *q, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim));
}
GT_API TensorHandle gt_diff(TensorHandle t, int64_t n, int64_t dim) { GT_RETURN_TENSOR(at::diff(*t, n, dim)); }

// Indexing with index tensors and masks, and Python-style indexing (x[..., 1:3, idx]) for get and set.
#include "common.h"

#include <ATen/TensorIndexing.h>

GT_API TensorHandle gt_index_select(TensorHandle t, int64_t dim, TensorHandle index) { GT_RETURN_TENSOR(at::index_select(*t, dim, *index)); }
GT_API TensorHandle gt_gather(TensorHandle t, int64_t dim, TensorHandle index) { GT_RETURN_TENSOR(at::gather(*t, dim, *index)); }
GT_API TensorHandle gt_take(TensorHandle t, TensorHandle index) { GT_RETURN_TENSOR(at::take(*t, *index)); }
GT_API TensorHandle gt_take_along_dim(TensorHandle t, TensorHandle index, int64_t dim, bool has_dim) {
    GT_RETURN_TENSOR(at::take_along_dim(*t, *index, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt));
}

// Scatter family. op: 0 scatter(src), 1 scatter_add(src), 2 scatter(value); inplace writes into t.
GT_API TensorHandle gt_scatter(int op, TensorHandle t, int64_t dim, TensorHandle index, TensorHandle src, GtScalar value,
                               bool inplace) {
    try {
        switch (op) {
            case 0:
                if (inplace) { t->scatter_(dim, *index, *src); return gt::wrap(*t); }
                return gt::wrap(at::scatter(*t, dim, *index, *src));
            case 1:
                if (inplace) { t->scatter_add_(dim, *index, *src); return gt::wrap(*t); }
                return gt::wrap(at::scatter_add(*t, dim, *index, *src));
            case 2:
                if (inplace) { t->scatter_(dim, *index, gt::to_scalar(value)); return gt::wrap(*t); }
                return gt::wrap(at::scatter(*t, dim, *index, gt::to_scalar(value)));
        }
        throw std::invalid_argument("unknown scatter op code " + std::to_string(op));
    }
    GT_CATCH_ALL(nullptr)
}

GT_API TensorHandle gt_scatter_reduce(TensorHandle t, int64_t dim, TensorHandle index, TensorHandle src, const char* reduce,
                                      bool include_self) {
    GT_RETURN_TENSOR(at::scatter_reduce(*t, dim, *index, *src, reduce, include_self));
}

// op: 0 index_add(source, alpha), 1 index_copy(source), 2 index_fill(value)
GT_API TensorHandle gt_index_update(int op, TensorHandle t, int64_t dim, TensorHandle index, TensorHandle source,
                                    GtScalar value, bool inplace) {
    try {
        auto s = gt::to_scalar(value);
        switch (op) {
            case 0:
                if (inplace) { t->index_add_(dim, *index, *source, s); return gt::wrap(*t); }
                return gt::wrap(at::index_add(*t, dim, *index, *source, s));
            case 1:
                if (inplace) { t->index_copy_(dim, *index, *source); return gt::wrap(*t); }
                return gt::wrap(at::index_copy(*t, dim, *index, *source));
            case 2:
                if (inplace) { t->index_fill_(dim, *index, s); return gt::wrap(*t); }
                return gt::wrap(at::index_fill(*t, dim, *index, s));
        }
        throw std::invalid_argument("unknown index update op code " + std::to_string(op));
    }
    GT_CATCH_ALL(nullptr)
}

GT_API TensorHandle gt_masked_fill(TensorHandle t, TensorHandle mask, GtScalar value) {
    GT_RETURN_TENSOR(at::masked_fill(*t, *mask, gt::to_scalar(value)));
}
GT_API int gt_masked_fill_(TensorHandle t, TensorHandle mask, GtScalar value) { GT_TRY(t->masked_fill_(*mask, gt::to_scalar(value))); }
GT_API TensorHandle gt_masked_fill_t(TensorHandle t, TensorHandle mask, TensorHandle value) {
    GT_RETURN_TENSOR(at::masked_fill(*t, *mask, *value));
}
GT_API TensorHandle gt_masked_select(TensorHandle t, TensorHandle mask) { GT_RETURN_TENSOR(at::masked_select(*t, *mask)); }
GT_API TensorHandle gt_masked_scatter(TensorHandle t, TensorHandle mask, TensorHandle source) {
    GT_RETURN_TENSOR(at::masked_scatter(*t, *mask, *source));
}
GT_API TensorHandle gt_nonzero(TensorHandle t) { GT_RETURN_TENSOR(at::nonzero(*t)); }
GT_API TensorHandle gt_argwhere(TensorHandle t) { GT_RETURN_TENSOR(at::argwhere(*t)); }
GT_API TensorHandle gt_one_hot(TensorHandle t, int64_t num_classes) { GT_RETURN_TENSOR(at::one_hot(*t, num_classes)); }
GT_API TensorHandle gt_isin(TensorHandle elements, TensorHandle test, bool invert) {
    GT_RETURN_TENSOR(at::isin(*elements, *test, false, invert));
}
GT_API TensorHandle gt_bucketize(TensorHandle t, TensorHandle boundaries, bool out_int32, bool right) {
    GT_RETURN_TENSOR(at::bucketize(*t, *boundaries, out_int32, right));
}
GT_API TensorHandle gt_searchsorted(TensorHandle sorted, TensorHandle values, bool out_int32, bool right) {
    GT_RETURN_TENSOR(at::searchsorted(*sorted, *values, out_int32, right));
}

// ---- Python-style indexing -------------------------------------------------------------
// One index per position, described by kind:
//   0 None (new axis), 1 Ellipsis, 2 integer (starts[k]), 3 boolean (starts[k] != 0),
//   4 slice (starts/stops/steps[k]; missing bounds are passed as 0 / INT64_MAX / 1), 5 tensor (tensors[k]).
namespace {
std::vector<at::indexing::TensorIndex> indices(const int32_t* kinds, const int64_t* starts, const int64_t* stops,
                                               const int64_t* steps, const TensorHandle* tensors, int n) {
    using namespace at::indexing;
    std::vector<TensorIndex> v;
    v.reserve(n);
    for (int k = 0; k < n; ++k) {
        switch (kinds[k]) {
            case 0: v.emplace_back(None); break;
            case 1: v.emplace_back(Ellipsis); break;
            case 2: v.emplace_back(starts[k]); break;
            case 3: v.emplace_back(starts[k] != 0); break;
            case 4: v.emplace_back(Slice(starts[k], stops[k], steps[k])); break;
            case 5: v.emplace_back(*tensors[k]); break;
            default: throw std::invalid_argument("unknown index kind " + std::to_string(kinds[k]));
        }
    }
    return v;
}
}  // namespace

GT_API TensorHandle gt_index(TensorHandle t, const int32_t* kinds, const int64_t* starts, const int64_t* stops,
                             const int64_t* steps, const TensorHandle* tensors, int n) {
    GT_RETURN_TENSOR(t->index(indices(kinds, starts, stops, steps, tensors, n)));
}

GT_API int gt_index_put_(TensorHandle t, const int32_t* kinds, const int64_t* starts, const int64_t* stops,
                         const int64_t* steps, const TensorHandle* tensors, int n, TensorHandle value) {
    GT_TRY(t->index_put_(indices(kinds, starts, stops, steps, tensors, n), *value));
}

GT_API int gt_index_put_scalar_(TensorHandle t, const int32_t* kinds, const int64_t* starts, const int64_t* stops,
                                const int64_t* steps, const TensorHandle* tensors, int n, GtScalar value) {
    GT_TRY(t->index_put_(indices(kinds, starts, stops, steps, tensors, n), gt::to_scalar(value)));
}

// index_put_ with a list of index tensors (torch.index_put_ / Tensor.index_put_(indices, values, accumulate)).
GT_API int gt_index_put_tensors_(TensorHandle t, const TensorHandle* idx, int n, TensorHandle values, bool accumulate) {
    GT_TRY({
        c10::List<c10::optional<at::Tensor>> list;
        for (int k = 0; k < n; ++k) list.push_back(idx[k] ? c10::optional<at::Tensor>(*idx[k]) : c10::nullopt);
        t->index_put_(list, *values, accumulate);
    });
}

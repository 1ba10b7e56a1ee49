// Views and reshaping, joining and splitting (PyTorch docs: "Indexing, Slicing, Joining, Mutating Ops").
#include "common.h"

// Ops taking one list of ints: 0 view, 1 reshape, 2 expand, 3 repeat, 4 permute, 5 flip, 6 tile, 7 broadcast_to.
GT_API TensorHandle gt_shape_op(int op, TensorHandle t, const int64_t* dims, int n) {
    GT_RETURN_TENSOR(([&]() -> at::Tensor {
        auto d = gt::dims(dims, n);
        switch (op) {
            case 0: return t->view(d);
            case 1: return t->reshape(d);
            case 2: return t->expand(d);
            case 3: return t->repeat(d);
            case 4: return t->permute(d);
            case 5: return t->flip(d);
            case 6: return t->tile(d);
            case 7: return t->broadcast_to(d);
        }
        throw std::invalid_argument("unknown shape op code " + std::to_string(op));
    })());
}

GT_API TensorHandle gt_transpose(TensorHandle t, int64_t d0, int64_t d1) { GT_RETURN_TENSOR(t->transpose(d0, d1)); }
GT_API int gt_transpose_(TensorHandle t, int64_t d0, int64_t d1) { GT_TRY(t->transpose_(d0, d1)); }
GT_API TensorHandle gt_t(TensorHandle t) { GT_RETURN_TENSOR(t->t()); }
GT_API TensorHandle gt_squeeze(TensorHandle t, int64_t dim, bool has_dim) {
    GT_RETURN_TENSOR(has_dim ? t->squeeze(dim) : t->squeeze());
}
GT_API int gt_squeeze_(TensorHandle t, int64_t dim, bool has_dim) { GT_TRY(has_dim ? t->squeeze_(dim) : t->squeeze_()); }
GT_API TensorHandle gt_unsqueeze(TensorHandle t, int64_t dim) { GT_RETURN_TENSOR(t->unsqueeze(dim)); }
GT_API int gt_unsqueeze_(TensorHandle t, int64_t dim) { GT_TRY(t->unsqueeze_(dim)); }
GT_API TensorHandle gt_flatten(TensorHandle t, int64_t start, int64_t end) { GT_RETURN_TENSOR(t->flatten(start, end)); }
GT_API TensorHandle gt_unflatten(TensorHandle t, int64_t dim, const int64_t* sizes, int n) {
    GT_RETURN_TENSOR(t->unflatten(dim, gt::dims(sizes, n)));
}
GT_API TensorHandle gt_narrow(TensorHandle t, int64_t dim, int64_t start, int64_t length) {
    GT_RETURN_TENSOR(t->narrow(dim, start, length));
}
GT_API TensorHandle gt_select(TensorHandle t, int64_t dim, int64_t index) { GT_RETURN_TENSOR(t->select(dim, index)); }
GT_API TensorHandle gt_slice(TensorHandle t, int64_t dim, int64_t start, int64_t end, int64_t step) {
    GT_RETURN_TENSOR(t->slice(dim, start, end, step));
}
GT_API TensorHandle gt_movedim(TensorHandle t, const int64_t* src, const int64_t* dst, int n) {
    GT_RETURN_TENSOR(t->movedim(gt::dims(src, n), gt::dims(dst, n)));
}
GT_API TensorHandle gt_diagonal(TensorHandle t, int64_t offset, int64_t d1, int64_t d2) {
    GT_RETURN_TENSOR(t->diagonal(offset, d1, d2));
}
GT_API TensorHandle gt_diag(TensorHandle t, int64_t diagonal) { GT_RETURN_TENSOR(at::diag(*t, diagonal)); }
GT_API TensorHandle gt_diag_embed(TensorHandle t, int64_t offset, int64_t d1, int64_t d2) {
    GT_RETURN_TENSOR(at::diag_embed(*t, offset, d1, d2));
}
// op 0 tril, 1 triu
GT_API TensorHandle gt_tri(int op, TensorHandle t, int64_t diagonal) {
    GT_RETURN_TENSOR(op == 0 ? at::tril(*t, diagonal) : at::triu(*t, diagonal));
}
GT_API int gt_tri_(int op, TensorHandle t, int64_t diagonal) { GT_TRY(op == 0 ? t->tril_(diagonal) : t->triu_(diagonal)); }
GT_API TensorHandle gt_roll(TensorHandle t, const int64_t* shifts, int nshifts, const int64_t* dims, int ndims) {
    GT_RETURN_TENSOR(at::roll(*t, gt::dims(shifts, nshifts), gt::dims(dims, ndims)));
}
GT_API TensorHandle gt_unfold(TensorHandle t, int64_t dim, int64_t size, int64_t step) {
    GT_RETURN_TENSOR(t->unfold(dim, size, step));
}
GT_API TensorHandle gt_repeat_interleave(TensorHandle t, int64_t repeats, int64_t dim, bool has_dim) {
    GT_RETURN_TENSOR(at::repeat_interleave(*t, repeats, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt));
}
GT_API TensorHandle gt_repeat_interleave_t(TensorHandle t, TensorHandle repeats, int64_t dim, bool has_dim) {
    GT_RETURN_TENSOR(at::repeat_interleave(*t, *repeats, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt));
}
GT_API TensorHandle gt_rot90(TensorHandle t, int64_t k, int64_t d0, int64_t d1) {
    GT_RETURN_TENSOR(at::rot90(*t, k, {d0, d1}));
}

// Splitting into several tensors. ints/nints depend on op:
//   0 chunk(ints[0] chunks), 1 split(ints[0] = size), 2 split(ints = sizes), 3 unbind,
//   4 tensor_split(ints[0] sections), 5 tensor_split(ints = indices).
// Writes up to `capacity` new handles into out; returns their count, or -1 on error.
GT_API int gt_split(int op, TensorHandle t, const int64_t* ints, int nints, int64_t dim, TensorHandle* out, int capacity) {
    try {
        std::vector<at::Tensor> parts;
        switch (op) {
            case 0: parts = t->chunk(ints[0], dim); break;
            case 1: parts = t->split(ints[0], dim); break;
            case 2: parts = t->split_with_sizes(gt::dims(ints, nints), dim); break;
            case 3: parts = t->unbind(dim); break;
            case 4: parts = t->tensor_split(ints[0], dim); break;
            case 5: parts = t->tensor_split(gt::dims(ints, nints), dim); break;
            default: throw std::invalid_argument("unknown split op code " + std::to_string(op));
        }
        if ((int)parts.size() > capacity)
            throw std::runtime_error("split produced more parts than expected (" + std::to_string(parts.size()) + ")");
        for (size_t k = 0; k < parts.size(); ++k) out[k] = gt::wrap(parts[k]);
        return (int)parts.size();
    }
    GT_CATCH_ALL(-1)
}

// Joining: 0 cat, 1 stack, 2 hstack, 3 vstack, 4 dstack, 5 column_stack.
GT_API TensorHandle gt_join(int op, const TensorHandle* ts, int n, int64_t dim) {
    GT_RETURN_TENSOR(([&]() -> at::Tensor {
        auto v = gt::tensors(ts, n);
        switch (op) {
            case 0: return at::cat(v, dim);
            case 1: return at::stack(v, dim);
            case 2: return at::hstack(v);
            case 3: return at::vstack(v);
            case 4: return at::dstack(v);
            case 5: return at::column_stack(v);
        }
        throw std::invalid_argument("unknown join op code " + std::to_string(op));
    })());
}

// Several in, several out: 0 broadcast_tensors, 1 meshgrid(indexing "ij"), 2 meshgrid("xy"). Writes n handles.
GT_API int gt_multi(int op, const TensorHandle* ts, int n, TensorHandle* out) {
    GT_TRY({
        auto v = gt::tensors(ts, n);
        std::vector<at::Tensor> r;
        switch (op) {
            case 0: r = at::broadcast_tensors(v); break;
            case 1: r = at::meshgrid(v, "ij"); break;
            case 2: r = at::meshgrid(v, "xy"); break;
            default: throw std::invalid_argument("unknown multi op code " + std::to_string(op));
        }
        for (size_t k = 0; k < r.size(); ++k) out[k] = gt::wrap(r[k]);
    });
}

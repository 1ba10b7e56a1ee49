// Linear algebra: products, einsum, norms and decompositions (PyTorch docs: "BLAS and LAPACK Operations", torch.linalg).
#include "common.h"

// Products of two tensors: 0 mm, 1 bmm, 2 outer, 3 dot, 4 mv, 5 kron, 6 inner, 7 vdot, 8 cross (last dim), 9 linalg.solve.
GT_API TensorHandle gt_product(int op, TensorHandle a, TensorHandle b) {
    GT_RETURN_TENSOR(([&]() -> at::Tensor {
        switch (op) {
            case 0: return at::mm(*a, *b);
            case 1: return at::bmm(*a, *b);
            case 2: return at::outer(*a, *b);
            case 3: return at::dot(*a, *b);
            case 4: return at::mv(*a, *b);
            case 5: return at::kron(*a, *b);
            case 6: return at::inner(*a, *b);
            case 7: return at::vdot(*a, *b);
            case 8: return at::linalg_cross(*a, *b);
            case 9: return at::linalg_solve(*a, *b);
        }
        throw std::invalid_argument("unknown product op code " + std::to_string(op));
    })());
}

// beta * t + alpha * (a @ b): 0 addmm, 1 baddbmm, 2 addbmm, 3 addmv, 4 addr
GT_API TensorHandle gt_addmm_family(int op, TensorHandle t, TensorHandle a, TensorHandle b, GtScalar beta, GtScalar alpha) {
    GT_RETURN_TENSOR(([&]() -> at::Tensor {
        auto be = gt::to_scalar(beta), al = gt::to_scalar(alpha);
        switch (op) {
            case 0: return at::addmm(*t, *a, *b, be, al);
            case 1: return at::baddbmm(*t, *a, *b, be, al);
            case 2: return at::addbmm(*t, *a, *b, be, al);
            case 3: return at::addmv(*t, *a, *b, be, al);
            case 4: return at::addr(*t, *a, *b, be, al);
        }
        throw std::invalid_argument("unknown addmm op code " + std::to_string(op));
    })());
}

GT_API TensorHandle gt_einsum(const char* equation, const TensorHandle* ts, int n) {
    GT_RETURN_TENSOR(at::einsum(equation, gt::tensors(ts, n)));
}
GT_API TensorHandle gt_tensordot(TensorHandle a, TensorHandle b, const int64_t* da, const int64_t* db, int n) {
    GT_RETURN_TENSOR(at::tensordot(*a, *b, gt::dims(da, n), gt::dims(db, n)));
}

// Single-input linear algebra: 0 inverse, 1 det, 2 cholesky(lower), 3 pinv, 4 matrix_exp, 5 trace,
// 6 svdvals, 7 logdet, 8 linalg.eigvals (complex) 9 cholesky(upper)
GT_API TensorHandle gt_linalg_unary(int op, TensorHandle t) {
    GT_RETURN_TENSOR(([&]() -> at::Tensor {
        switch (op) {
            case 0: return at::linalg_inv(*t);
            case 1: return at::linalg_det(*t);
            case 2: return at::linalg_cholesky(*t);
            case 3: return at::linalg_pinv(*t);
            case 4: return at::linalg_matrix_exp(*t);
            case 5: return at::trace(*t);
            case 6: return at::linalg_svdvals(*t);
            case 7: return at::logdet(*t);
            case 8: return at::linalg_eigvals(*t);
            case 9: return at::linalg_cholesky(*t, true);
        }
        throw std::invalid_argument("unknown linalg op code " + std::to_string(op));
    })());
}

GT_API TensorHandle gt_matrix_power(TensorHandle t, int64_t n) { GT_RETURN_TENSOR(at::linalg_matrix_power(*t, n)); }

// linalg.norm / vector_norm / matrix_norm. kind 0 linalg.norm with numeric ord (has_ord false = default),
// 1 linalg.norm with string ord ("fro", "nuc"), 2 vector_norm(ord), 3 matrix_norm(numeric), 4 matrix_norm(string).
GT_API TensorHandle gt_norm(int kind, TensorHandle t, double ord, bool has_ord, const char* ord_str, const int64_t* dims,
                            int ndims, bool keepdim) {
    GT_RETURN_TENSOR(([&]() -> at::Tensor {
        at::OptionalIntArrayRef d = ndims < 0 ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(gt::dims(dims, ndims));
        switch (kind) {
            case 0: return at::linalg_norm(*t, has_ord ? c10::optional<at::Scalar>(ord) : c10::nullopt, d, keepdim);
            case 1: return at::linalg_norm(*t, c10::string_view(ord_str), d, keepdim);
            case 2: return at::linalg_vector_norm(*t, ord, d, keepdim);
            case 3: return at::linalg_matrix_norm(*t, ord, ndims < 0 ? at::IntArrayRef({-2, -1}) : gt::dims(dims, ndims), keepdim);
            case 4: return at::linalg_matrix_norm(*t, c10::string_view(ord_str), ndims < 0 ? at::IntArrayRef({-2, -1}) : gt::dims(dims, ndims), keepdim);
        }
        throw std::invalid_argument("unknown norm kind " + std::to_string(kind));
    })());
}

// Decompositions writing several handles:
//   0 eigh(uplo) -> (eigenvalues, eigenvectors); 1 svd(full_matrices) -> (U, S, Vh); 2 qr(mode) -> (Q, R);
//   3 slogdet -> (sign, logabsdet); 4 eig -> (values, vectors); 5 lu_factor? (not provided)
GT_API int gt_decompose(int op, TensorHandle t, const char* option, bool flag, TensorHandle* out) {
    GT_TRY({
        switch (op) {
            case 0: {
                auto r = at::linalg_eigh(*t, option ? option : "L");
                out[0] = gt::wrap(std::get<0>(r));
                out[1] = gt::wrap(std::get<1>(r));
                break;
            }
            case 1: {
                auto r = at::linalg_svd(*t, flag);
                out[0] = gt::wrap(std::get<0>(r));
                out[1] = gt::wrap(std::get<1>(r));
                out[2] = gt::wrap(std::get<2>(r));
                break;
            }
            case 2: {
                auto r = at::linalg_qr(*t, option ? option : "reduced");
                out[0] = gt::wrap(std::get<0>(r));
                out[1] = gt::wrap(std::get<1>(r));
                break;
            }
            case 3: {
                auto r = at::linalg_slogdet(*t);
                out[0] = gt::wrap(std::get<0>(r));
                out[1] = gt::wrap(std::get<1>(r));
                break;
            }
            case 4: {
                auto r = at::linalg_eig(*t);
                out[0] = gt::wrap(std::get<0>(r));
                out[1] = gt::wrap(std::get<1>(r));
                break;
            }
            default: throw std::invalid_argument("unknown decomposition code " + std::to_string(op));
        }
    });
}

GT_API TensorHandle gt_eigvalsh(TensorHandle t, const char* uplo) { GT_RETURN_TENSOR(at::linalg_eigvalsh(*t, uplo)); }
GT_API TensorHandle gt_cdist(TensorHandle a, TensorHandle b, double p) { GT_RETURN_TENSOR(at::cdist(*a, *b, p)); }
GT_API TensorHandle gt_dist(TensorHandle a, TensorHandle b, double p) { GT_RETURN_TENSOR(at::dist(*a, *b, p)); }
GT_API TensorHandle gt_matrix_rank(TensorHandle t, bool hermitian) { GT_RETURN_TENSOR(at::linalg_matrix_rank(*t, c10::nullopt, false, hermitian)); }
GT_API TensorHandle gt_lstsq_solution(TensorHandle a, TensorHandle b) { GT_RETURN_TENSOR(std::get<0>(at::linalg_lstsq(*a, *b))); }

// The hot binary ops used by C# operators; each is its own entry point so that
// `a + b` costs one direct call.
#include "common.h"

GT_API TensorHandle gt_add(TensorHandle a, TensorHandle b, GtScalar alpha) { GT_RETURN_TENSOR(at::add(*a, *b, gt::to_scalar(alpha))); }
GT_API TensorHandle gt_add_scalar(TensorHandle a, GtScalar b, GtScalar alpha) {
    GT_RETURN_TENSOR(at::add(*a, gt::to_scalar(b), gt::to_scalar(alpha)));
}
GT_API TensorHandle gt_matmul(TensorHandle a, TensorHandle b) { GT_RETURN_TENSOR(at::matmul(*a, *b)); }
GT_API TensorHandle gt_sum(TensorHandle t, int8_t dtype) {
    GT_RETURN_TENSOR(dtype >= 0 ? at::sum(*t, static_cast<at::ScalarType>(dtype)) : at::sum(*t));
}

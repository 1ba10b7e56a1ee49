// Autograd: backward, grad access, grad mode guards, autograd.grad.
#include "common.h"

#include <torch/csrc/autograd/autograd.h>

// grad may be null (implicit 1 for scalars). inputs (may be empty) limit accumulation.
GT_API int gt_backward(TensorHandle t, TensorHandle grad, bool retain_graph, bool create_graph) {
    GT_TRY(t->backward(grad ? *grad : at::Tensor(), retain_graph, create_graph));
}

// Returns the .grad tensor, or nullptr *without* an error when there is none.
GT_API TensorHandle gt_grad(TensorHandle t, bool* has_error) {
    *has_error = false;
    try {
        auto g = t->grad();
        if (!g.defined()) return nullptr;
        return gt::wrap(g);
    } catch (const c10::Error& e) {
        gt::set_error(e.what_without_backtrace());
    } catch (const std::exception& e) {
        gt::set_error(e.what());
    } catch (...) {
        gt::set_error("unknown native error in libtorch shim");
    }
    *has_error = true;
    return nullptr;
}

GT_API int gt_set_grad(TensorHandle t, TensorHandle grad) { GT_TRY(t->mutable_grad() = grad ? *grad : at::Tensor()); }

GT_API bool gt_is_grad_enabled() { return at::GradMode::is_enabled(); }
GT_API void gt_set_grad_enabled(bool enabled) { at::GradMode::set_enabled(enabled); }

// torch.autograd.backward over several roots. retain_graph: -1 = default (= create_graph).
GT_API int gt_autograd_backward(const TensorHandle* tensors, int n, const TensorHandle* grads, int ngrads, int retain_graph,
                                bool create_graph, const TensorHandle* inputs, int ninputs) {
    GT_TRY({
        c10::optional<bool> retain = retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0);
        torch::autograd::backward(gt::tensors(tensors, n), gt::tensors(grads, ngrads), retain, create_graph,
                                  gt::tensors(inputs, ninputs));
    });
}

// torch.autograd.grad: writes one new handle per input into `results` (nullptr for an
// unused input when allow_unused).
GT_API int gt_autograd_grad(const TensorHandle* outputs, int n, const TensorHandle* inputs, int ninputs, const TensorHandle* grad_outputs,
                            int ngrad_outputs, bool retain_graph, bool create_graph, bool allow_unused, TensorHandle* results) {
    GT_TRY({
        auto grads = torch::autograd::grad(gt::tensors(outputs, n), gt::tensors(inputs, ninputs),
                                           gt::tensors(grad_outputs, ngrad_outputs), retain_graph, create_graph,
                                           allow_unused);
        for (size_t k = 0; k < grads.size(); ++k) results[k] = grads[k].defined() ? gt::wrap(grads[k]) : nullptr;
    });
}

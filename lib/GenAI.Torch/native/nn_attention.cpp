// Native entry point for multi-head attention: libtorch's own
// multi_head_attention_forward (the function PyTorch's nn.MultiheadAttention
// calls), so projections, masking, softmax and dropout are PyTorch's.
#include "common.h"

#include <torch/nn/functional/activation.h>

// query (L, N, E), key/value (S, N, E). Masks may be null. attn_weights receives the
// head-averaged attention weights (N, L, S) when need_weights, else null.
GT_API TensorHandle gt_nn_multi_head_attention(TensorHandle query, TensorHandle key, TensorHandle value, int64_t embed_dim, int64_t num_heads,
                                         TensorHandle in_proj_weight, TensorHandle in_proj_bias, TensorHandle bias_k, TensorHandle bias_v,
                                         bool add_zero_attn, double dropout, TensorHandle out_proj_weight,
                                         TensorHandle out_proj_bias, bool training, TensorHandle key_padding_mask, bool need_weights,
                                         TensorHandle attn_mask, TensorHandle* attn_weights) {
    GT_RETURN_TENSOR(([&] {
        namespace F = torch::nn::functional;
        auto options = F::MultiheadAttentionForwardFuncOptions(
                           embed_dim, num_heads, *in_proj_weight, in_proj_bias ? *in_proj_bias : at::Tensor(),
                           bias_k ? *bias_k : at::Tensor(), bias_v ? *bias_v : at::Tensor(), add_zero_attn, dropout,
                           *out_proj_weight, out_proj_bias ? *out_proj_bias : at::Tensor())
                           .training(training)
                           .need_weights(need_weights);
        if (key_padding_mask) options.key_padding_mask(*key_padding_mask);
        if (attn_mask) options.attn_mask(*attn_mask);
        auto result = F::multi_head_attention_forward(*query, *key, *value, options);
        auto weights = std::get<1>(result);
        *attn_weights = weights.defined() ? gt::wrap(weights) : nullptr;
        return std::get<0>(result);
    })());
}

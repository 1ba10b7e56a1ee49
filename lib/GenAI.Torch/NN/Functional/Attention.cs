// scaled_dot_product_attention: softmax(Q K^T / sqrt(d) + mask) V, composed from libtorch
// ops (matmul, masked_fill, softmax, dropout) as PyTorch 2.x defines it. Debian's libtorch
// 1.13 has no public fused kernel for it, so this form runs the same on 1.13 and 2.x.
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Attention of query (..., L, E) over key (..., S, E) and value (..., S, Ev).
            /// attn_mask: boolean (true = may attend) or additive float, broadcastable to (..., L, S).
            /// is_casual (TorchSharp's spelling) masks the future: position i attends to j &lt;= i.
            /// p: dropout on the attention weights.
            /// </summary>
            public static Tensor scaled_dot_product_attention(Tensor query, Tensor key, Tensor value, Tensor? attn_mask = null, double p = 0,
                bool is_casual = false)
            {
                if (query.dim() < 2 || key.dim() < 2 || value.dim() < 2)
                    throw new ArgumentException($"scaled_dot_product_attention needs at least 2-D query, key and value, got {Module.ShapeText(query.shape)}, {Module.ShapeText(key.shape)}, {Module.ShapeText(value.shape)}");
                if (query.shape[^1] != key.shape[^1])
                    throw new ArgumentException($"scaled_dot_product_attention: query and key must have the same last dimension, got {Module.ShapeText(query.shape)} and {Module.ShapeText(key.shape)}");
                using var scope = NewDisposeScope();
                long l = query.shape[^2], s = key.shape[^2];
                double scale = 1.0 / Math.Sqrt(query.shape[^1]);
                // scores = Q K^T / sqrt(d)
                var scores = query.matmul(key.transpose(-2, -1)).mul(scale);
                if (is_casual)
                {
                    var allowed = torch.ones(new[] { l, s }, ScalarType.Bool, query.device).tril();
                    scores = scores.masked_fill(allowed.logical_not(), double.NegativeInfinity);
                }
                if (attn_mask is not null)
                    scores = attn_mask.dtype == ScalarType.Bool
                        ? scores.masked_fill(attn_mask.logical_not(), double.NegativeInfinity)
                        : scores.add(attn_mask);
                var weights = softmax(scores, -1);
                if (p > 0) weights = dropout(weights, p, training: true);
                return weights.matmul(value).MoveToOuterDisposeScope();
            }
        }
    }
}

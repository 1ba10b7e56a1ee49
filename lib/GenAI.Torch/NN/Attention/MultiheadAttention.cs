// MultiheadAttention: softmax(Q K^T / sqrt(d_head)) V in num_heads heads of size
// embed_dim / num_heads, with learned input projections (in_proj_weight stacks W_q,
// W_k, W_v) and an output projection. Inputs are (L, N, E) / (S, N, E), as in PyTorch.
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class MultiheadAttention : torch.nn.Module<Tensor, Tensor, Tensor, Tensor?, bool, Tensor?, Tuple<Tensor, Tensor?>>
    {
        private readonly long _embedDim;
        private readonly long _numHeads;
        private readonly double _dropout;
        private readonly bool _addZeroAttn;

        internal MultiheadAttention(long embedded_dim, long num_heads, double dropout, bool bias, bool add_bias_kv, bool add_zero_attn,
            long? kdim, long? vdim) : base(nameof(MultiheadAttention))
        {
            if (num_heads <= 0 || embedded_dim % num_heads != 0)
                throw new ArgumentException($"MultiheadAttention: embed_dim ({embedded_dim}) must be divisible by num_heads ({num_heads})");
            if ((kdim ?? embedded_dim) != embedded_dim || (vdim ?? embedded_dim) != embedded_dim)
                throw new ArgumentException("MultiheadAttention: kdim/vdim different from embed_dim are not supported by this engine");
            if (add_bias_kv)
                throw new ArgumentException("MultiheadAttention: add_bias_kv is not supported by this engine");
            _embedDim = embedded_dim;
            _numHeads = num_heads;
            _dropout = dropout;
            _addZeroAttn = add_zero_attn;

            // Same creation and initialisation order as PyTorch: the output projection is a Linear
            // (initialised when built), then xavier_uniform_ on the stacked input projection, zero biases.
            in_proj_weight = NNInterop.EmptyParameter(new[] { 3 * embedded_dim, embedded_dim }, null, null);
            if (bias) in_proj_bias = NNInterop.EmptyParameter(new[] { 3 * embedded_dim }, null, null);
            out_proj = torch.nn.Linear(embedded_dim, embedded_dim, bias);
            register_module(nameof(out_proj), out_proj);
            torch.nn.init.xavier_uniform_(in_proj_weight);
            if (in_proj_bias is not null) torch.nn.init.zeros_(in_proj_bias);
            if (out_proj.bias is not null) torch.nn.init.zeros_(out_proj.bias);
        }

        public Parameter in_proj_weight
        {
            get => _inProjWeight!;
            set { _inProjWeight = value; ConditionallyRegisterParameter(nameof(in_proj_weight), value); }
        }

        public Parameter? in_proj_bias
        {
            get => _inProjBias;
            set { _inProjBias = value; ConditionallyRegisterParameter(nameof(in_proj_bias), value); }
        }

        public Linear out_proj { get; }

        public override Tuple<Tensor, Tensor?> call(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask = null, bool need_weights = true,
            Tensor? attn_mask = null) => base.call(query, key, value, key_padding_mask, need_weights, attn_mask);

        /// <summary>Returns (attention output (L, N, E), head-averaged attention weights (N, L, S) or null without need_weights).</summary>
        public override unsafe Tuple<Tensor, Tensor?> forward(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask, bool need_weights,
            Tensor? attn_mask)
        {
            IntPtr weights = IntPtr.Zero;
            var r = NativeMethods.gt_nn_multi_head_attention(query.Handle, key.Handle, value.Handle, _embedDim, _numHeads,
                in_proj_weight.Handle, NNInterop.H(in_proj_bias), IntPtr.Zero, IntPtr.Zero, _addZeroAttn, _dropout,
                out_proj.weight.Handle, NNInterop.H(out_proj.bias), training, NNInterop.H(key_padding_mask), need_weights,
                NNInterop.H(attn_mask), &weights);
            GC.KeepAlive(query); GC.KeepAlive(key); GC.KeepAlive(value); GC.KeepAlive(key_padding_mask); GC.KeepAlive(attn_mask);
            GC.KeepAlive(this);
            var output = NNInterop.Wrap(r);
            return Tuple.Create(output, weights == IntPtr.Zero ? null : NNInterop.Wrap(weights));
        }

        private Parameter? _inProjWeight;
        private Parameter? _inProjBias;
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static MultiheadAttention MultiheadAttention(long embedded_dim, long num_heads, double dropout = 0, bool bias = true,
                bool add_bias_kv = false, bool add_zero_attn = false, long? kdim = null, long? vdim = null) =>
                new(embedded_dim, num_heads, dropout, bias, add_bias_kv, add_zero_attn, kdim, vdim);
        }
    }
}

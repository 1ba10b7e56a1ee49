using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Transformers;

/// <summary>
/// Multi-head attention, the one every transformer in the course uses (Vaswani et al., 2017):
/// MultiHead(Q, K, V) = concat(head_1, ..., head_h) W_O with head_i = softmax(Q W_Q,i (K W_K,i)^T / sqrt(d_head) + M) V W_V,i.
/// Self-attention takes queries, keys and values from one sequence; cross-attention takes the queries from one
/// (the decoder) and the keys and values from another (the encoder's output, the "memory").
/// <para>
/// <see cref="KvHeads"/> K/V heads serve the <see cref="Heads"/> query heads (Ainslie et al., 2023): KvHeads = Heads is
/// ordinary multi-head attention (MHA), KvHeads = 1 multi-query attention (MQA, Shazeer, 2019), anything between is
/// grouped-query attention (GQA): each group of Heads / KvHeads query heads shares one K/V head, so the KV cache is smaller.
/// </para>
/// <para>
/// Masks are bool, true = may attend, broadcastable to the scores [B, Heads, Tq, Tk] (see <see cref="AttentionMasks"/>).
/// Without returned weights the fused kernel <c>scaled_dot_product_attention</c> computes the heads; with them,
/// <see cref="DotProductAttention.Compute"/> (the same formula written out; the tests check that both agree).
/// </para>
/// </summary>
public sealed class MultiHeadAttention : nn.Module<Tensor, Tensor>
{
    readonly Linear q_proj;    // d -> Heads * d_head
    readonly Linear k_proj;    // d -> KvHeads * d_head
    readonly Linear v_proj;    // d -> KvHeads * d_head
    readonly Linear out_proj;  // Heads * d_head -> d

    /// <summary>Width d of the tokens in and out.</summary>
    public int ModelDim { get; }
    /// <summary>Query heads h.</summary>
    public int Heads { get; }
    /// <summary>Key/value heads g (a divisor of Heads).</summary>
    public int KvHeads { get; }
    /// <summary>Size of each head, ModelDim / Heads.</summary>
    public int HeadDim => ModelDim / Heads;
    /// <summary>Dropout probability on the attention weights (training only).</summary>
    public double Dropout { get; }

    /// <param name="modelDim">Width d of the tokens (divisible by <paramref name="heads"/>).</param>
    /// <param name="heads">Query heads h.</param>
    /// <param name="kvHeads">Key/value heads g dividing h; null = h (ordinary multi-head attention), 1 = multi-query.</param>
    /// <param name="dropout">Dropout on the attention weights while training, in [0, 1).</param>
    /// <param name="bias">Whether the four projections have biases.</param>
    /// <param name="device">Where the weights live.</param>
    public MultiHeadAttention(int modelDim, int heads, int? kvHeads = null, double dropout = 0, bool bias = true, Device? device = null)
        : base(nameof(MultiHeadAttention))
    {
        int g = kvHeads ?? heads;
        if (modelDim < 1) throw new ArgumentException($"modelDim must be at least 1; got {modelDim}.", nameof(modelDim));
        if (heads < 1) throw new ArgumentException($"heads must be at least 1; got {heads}.", nameof(heads));
        if (g < 1) throw new ArgumentException($"kvHeads must be at least 1; got {g}.", nameof(kvHeads));
        if (modelDim % heads != 0)
            throw new ArgumentException($"modelDim ({modelDim}) must be divisible by heads ({heads}): each head gets modelDim / heads dimensions.", nameof(heads));
        if (heads % g != 0)
            throw new ArgumentException($"heads ({heads}) must be a multiple of kvHeads ({g}): each K/V head serves heads / kvHeads query heads.", nameof(kvHeads));
        if (dropout is < 0 or >= 1 || double.IsNaN(dropout))
            throw new ArgumentException($"dropout must be in [0, 1); got {dropout}.", nameof(dropout));
        ModelDim = modelDim;
        Heads = heads;
        KvHeads = g;
        Dropout = dropout;
        int hs = modelDim / heads;
        q_proj = nn.Linear(modelDim, heads * hs, hasBias: bias, device: device);
        k_proj = nn.Linear(modelDim, g * hs, hasBias: bias, device: device);
        v_proj = nn.Linear(modelDim, g * hs, hasBias: bias, device: device);
        out_proj = nn.Linear(heads * hs, modelDim, hasBias: bias, device: device);
        RegisterComponents();
    }

    /// <summary>Self-attention without a mask: x [B, T, d] -> [B, T, d].</summary>
    public override Tensor forward(Tensor x) => Forward(x).Output;

    /// <summary>
    /// Attention of <paramref name="query"/> [B, Tq, d] over <paramref name="keyValue"/> [B, Tk, d] (null: the query itself,
    /// self-attention; the encoder's output: cross-attention). Returns the output [B, Tq, d] and, when
    /// <paramref name="needWeights"/>, the weights [B, Heads, Tq, Tk] (each row sums to 1; null otherwise).
    /// </summary>
    /// <param name="mask">Bool, true = may attend, broadcastable to [B, Heads, Tq, Tk]: [Tq, Tk], [B, 1, 1, Tk] (key padding), [B, 1, Tq, Tk].
    /// With a cache, Tk counts the cached keys too.</param>
    /// <param name="causal">Also forbid every query the keys after its own position (combined with <paramref name="mask"/>).
    /// With a cache the new tokens come after the cached ones, so query i sits at position past + i.</param>
    /// <param name="cache">Self-attention only: this call's keys and values are appended to layer <paramref name="layer"/> of the
    /// cache and the queries attend to every cached key (incremental decoding: feed only the new tokens).</param>
    /// <param name="layer">Which layer of <paramref name="cache"/> this attention uses.</param>
    /// <param name="needWeights">Return the attention weights (for heat maps).</param>
    public (Tensor Output, Tensor? Weights) Forward(Tensor query, Tensor? keyValue = null, Tensor? mask = null, bool causal = false,
        KvCache? cache = null, int layer = 0, bool needWeights = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (cache is not null && keyValue is not null && !ReferenceEquals(keyValue, query))
            throw new ArgumentException("A KV cache is for self-attention (keyValue null or the query itself); cross-attention recomputes its keys from the memory.", nameof(cache));
        var source = keyValue ?? query;
        if (query.ndim != 3 || source.ndim != 3 || query.shape[2] != ModelDim || source.shape[2] != ModelDim || query.shape[0] != source.shape[0])
            throw new ArgumentException(
                $"Expected query [B, Tq, {ModelDim}] and keyValue [B, Tk, {ModelDim}] with the same B; got query {ShapeText.Of(query)}, keyValue {ShapeText.Of(source)}.",
                nameof(query));
        using var scope = NewDisposeScope();
        long B = query.shape[0], Tq = query.shape[1], Tnew = source.shape[1];
        int hs = HeadDim;
        // Q = x W_Q split into Heads heads, K = m W_K and V = m W_V split into KvHeads heads: [B, heads, T, d_head]
        var q = q_proj.call(query).view(B, Tq, Heads, hs).transpose(1, 2);
        var k = k_proj.call(source).view(B, Tnew, KvHeads, hs).transpose(1, 2);
        var v = v_proj.call(source).view(B, Tnew, KvHeads, hs).transpose(1, 2);
        if (cache is not null) (k, v) = cache.Append(layer, k, v);   // the cache keeps the KvHeads heads, not the repeats
        long Tk = k.shape[2], past = Tk - Tq;
        if (mask is not null) DotProductAttention.CheckMask(mask, [B, Heads, Tq, Tk]);

        // each K/V head serves Heads / KvHeads consecutive query heads: repeat it for them (nothing to do for MHA)
        int group = Heads / KvHeads;
        if (group > 1)
        {
            k = k.repeat_interleave(group, dim: 1);
            v = v.repeat_interleave(group, dim: 1);
        }
        // a single new token after a cached prefix may see every key: causal needs no mask then
        bool needCausal = causal && !(past > 0 && Tq == 1);
        double p = training ? Dropout : 0;
        Tensor heads;
        Tensor? weights = null;
        if (!needWeights && needCausal && past == 0 && mask is null)
            heads = nn.functional.scaled_dot_product_attention(q, k, v, p: p, is_casual: true);
        else
        {
            var allowed = needCausal ? AttentionMasks.Combine(AttentionMasks.Causal(Tq, Tk, query.device), mask) : mask;
            if (needWeights) (heads, weights) = DotProductAttention.Compute(q, k, v, allowed, p);
            else heads = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask: allowed, p: p);
        }
        // concat(head_1, ..., head_h) W_O: [B, Tq, d]
        var output = out_proj.call(heads.transpose(1, 2).contiguous().view(B, Tq, Heads * hs));
        return (scope.MoveToOuter(output), weights is null ? null : scope.MoveToOuter(weights));
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Transformers;

/// <summary>
/// Multi-head attention with h query heads and g key/value heads (Ainslie et al., 2023):
/// g = h is ordinary multi-head attention (MHA), g = 1 is multi-query attention (MQA, Shazeer, 2019),
/// anything between is grouped-query attention (GQA): each group of h / g query heads shares one K/V head.
/// Fewer K/V heads means a smaller KV cache at generation time, which is what MQA and GQA are for.
/// </summary>
public sealed class GroupedQueryAttention : nn.Module<Tensor, Tensor>
{
    readonly Linear q_proj;    // d -> h * hs
    readonly Linear k_proj;    // d -> g * hs
    readonly Linear v_proj;    // d -> g * hs
    readonly Linear out_proj;  // h * hs -> d

    public int ModelDim { get; }
    public int Heads { get; }
    public int KvHeads { get; }
    public int HeadDim => ModelDim / Heads;

    public GroupedQueryAttention(int modelDim, int heads, int kvHeads, Device? device = null) : base(nameof(GroupedQueryAttention))
    {
        if (modelDim < 1 || heads < 1 || kvHeads < 1)
            throw new ArgumentException($"modelDim, heads and kvHeads must be at least 1; got {modelDim}, {heads}, {kvHeads}.", nameof(heads));
        if (modelDim % heads != 0)
            throw new ArgumentException($"modelDim ({modelDim}) must be divisible by heads ({heads}): head_dim = d_model / heads.", nameof(heads));
        if (heads % kvHeads != 0)
            throw new ArgumentException($"heads ({heads}) must be a multiple of kvHeads ({kvHeads}): each K/V head serves heads / kvHeads query heads.", nameof(kvHeads));
        ModelDim = modelDim;
        Heads = heads;
        KvHeads = kvHeads;
        int hs = modelDim / heads;
        q_proj = nn.Linear(modelDim, heads * hs, device: device);
        k_proj = nn.Linear(modelDim, kvHeads * hs, device: device);
        v_proj = nn.Linear(modelDim, kvHeads * hs, device: device);
        out_proj = nn.Linear(heads * hs, modelDim, device: device);
        RegisterComponents();
    }

    /// <summary>Self-attention without a mask: x [B, T, d] -> [B, T, d].</summary>
    public override Tensor forward(Tensor x) => Forward(x, x).Output;

    /// <summary>
    /// Queries from <paramref name="query"/> [B, Tq, d], keys and values from <paramref name="keyValue"/> [B, Tk, d]:
    /// the same tensor for self-attention, the encoder's output for cross-attention. Returns the output [B, Tq, d]
    /// and the attention weights [B, h, Tq, Tk]. <paramref name="mask"/>: bool [Tq, Tk], true = may attend.
    /// </summary>
    public (Tensor Output, Tensor Weights) Forward(Tensor query, Tensor keyValue, Tensor? mask = null)
    {
        if (query.ndim != 3 || keyValue.ndim != 3 || query.shape[2] != ModelDim || keyValue.shape[2] != ModelDim || query.shape[0] != keyValue.shape[0])
            throw new ArgumentException(
                $"Expected query [B, Tq, {ModelDim}] and keyValue [B, Tk, {ModelDim}] with the same B; got query {ShapeText.Of(query)}, keyValue {ShapeText.Of(keyValue)}.",
                nameof(query));
        using var scope = NewDisposeScope();
        long B = query.shape[0], Tq = query.shape[1], Tk = keyValue.shape[1];
        int hs = HeadDim;
        // Q = x W_Q split into h heads, K = x W_K and V = x W_V split into g heads: [B, heads, T, hs]
        var q = q_proj.call(query).view(B, Tq, Heads, hs).transpose(1, 2);
        var k = k_proj.call(keyValue).view(B, Tk, KvHeads, hs).transpose(1, 2);
        var v = v_proj.call(keyValue).view(B, Tk, KvHeads, hs).transpose(1, 2);
        // each K/V head serves h / g consecutive query heads: repeat it for them (nothing to do for MHA)
        int group = Heads / KvHeads;
        if (group > 1)
        {
            k = k.repeat_interleave(group, dim: 1);
            v = v.repeat_interleave(group, dim: 1);
        }
        var (heads, weights) = DotProductAttention.Compute(q, k, v, mask);
        // concat(head_1, ..., head_h) W_O
        var output = out_proj.call(heads.transpose(1, 2).contiguous().view(B, Tq, Heads * hs));
        return (scope.MoveToOuter(output), scope.MoveToOuter(weights));
    }

    /// <summary>
    /// Bytes of KV cache: 2 (K and V) * layers * kvHeads * headDim * tokens * batch * bytes per number.
    /// Only the number of K/V heads differs between MHA (kvHeads = heads), GQA and MQA (kvHeads = 1).
    /// </summary>
    public static long KvCacheBytes(int layers, int kvHeads, int headDim, int tokens, int batch = 1, int bytesPerValue = 2)
    {
        if (layers < 1 || kvHeads < 1 || headDim < 1 || tokens < 0 || batch < 1 || bytesPerValue < 1)
            throw new ArgumentException($"Sizes must be positive; got layers {layers}, kvHeads {kvHeads}, headDim {headDim}, tokens {tokens}, batch {batch}, bytes {bytesPerValue}.", nameof(layers));
        return 2L * layers * kvHeads * headDim * tokens * batch * bytesPerValue;
    }
}

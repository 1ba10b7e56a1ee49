namespace GenAI.Transformers;

/// <summary>Sizes and switches of one transformer block, in the course's vocabulary.</summary>
/// <param name="ModelDim">Width d of the residual stream (every token's vector).</param>
/// <param name="Heads">Attention (query) heads h; must divide ModelDim.</param>
/// <param name="FfnDim">Hidden width of the feed-forward network (usually 4 * ModelDim).</param>
/// <param name="Dropout">Dropout on the attention weights, after each attention and after the feed-forward network (training only).</param>
/// <param name="KvHeads">Key/value heads (a divisor of Heads): null = Heads (multi-head), 1 = multi-query, between = grouped-query.</param>
/// <param name="PreLayerNorm">True: x + f(LN(x)) (GPT-2, ViT, pre-LN). False: LN(x + f(x)) (the original transformer, BERT; post-LN).</param>
/// <param name="CrossAttention">True: a decoder block with cross-attention over an encoder's output between self-attention and the FFN.</param>
/// <param name="Causal">True: self-attention never looks at later positions (decoders, GPT).</param>
/// <param name="Activation">The FFN's nonlinearity (GELU by default).</param>
public sealed record TransformerBlockConfig(int ModelDim, int Heads, int FfnDim, double Dropout = 0, int? KvHeads = null,
    bool PreLayerNorm = true, bool CrossAttention = false, bool Causal = false, FeedForwardActivation Activation = FeedForwardActivation.Gelu)
{
    /// <summary>Size of each head, ModelDim / Heads.</summary>
    public int HeadDim => ModelDim / Heads;

    /// <summary>Parameters of one block: layer norms, attention (Q and out d*d + d each, K and V d*g*d_head + g*d_head each), cross-attention, FFN.</summary>
    public long ParametersPerBlock
    {
        get
        {
            long d = ModelDim, kv = (long)(KvHeads ?? Heads) * HeadDim;
            long attention = 2 * (d * d + d) + 2 * (d * kv + kv);
            long ffn = (d * FfnDim + FfnDim) + ((long)FfnDim * d + d);
            long norms = (CrossAttention ? 3 : 2) * 2 * d;
            return norms + attention * (CrossAttention ? 2 : 1) + ffn;
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the field and its value when a size cannot work.</summary>
    public void Validate()
    {
        if (ModelDim < 1) throw new ArgumentException($"ModelDim must be at least 1; got {ModelDim}.", nameof(ModelDim));
        if (Heads < 1) throw new ArgumentException($"Heads must be at least 1; got {Heads}.", nameof(Heads));
        if (ModelDim % Heads != 0)
            throw new ArgumentException($"Heads ({Heads}) must divide ModelDim ({ModelDim}): each head gets ModelDim / Heads dimensions.", nameof(Heads));
        if (FfnDim < 1) throw new ArgumentException($"FfnDim must be at least 1; got {FfnDim}.", nameof(FfnDim));
        if (Dropout is < 0 or >= 1 || double.IsNaN(Dropout)) throw new ArgumentException($"Dropout must be in [0, 1); got {Dropout}.", nameof(Dropout));
        if (KvHeads is int g && (g < 1 || Heads % g != 0))
            throw new ArgumentException($"KvHeads ({g}) must be at least 1 and divide Heads ({Heads}): each K/V head serves Heads / KvHeads query heads.", nameof(KvHeads));
        if (!Enum.IsDefined(Activation)) throw new ArgumentException($"Activation {Activation} is not one of {string.Join(", ", Enum.GetNames<FeedForwardActivation>())}.", nameof(Activation));
    }
}

// Built on the course's shared transformer (GenAI.Transformers: TransformerStack of causal pre- or post-LN
// TransformerBlocks, MultiHeadAttention with its KvCache) rather than a self-contained nanoGPT copy, so that notebook 10's
// GPT is literally the block notebook 09 builds and every transformer in the course has one attention. What stays here is
// what makes it a GPT: token + learned position embeddings, the tied output layer, GPT-2's initialisation and the
// generation loop. The weights are drawn in nanoGPT's order (W_Q, W_K, W_V one after another are the rows of its fused
// c_attn), so seeded runs start from the same numbers as the self-contained version did.
using GenAI.Sampling;
using GenAI.Transformers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a GPT (decoder-only transformer), as in nanoGPT's GPTConfig.</summary>
/// <param name="VocabSize">Number of tokens V.</param>
/// <param name="ContextLength">The most tokens the model sees at once (block size T_max); learned positions exist for 0..T_max-1.</param>
/// <param name="Layers">Transformer blocks L.</param>
/// <param name="Heads">Attention heads per block h; the head size is d / h.</param>
/// <param name="EmbeddingDim">Width d of the residual stream.</param>
/// <param name="Dropout">Dropout probability after attention weights, attention output and MLP output (0 for small CPU runs).</param>
/// <param name="PreLayerNorm">True: x + f(LN(x)) (GPT-2, pre-LN). False: LN(x + f(x)) (the original transformer, post-LN).</param>
/// <param name="TiedEmbeddings">True: the output layer reuses the token embedding matrix (GPT-2), so it adds no parameters.</param>
public sealed record GptConfig(int VocabSize, int ContextLength = 64, int Layers = 4, int Heads = 4, int EmbeddingDim = 128,
    double Dropout = 0.0, bool PreLayerNorm = true, bool TiedEmbeddings = true)
{
    /// <summary>GPT-2 small (Radford et al., 2019): 12 layers, 12 heads, d = 768, 1024 positions, 50 257 BPE tokens.</summary>
    public static GptConfig Gpt2Small { get; } = new(VocabSize: 50257, ContextLength: 1024, Layers: 12, Heads: 12, EmbeddingDim: 768);

    /// <summary>GPT-3 "175B" (Brown et al., 2020): 96 layers, 96 heads, d = 12 288, 2048 positions, same tokenizer as GPT-2.</summary>
    public static GptConfig Gpt3 { get; } = new(VocabSize: 50257, ContextLength: 2048, Layers: 96, Heads: 96, EmbeddingDim: 12288);

    /// <summary>Parameters per block: two layer norms (2 * 2d), attention (d*3d + 3d, then d*d + d), MLP (d*4d + 4d, then 4d*d + d) = 12d^2 + 13d.</summary>
    public long ParametersPerBlock
    {
        get
        {
            long d = EmbeddingDim;
            long layerNorms = 2 * (2 * d);
            long attention = (d * 3 * d + 3 * d) + (d * d + d);
            long mlp = (d * 4 * d + 4 * d) + (4 * d * d + d);
            return layerNorms + attention + mlp;
        }
    }

    /// <summary>
    /// Every parameter, counted from the sizes alone (nothing is allocated):
    /// token embeddings V*d + positions T*d + L blocks + final layer norm 2d (+ V*d for an untied output layer).
    /// </summary>
    public long ParameterCount =>
        (long)VocabSize * EmbeddingDim + (long)ContextLength * EmbeddingDim + Layers * ParametersPerBlock + 2L * EmbeddingDim
        + (TiedEmbeddings ? 0 : (long)VocabSize * EmbeddingDim);

    /// <summary>Each block's config in the shared transformer's vocabulary: ModelDim = EmbeddingDim, FfnDim = 4d, causal, GELU.</summary>
    public TransformerBlockConfig BlockConfig => new(EmbeddingDim, Heads, 4 * EmbeddingDim, Dropout, PreLayerNorm: PreLayerNorm, Causal: true);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the field and its value when a size cannot work.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(VocabSize), VocabSize), (nameof(ContextLength), ContextLength), (nameof(Layers), Layers), (nameof(Heads), Heads), (nameof(EmbeddingDim), EmbeddingDim) })
            if (value < 1) throw new ArgumentException($"{name} must be at least 1; got {value}.", name);
        if (EmbeddingDim % Heads != 0)
            throw new ArgumentException($"EmbeddingDim ({EmbeddingDim}) must be divisible by Heads ({Heads}): each head gets d / h dimensions.", nameof(Heads));
        if (Dropout is < 0 or >= 1 || double.IsNaN(Dropout))
            throw new ArgumentException($"Dropout must be in [0, 1); got {Dropout}.", nameof(Dropout));
    }
}

/// <summary>
/// A GPT after nanoGPT (karpathy): token + learned position embeddings, L blocks of causal
/// self-attention and MLP (the shared <see cref="TransformerBlock"/>), a final layer norm and a linear map back to the
/// vocabulary (tied to the token embeddings). Input: token ids [B, t] with t &lt;= ContextLength. Output: next-token logits [B, t, V].
/// </summary>
public sealed class Gpt : nn.Module<Tensor, Tensor>
{
    readonly Embedding wte;     // token embeddings [V, d]
    readonly Embedding wpe;     // position embeddings [T_max, d]
    readonly Dropout drop;
    readonly TransformerStack h;   // L causal blocks and the final layer norm ln_f
    readonly Linear? lm_head;   // only when the embeddings are not tied

    public GptConfig Config { get; }

    public Gpt(GptConfig config, Device? device = null) : base(nameof(Gpt))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        wte = nn.Embedding(config.VocabSize, config.EmbeddingDim, device: device);
        wpe = nn.Embedding(config.ContextLength, config.EmbeddingDim, device: device);
        drop = nn.Dropout(config.Dropout);
        // a final layer norm in both pre- and post-LN (as the original GPT file had)
        h = new TransformerStack(config.BlockConfig, config.Layers, finalNorm: true, device: device);
        lm_head = config.TiedEmbeddings ? null : nn.Linear(config.EmbeddingDim, config.VocabSize, hasBias: false, device: device);
        RegisterComponents();
        InitWeights();
    }

    /// <summary>The blocks and the final layer norm (the shared transformer).</summary>
    public TransformerStack Transformer => h;

    // GPT-2's initialisation: weights ~ N(0, 0.02), biases 0, layer norms 1, and the projections that write into the
    // residual stream (attention's out_proj, the FFN's fc2; nanoGPT's c_proj) scaled by 1/sqrt(2L) so that the
    // stream's variance does not grow with depth.
    void InitWeights()
    {
        using var noGrad = no_grad();
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith("bias")) nn.init.zeros_(p);
            else if (name.Contains("norm")) nn.init.ones_(p);
            else if (name.EndsWith("out_proj.weight") || name.EndsWith("fc2.weight")) nn.init.normal_(p, 0, 0.02 / Math.Sqrt(2 * Config.Layers));
            else nn.init.normal_(p, 0, 0.02);
        }
    }

    public override Tensor forward(Tensor idx) => Forward(idx, null);

    /// <summary>Token ids [B, t] -> logits [B, t, V]. With a cache, <paramref name="idx"/> holds only the new tokens; their positions continue after the cached ones.</summary>
    public Tensor Forward(Tensor idx, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        var x = HiddenStates(idx, cache);
        // logits = x W_e^T (tied) or x W_out
        var logits = lm_head is null ? nn.functional.linear(x, wte.weight!) : lm_head.call(x);
        return scope.MoveToOuter(logits);
    }

    /// <summary>
    /// Token ids [B, t] -> the final hidden states [B, t, d]: after the last block and the final layer norm ln_f, before the
    /// output layer. <see cref="Forward(Tensor, KvCache?)"/> maps them to logits; a reward model or a classifier puts its own
    /// head on them. With a cache, <paramref name="idx"/> holds only the new tokens (as in Forward).
    /// </summary>
    public Tensor HiddenStates(Tensor idx, KvCache? cache = null)
    {
        int past = cache?.Length ?? 0;
        if (idx.ndim != 2 || idx.shape[1] < 1 || past + idx.shape[1] > Config.ContextLength)
            throw new ArgumentException(
                $"Expected token ids of shape [B, t] with 1 <= t and cached + t <= ContextLength ({Config.ContextLength}); got {ShapeText.Of(idx)} with {past} cached.",
                nameof(idx));
        using var scope = NewDisposeScope();
        long t = idx.shape[1];
        var pos = arange(past, past + t, dtype: ScalarType.Int64, device: idx.device);
        // x_0 = token embedding + position embedding: [B, t, d]
        var x = drop.call(wte.call(idx) + wpe.call(pos));
        // L causal blocks (each layer appends its keys and values to the cache), then ln_f
        return scope.MoveToOuter(h.Forward(x, cache: cache));
    }

    /// <summary>Mean cross-entropy of predicting targets [B, t] from idx [B, t] (nats per token).</summary>
    public Tensor Loss(Tensor idx, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var logits = forward(idx);
        var loss = nn.functional.cross_entropy(logits.view(-1, Config.VocabSize), targets.reshape(-1));
        return scope.MoveToOuter(loss);
    }

    /// <summary>Next-token logits [V] after <paramref name="sequence"/> (its last ContextLength tokens), for beam search.</summary>
    public Tensor NextTokenLogits(IReadOnlyList<long> sequence)
    {
        if (sequence.Count == 0) throw new ArgumentException("The sequence needs at least one token (e.g. a newline as the prompt).", nameof(sequence));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var window = sequence.TakeLast(Config.ContextLength).ToArray();
        var logits = forward(tensor(window, [1, window.Length], ScalarType.Int64, wte.weight!.device));
        return scope.MoveToOuter(logits[0, -1]);
    }

    /// <summary>
    /// The autoregressive loop: append <paramref name="maxNewTokens"/> tokens to <paramref name="prompt"/>,
    /// each picked from the last position's logits by <paramref name="sampling"/>. Without a cache every
    /// step re-runs the last ContextLength tokens; with one, every step feeds only the newest token.
    /// Once the text is longer than ContextLength the window slides, every position shifts and the cached
    /// keys are stale, so from then on both ways recompute the window (as nanoGPT does). Returns the new tokens.
    /// </summary>
    public IReadOnlyList<long> Generate(IReadOnlyList<long> prompt, int maxNewTokens, SamplingOptions sampling,
        Generator? generator = null, bool useKvCache = true)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Count == 0) throw new ArgumentException("The prompt needs at least one token (e.g. a newline).", nameof(prompt));
        if (maxNewTokens < 0) throw new ArgumentOutOfRangeException(nameof(maxNewTokens), maxNewTokens, "maxNewTokens cannot be negative.");
        var device = wte.weight!.device;
        var sequence = new List<long>(prompt);
        using var noGrad = no_grad();
        using var cache = useKvCache ? new KvCache(Config.Layers) : null;   // GenAI.Transformers.KvCache
        int fed = 0;   // how many tokens of `sequence` the cache holds
        bool wasTraining = training;
        eval();
        try
        {
            for (int step = 0; step < maxNewTokens; step++)
            {
                using var scope = NewDisposeScope();
                long[] input;
                if (cache is null || cache.Length == 0 || sequence.Count > Config.ContextLength)
                {
                    // First step, no cache, or the window slid: compute from scratch on the last ContextLength tokens.
                    cache?.Clear();
                    input = sequence.TakeLast(Config.ContextLength).ToArray();
                    fed = sequence.Count;
                }
                else
                {
                    input = sequence.Skip(fed).ToArray();
                    fed = sequence.Count;
                }
                var logits = Forward(tensor(input, [1, input.Length], ScalarType.Int64, device), cache);
                long next = TokenSampler.Sample(logits[0, -1], sampling, generator).item<long>();
                sequence.Add(next);
            }
        }
        finally
        {
            train(wasTraining);
        }
        return sequence.Skip(prompt.Count).ToList();
    }
}

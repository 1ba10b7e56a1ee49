using GenAI.Sampling;
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

    internal void Validate()
    {
        if (VocabSize < 1 || ContextLength < 1 || Layers < 1 || Heads < 1 || EmbeddingDim < 1)
            throw new ArgumentException($"Every size in the config must be at least 1; got {this}.", "config");
        if (EmbeddingDim % Heads != 0)
            throw new ArgumentException($"EmbeddingDim ({EmbeddingDim}) must be divisible by Heads ({Heads}): each head gets d / h dimensions.", "config");
        if (Dropout is < 0 or >= 1)
            throw new ArgumentException($"Dropout must be in [0, 1); got {Dropout}.", "config");
    }
}

/// <summary>
/// Keys and values of the tokens seen so far, one pair per layer, so that generating the next token
/// only computes attention for that token instead of re-running the whole sequence.
/// Memory: 2 (K and V) * layers * tokens * d numbers per sequence.
/// </summary>
public sealed class KvCache : IDisposable
{
    readonly Tensor?[] keys;
    readonly Tensor?[] values;

    public KvCache(int layers)
    {
        keys = new Tensor?[layers];
        values = new Tensor?[layers];
    }

    /// <summary>How many tokens are cached (after a complete forward pass; the last layer is filled last).</summary>
    public int Length => keys[^1] is Tensor k ? (int)k.shape[2] : 0;

    /// <summary>Appends this step's keys and values [B, h, t, hs] to layer <paramref name="layer"/>'s and returns all of them.</summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor k, Tensor v)
    {
        var allK = keys[layer] is Tensor oldK ? cat([oldK, k], 2) : k;
        var allV = values[layer] is Tensor oldV ? cat([oldV, v], 2) : v;
        keys[layer]?.Dispose();
        values[layer]?.Dispose();
        // The cache owns these tensors from now on: the step's dispose scope must not free them.
        keys[layer] = allK.DetachFromDisposeScope();
        values[layer] = allV.DetachFromDisposeScope();
        return (allK, allV);
    }

    public void Dispose()
    {
        foreach (var t in keys.Concat(values)) t?.Dispose();
        Array.Clear(keys);
        Array.Clear(values);
    }
}

/// <summary>
/// Causal self-attention with h heads: every token mixes the values of itself and the tokens before it,
/// weighted by softmax(q k^T / sqrt(hs)). One Linear makes q, k and v for all heads at once.
/// </summary>
public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
{
    readonly Linear c_attn;   // x -> [q | k | v], d -> 3d
    readonly Linear c_proj;   // concatenated heads -> d
    readonly Dropout resid_dropout;
    readonly int heads;
    readonly double dropout;

    public CausalSelfAttention(GptConfig config, Device? device = null) : base(nameof(CausalSelfAttention))
    {
        c_attn = nn.Linear(config.EmbeddingDim, 3 * config.EmbeddingDim, device: device);
        c_proj = nn.Linear(config.EmbeddingDim, config.EmbeddingDim, device: device);
        resid_dropout = nn.Dropout(config.Dropout);
        heads = config.Heads;
        dropout = config.Dropout;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => Forward(x, null, 0);

    /// <summary>x [B, t, d] -> [B, t, d]; with a cache, x holds only the new tokens and attends to the cached ones too.</summary>
    public Tensor Forward(Tensor x, KvCache? cache, int layer)
    {
        long B = x.shape[0], t = x.shape[1], d = x.shape[2];
        long hs = d / heads;
        // q, k, v = x W_q, x W_k, x W_v, each split into h heads of size hs: [B, h, t, hs]
        var qkv = c_attn.call(x).split(d, dim: 2);
        var q = qkv[0].view(B, t, heads, hs).transpose(1, 2);
        var k = qkv[1].view(B, t, heads, hs).transpose(1, 2);
        var v = qkv[2].view(B, t, heads, hs).transpose(1, 2);
        long past = 0;
        if (cache is not null)
        {
            (k, v) = cache.Append(layer, k, v);
            past = k.shape[2] - t;   // tokens this layer had cached before this call
        }
        // y = softmax(q k^T / sqrt(hs) + causal mask) v, with libtorch's fused kernel
        // (GenAI.Transformers.DotProductAttention is the same formula written out; the tests check they agree).
        Tensor y;
        if (past == 0)
            y = nn.functional.scaled_dot_product_attention(q, k, v, p: training ? dropout : 0, is_casual: true);
        else if (t == 1)
            // one new token after a cached prefix (every step of cached generation) may see every key: no mask
            y = nn.functional.scaled_dot_product_attention(q, k, v, p: training ? dropout : 0);
        else
        {
            // New token i (absolute position past + i) may see keys 0 .. past + i: the bottom rows of the causal mask.
            using var allowed = ones(t, past + t, ScalarType.Bool, x.device).tril(past);
            y = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask: allowed, p: training ? dropout : 0);
        }
        // concatenate the heads again and project: [B, t, d]
        y = y.transpose(1, 2).contiguous().view(B, t, d);
        return resid_dropout.call(c_proj.call(y));
    }
}

/// <summary>The position-wise feed-forward network: the same two-layer MLP on every token, d -> 4d -> d with GELU.</summary>
public sealed class GptMlp : nn.Module<Tensor, Tensor>
{
    readonly Linear c_fc;
    readonly GELU gelu;
    readonly Linear c_proj;
    readonly Dropout dropout;

    public GptMlp(GptConfig config, Device? device = null) : base(nameof(GptMlp))
    {
        c_fc = nn.Linear(config.EmbeddingDim, 4 * config.EmbeddingDim, device: device);
        gelu = nn.GELU();
        c_proj = nn.Linear(4 * config.EmbeddingDim, config.EmbeddingDim, device: device);
        dropout = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    // FFN(x) = GELU(x W_1 + b_1) W_2 + b_2
    public override Tensor forward(Tensor x) => dropout.call(c_proj.call(gelu.call(c_fc.call(x))));
}

/// <summary>One transformer block: attention (tokens talk to each other), then the MLP (each token thinks alone), each with a residual connection and a layer norm.</summary>
public sealed class GptBlock : nn.Module<Tensor, Tensor>
{
    readonly LayerNorm ln_1;
    readonly CausalSelfAttention attn;
    readonly LayerNorm ln_2;
    readonly GptMlp mlp;
    readonly bool preLayerNorm;

    public GptBlock(GptConfig config, Device? device = null) : base(nameof(GptBlock))
    {
        ln_1 = nn.LayerNorm(config.EmbeddingDim, device: device);
        attn = new CausalSelfAttention(config, device);
        ln_2 = nn.LayerNorm(config.EmbeddingDim, device: device);
        mlp = new GptMlp(config, device);
        preLayerNorm = config.PreLayerNorm;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => Forward(x, null, 0);

    public Tensor Forward(Tensor x, KvCache? cache, int layer)
    {
        if (preLayerNorm)
        {
            // pre-LN (GPT-2): x = x + Attn(LN(x)); x = x + FFN(LN(x)). The residual path stays an identity.
            x = x + attn.Forward(ln_1.call(x), cache, layer);
            return x + mlp.call(ln_2.call(x));
        }
        // post-LN (Vaswani et al., 2017): x = LN(x + Attn(x)); x = LN(x + FFN(x)).
        x = ln_1.call(x + attn.Forward(x, cache, layer));
        return ln_2.call(x + mlp.call(x));
    }
}

/// <summary>
/// A GPT after nanoGPT (karpathy): token + learned position embeddings, L blocks of causal
/// self-attention and MLP, a final layer norm and a linear map back to the vocabulary (tied to the
/// token embeddings). Input: token ids [B, t] with t &lt;= ContextLength. Output: next-token logits [B, t, V].
/// </summary>
public sealed class Gpt : nn.Module<Tensor, Tensor>
{
    readonly Embedding wte;     // token embeddings [V, d]
    readonly Embedding wpe;     // position embeddings [T_max, d]
    readonly Dropout drop;
    readonly ModuleList<GptBlock> h;
    readonly LayerNorm ln_f;
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
        h = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new GptBlock(config, device)).ToArray());
        ln_f = nn.LayerNorm(config.EmbeddingDim, device: device);
        lm_head = config.TiedEmbeddings ? null : nn.Linear(config.EmbeddingDim, config.VocabSize, hasBias: false, device: device);
        RegisterComponents();
        InitWeights();
    }

    // GPT-2's initialisation: weights ~ N(0, 0.02), biases 0, and the projections that write into the
    // residual stream scaled by 1/sqrt(2L) so that the stream's variance does not grow with depth.
    void InitWeights()
    {
        using var noGrad = no_grad();
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith("bias")) nn.init.zeros_(p);
            else if (name.Contains("ln_")) nn.init.ones_(p);
            else if (name.EndsWith("c_proj.weight")) nn.init.normal_(p, 0, 0.02 / Math.Sqrt(2 * Config.Layers));
            else nn.init.normal_(p, 0, 0.02);
        }
    }

    public override Tensor forward(Tensor idx) => Forward(idx, null);

    /// <summary>Token ids [B, t] -> logits [B, t, V]. With a cache, <paramref name="idx"/> holds only the new tokens; their positions continue after the cached ones.</summary>
    public Tensor Forward(Tensor idx, KvCache? cache)
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
        for (int layer = 0; layer < h.Count; layer++)
            x = h[layer].Forward(x, cache, layer);
        x = ln_f.call(x);
        // logits = x W_e^T (tied) or x W_out
        var logits = lm_head is null ? nn.functional.linear(x, wte.weight!) : lm_head.call(x);
        return scope.MoveToOuter(logits);
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
        using var cache = useKvCache ? new KvCache(Config.Layers) : null;
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
                    cache?.Dispose();
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

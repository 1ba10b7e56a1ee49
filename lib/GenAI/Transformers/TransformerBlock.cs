using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Transformers;

/// <summary>
/// One transformer block: self-attention (tokens exchange information), for a decoder with
/// <see cref="TransformerBlockConfig.CrossAttention"/> then cross-attention over an encoder's output, then the
/// feed-forward network (each token alone), each sublayer with a residual connection and a layer norm.
/// Pre-LN (GPT-2, ViT): x = x + f(LN(x)), the residual path stays an identity and deep stacks train easily.
/// Post-LN (Vaswani et al., 2017; BERT): x = LN(x + f(x)).
/// The layers are named as in PyTorch's TransformerEncoderLayer / TransformerDecoderLayer: norm1 before (pre-LN)
/// or after (post-LN) self-attention, norm2 for the next sublayer, norm3 for the FFN of a decoder block.
/// </summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    // Field order is the parameters' order (and the order their initial values are drawn in).
    readonly LayerNorm norm1;
    readonly MultiHeadAttention attention;
    readonly LayerNorm norm2;
    readonly MultiHeadAttention? cross_attention;
    readonly LayerNorm? norm3;
    readonly FeedForward ffn;
    readonly Dropout dropout;

    public TransformerBlockConfig Config { get; }

    public TransformerBlock(TransformerBlockConfig config, Device? device = null) : base(nameof(TransformerBlock))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int d = config.ModelDim;
        norm1 = nn.LayerNorm(d, device: device);
        attention = new MultiHeadAttention(d, config.Heads, config.KvHeads, config.Dropout, device: device);
        norm2 = nn.LayerNorm(d, device: device);
        if (config.CrossAttention)
        {
            cross_attention = new MultiHeadAttention(d, config.Heads, config.KvHeads, config.Dropout, device: device);
            norm3 = nn.LayerNorm(d, device: device);
        }
        ffn = new FeedForward(d, config.FfnDim, config.Dropout, config.Activation, device);
        dropout = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    /// <summary>The block's self-attention (for inspecting or copying weights).</summary>
    public MultiHeadAttention Attention => attention;
    /// <summary>The cross-attention of a decoder block; null in an encoder block.</summary>
    public MultiHeadAttention? CrossAttention => cross_attention;
    /// <summary>The feed-forward network.</summary>
    public FeedForward FeedForward => ffn;

    /// <summary>Tokens [B, T, d] -> [B, T, d], no mask beyond the config's causal one (an encoder or decoder-only block).</summary>
    public override Tensor forward(Tensor x) => ForwardWithWeights(x).Output;

    /// <summary>
    /// Tokens x [B, T, d] -> [B, T, d].
    /// </summary>
    /// <param name="mask">Self-attention mask, bool, true = may attend, broadcastable to [B, Heads, T, Tk]
    /// (e.g. key padding [B, 1, 1, Tk]); combined with the causal mask when the config is causal.</param>
    /// <param name="memory">The encoder's output [B, S, d] for cross-attention (required exactly when the config has CrossAttention).</param>
    /// <param name="memoryMask">Cross-attention mask broadcastable to [B, Heads, T, S], e.g. the encoder's key padding [B, 1, 1, S].</param>
    /// <param name="cache">KV cache of the self-attention (incremental decoding); x then holds only the new tokens.</param>
    /// <param name="layer">Which layer of <paramref name="cache"/> this block uses.</param>
    public Tensor Forward(Tensor x, Tensor? mask = null, Tensor? memory = null, Tensor? memoryMask = null, KvCache? cache = null, int layer = 0)
        => Run(x, mask, memory, memoryMask, cache, layer, needWeights: false).Output;

    /// <summary>
    /// <see cref="Forward"/>, also returning the self-attention weights [B, Heads, T, Tk] and, in a decoder block,
    /// the cross-attention weights [B, Heads, T, S] (null otherwise).
    /// </summary>
    public (Tensor Output, Tensor SelfWeights, Tensor? CrossWeights) ForwardWithWeights(Tensor x, Tensor? mask = null, Tensor? memory = null,
        Tensor? memoryMask = null, KvCache? cache = null, int layer = 0)
    {
        var (output, self, cross) = Run(x, mask, memory, memoryMask, cache, layer, needWeights: true);
        return (output, self!, cross);
    }

    (Tensor Output, Tensor? SelfWeights, Tensor? CrossWeights) Run(Tensor x, Tensor? mask, Tensor? memory, Tensor? memoryMask,
        KvCache? cache, int layer, bool needWeights)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim != 3 || x.shape[2] != Config.ModelDim)
            throw new ArgumentException($"Expected tokens [B, T, {Config.ModelDim}]; got {ShapeText.Of(x)}.", nameof(x));
        if (cross_attention is not null && memory is null)
            throw new ArgumentException("This is a decoder block (CrossAttention = true): pass the encoder's output [B, S, d] as memory.", nameof(memory));
        if (cross_attention is null && (memory is not null || memoryMask is not null))
            throw new ArgumentException("This block has no cross-attention (CrossAttention = false), so it takes no memory or memoryMask.", nameof(memory));
        using var scope = NewDisposeScope();
        Tensor? selfWeights, crossWeights = null;
        Tensor attended;
        var ffnNorm = norm3 ?? norm2;
        if (Config.PreLayerNorm)
        {
            // x = x + Attn(LN(x)); [x = x + CrossAttn(LN(x), memory)]; x = x + FFN(LN(x))
            (attended, selfWeights) = attention.Forward(norm1.call(x), null, mask, Config.Causal, cache, layer, needWeights);
            x = x + dropout.call(attended);
            if (cross_attention is not null)
            {
                (attended, crossWeights) = cross_attention.Forward(norm2.call(x), memory, memoryMask, needWeights: needWeights);
                x = x + dropout.call(attended);
            }
            x = x + ffn.call(ffnNorm.call(x));
        }
        else
        {
            // x = LN(x + Attn(x)); [x = LN(x + CrossAttn(x, memory))]; x = LN(x + FFN(x))
            (attended, selfWeights) = attention.Forward(x, null, mask, Config.Causal, cache, layer, needWeights);
            x = norm1.call(x + dropout.call(attended));
            if (cross_attention is not null)
            {
                (attended, crossWeights) = cross_attention.Forward(x, memory, memoryMask, needWeights: needWeights);
                x = norm2.call(x + dropout.call(attended));
            }
            x = ffnNorm.call(x + ffn.call(x));
        }
        return (scope.MoveToOuter(x), selfWeights is null ? null : scope.MoveToOuter(selfWeights),
            crossWeights is null ? null : scope.MoveToOuter(crossWeights));
    }
}

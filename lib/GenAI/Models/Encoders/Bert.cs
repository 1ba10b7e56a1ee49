using GenAI.Transformers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a BERT-style encoder (Devlin et al., 2019).</summary>
/// <param name="VocabSize">Number of tokens V.</param>
/// <param name="ContextLength">Learned positions 0..T_max-1.</param>
/// <param name="ModelDim">Width d of the hidden states.</param>
/// <param name="Layers">Encoder blocks L.</param>
/// <param name="Heads">Attention heads h (d / h each).</param>
/// <param name="FfnDim">Inner width of each block's feed-forward network (4d in BERT).</param>
/// <param name="Dropout">Dropout probability (0 for small CPU runs).</param>
/// <param name="SegmentTypes">Segment (token type) embeddings: 2 in BERT (sentence A / B), 0 for none.</param>
/// <param name="Classes">Outputs of the classification head on the first token; 0 for none.</param>
/// <param name="PadId">The padding id: padded keys are masked out of attention.</param>
public sealed record BertConfig(int VocabSize, int ContextLength = 128, int ModelDim = 128, int Layers = 2, int Heads = 4, int FfnDim = 512,
    double Dropout = 0.0, int SegmentTypes = 2, int Classes = 0, long PadId = 0)
{
    /// <summary>BERT-base (uncased): L = 12, d = 768, h = 12, FFN 3072, V = 30 522 WordPiece tokens, 512 positions, 2 segment types.</summary>
    public static BertConfig BertBase { get; } = new(VocabSize: 30522, ContextLength: 512, ModelDim: 768, Layers: 12, Heads: 12, FfnDim: 3072);

    /// <summary>The shared transformer's block: post-LN (x = LN(x + f(x))) as the original BERT, bidirectional (no causal mask), GELU.</summary>
    public TransformerBlockConfig BlockConfig => new(ModelDim, Heads, FfnDim, Dropout, PreLayerNorm: false, Causal: false);

    /// <summary>
    /// The encoder BERT's papers count (what "110M" is): token V·d + positions T·d + segments S·d + embedding layer norm 2d
    /// + L blocks + pooler d·d + d. BERT-base: 109 482 240.
    /// </summary>
    public long BodyParameterCount
    {
        get
        {
            long d = ModelDim;
            return (long)VocabSize * d + (long)ContextLength * d + (long)SegmentTypes * d + 2 * d
                + Layers * BlockConfig.ParametersPerBlock + (d * d + d);
        }
    }

    /// <summary>The masked-LM head: transform d·d + d, layer norm 2d, output bias V (its weight is the token embedding, tied).</summary>
    public long MaskedLmHeadParameterCount => (long)ModelDim * ModelDim + ModelDim + 2L * ModelDim + VocabSize;

    /// <summary>The classification head d·K + K on the pooled first token.</summary>
    public long ClassifierParameterCount => Classes == 0 ? 0 : (long)ModelDim * Classes + Classes;

    /// <summary>Every parameter of <see cref="Bert"/>, from the sizes alone (nothing is allocated).</summary>
    public long ParameterCount => BodyParameterCount + MaskedLmHeadParameterCount + ClassifierParameterCount;

    public void Validate()
    {
        if (VocabSize < 2) throw new ArgumentException($"VocabSize must be at least 2; got {VocabSize}.", nameof(VocabSize));
        if (ContextLength < 1) throw new ArgumentException($"ContextLength must be at least 1; got {ContextLength}.", nameof(ContextLength));
        if (Layers < 1) throw new ArgumentException($"Layers must be at least 1; got {Layers}.", nameof(Layers));
        if (SegmentTypes < 0) throw new ArgumentException($"SegmentTypes must be 0 or more; got {SegmentTypes}.", nameof(SegmentTypes));
        if (Classes < 0 || Classes == 1) throw new ArgumentException($"Classes must be 0 (no head) or at least 2; got {Classes}.", nameof(Classes));
        if (PadId < 0 || PadId >= VocabSize) throw new ArgumentException($"PadId must be a token id in 0..{VocabSize - 1}; got {PadId}.", nameof(PadId));
        BlockConfig.Validate();
    }
}

/// <summary>
/// A BERT-style encoder: token + position (+ segment) embeddings, a layer norm, L bidirectional blocks of the shared
/// transformer (every token sees every other token, left and right), then two heads: the masked-LM head predicts the
/// original token at each position (its output matrix is the token embedding, tied), the classification head reads the
/// first token's final state ([CLS]) through the pooler, tanh(W h_0 + b). <c>forward(ids)</c> gives class logits.
/// </summary>
public sealed class Bert : nn.Module<Tensor, Tensor>
{
    readonly Embedding token_embedding;
    readonly Embedding position_embedding;
    readonly Embedding? segment_embedding;
    readonly LayerNorm embedding_norm;
    readonly Dropout embedding_dropout;
    readonly TransformerStack encoder;
    readonly Linear pooler;
    readonly Linear mlm_transform;
    readonly LayerNorm mlm_norm;
    readonly Parameter mlm_bias;
    readonly Linear? classifier;

    public BertConfig Config { get; }

    public Bert(BertConfig config, Device? device = null) : base(nameof(Bert))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int d = config.ModelDim;
        token_embedding = nn.Embedding(config.VocabSize, d, device: device);
        position_embedding = nn.Embedding(config.ContextLength, d, device: device);
        segment_embedding = config.SegmentTypes > 0 ? nn.Embedding(config.SegmentTypes, d, device: device) : null;
        embedding_norm = nn.LayerNorm(d, device: device);
        embedding_dropout = nn.Dropout(config.Dropout);
        encoder = new TransformerStack(config.BlockConfig, config.Layers, finalNorm: false, device: device);
        pooler = nn.Linear(d, d, device: device);
        mlm_transform = nn.Linear(d, d, device: device);
        mlm_norm = nn.LayerNorm(d, device: device);
        mlm_bias = new Parameter(zeros(config.VocabSize, device: device));
        classifier = config.Classes > 0 ? nn.Linear(d, config.Classes, device: device) : null;
        using (no_grad())
        {
            // BERT's initialisation: N(0, 0.02) for the embeddings (the tied output layer too)
            nn.init.normal_(token_embedding.weight!, 0, 0.02);
            nn.init.normal_(position_embedding.weight!, 0, 0.02);
            if (segment_embedding is not null) nn.init.normal_(segment_embedding.weight!, 0, 0.02);
        }
        RegisterComponents();
    }

    /// <summary>The token embedding matrix [V, d] (a static embedding: one vector per token, whatever its context).</summary>
    public Tensor TokenEmbeddings => token_embedding.weight!;

    /// <summary>The encoder stack (its blocks are named encoder.blocks.{i}; attention projections attention.q_proj etc.).</summary>
    public TransformerStack Encoder => encoder;

    /// <summary>
    /// Hidden states [B, T, d]: each position's vector after L bidirectional blocks (contextual embeddings).
    /// Padded positions (ids == PadId) are masked out as keys.
    /// </summary>
    /// <param name="ids">Token ids [B, T] int64, T ≤ ContextLength.</param>
    /// <param name="segments">Segment ids [B, T] (0 / 1), or null for all 0.</param>
    public Tensor Encode(Tensor ids, Tensor? segments = null)
    {
        CheckIds(ids);
        if (segments is not null && !segments.shape.SequenceEqual(ids.shape))
            throw new ArgumentException($"segments must have the shape of ids {ShapeText.Of(ids)}; got {ShapeText.Of(segments)}.", nameof(segments));
        using var scope = NewDisposeScope();
        long T = ids.shape[1];
        // x = E_token[ids] + E_position[0..T-1] (+ E_segment[segments]), then LN and dropout
        var x = token_embedding.call(ids).add(position_embedding.call(arange(T, dtype: ScalarType.Int64, device: ids.device)));
        if (segment_embedding is not null)
            x = x.add(segment_embedding.call(segments ?? zeros_like(ids)));
        x = embedding_dropout.call(embedding_norm.call(x));
        var padding = AttentionMasks.KeyPadding(ids, Config.PadId);
        return scope.MoveToOuter(encoder.Forward(x, mask: padding));
    }

    /// <summary>Masked-LM logits [B, T, V] from hidden states: LN(GELU(W h + b)) E^T + b_V, E the token embeddings.</summary>
    public Tensor MaskedLmLogits(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        var h = mlm_norm.call(nn.functional.gelu(mlm_transform.call(hidden)));
        return scope.MoveToOuter(nn.functional.linear(h, token_embedding.weight!, mlm_bias));
    }

    /// <summary>The pooled first token tanh(W h_0 + b) [B, d], what the classification head reads.</summary>
    public Tensor Pooled(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(pooler.call(hidden.select(1, 0)).tanh());
    }

    /// <summary>Class logits [B, Classes] from token ids [B, T] (the first token should be [CLS] or BOS).</summary>
    public override Tensor forward(Tensor ids)
    {
        if (classifier is null) throw new InvalidOperationException("This Bert has no classification head: set Classes in its config.");
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(classifier.call(Pooled(Encode(ids))));
    }

    /// <summary>The masked-LM loss: cross-entropy of the logits at the chosen positions (labels elsewhere are the ignore index -100).</summary>
    public Tensor MaskedLmLoss(Tensor inputs, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var logits = MaskedLmLogits(Encode(inputs));
        return scope.MoveToOuter(nn.functional.cross_entropy(logits.view(-1, Config.VocabSize), labels.view(-1), ignore_index: -100));
    }

    void CheckIds(Tensor ids)
    {
        if (ids.ndim != 2 || ids.dtype != ScalarType.Int64 || ids.shape[1] > Config.ContextLength || ids.shape[1] < 1)
            throw new ArgumentException(
                $"Expected token ids [B, T] of dtype Int64 with 1 ≤ T ≤ ContextLength ({Config.ContextLength}); got {ShapeText.Of(ids)} {ids.dtype}.", nameof(ids));
    }
}

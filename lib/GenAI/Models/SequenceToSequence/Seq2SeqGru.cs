using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes and special tokens of a GRU encoder-decoder.</summary>
/// <param name="SourceVocab">Source tokens.</param>
/// <param name="TargetVocab">Target tokens V (the output layer's width).</param>
/// <param name="SourcePad">Source padding id (ignored by the encoder's summary and by attention).</param>
/// <param name="TargetBos">Token the decoder starts from.</param>
/// <param name="Attention">null: the decoder sees one fixed context (the encoder's last state); otherwise how it scores the encoder states.</param>
public sealed record Seq2SeqConfig(int SourceVocab, int TargetVocab, long SourcePad, long TargetBos,
    int EmbeddingDim = 32, int HiddenDim = 128, AttentionScore? Attention = null)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot make a model.</summary>
    public void Validate()
    {
        const string r = nameof(Seq2SeqConfig);
        ConfigChecks.AtLeast(r, nameof(SourceVocab), SourceVocab, 1);
        ConfigChecks.AtLeast(r, nameof(TargetVocab), TargetVocab, 1);
        ConfigChecks.AtLeast(r, nameof(EmbeddingDim), EmbeddingDim, 1);
        ConfigChecks.AtLeast(r, nameof(HiddenDim), HiddenDim, 1);
    }
}

/// <summary>
/// What the encoder hands the decoder: its states h_1..h_S [B, S, H], the summary h_S [B, H], the
/// source mask [B, S] and, with attention, the keys' part of the score (computed once per source).
/// </summary>
public sealed record EncodedSource(Tensor Keys, Tensor Summary, Tensor Mask, Tensor? ProjectedKeys) : IDisposable
{
    public void Dispose()
    {
        Keys.Dispose();
        Summary.Dispose();
        Mask.Dispose();
        ProjectedKeys?.Dispose();
    }
}

/// <summary>Decoder output for a batch: logits [B, T, V] and attention weights [B, T, S] (null without attention).</summary>
public sealed record Seq2SeqOutput(Tensor Logits, Tensor? Weights);

/// <summary>
/// Sequence-to-sequence with GRUs (Cho et al. 2014; Bahdanau et al. 2015). The encoder reads the
/// source and produces a state per position h_1..h_S. The decoder writes the target one token at a
/// time: s_t = GRU([y_{t-1}; c_t], s_{t-1}), logits_t = W_o [s_t; c_t] + b_o, softmax for P(y_t).
/// Without attention c_t = h_S for every t: the whole source squeezed into one vector (the
/// bottleneck). With attention c_t = Σ_j α_tj h_j, with weights α_t from scoring s_{t-1} against
/// every h_j (the score is computed from the previous decoder state, as in Bahdanau et al., for
/// all three score functions).
/// </summary>
public sealed class Seq2SeqGru : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Embedding sourceEmbedding;
    readonly GRU encoder;
    readonly Embedding targetEmbedding;
    readonly GRUCell decoder;
    readonly Seq2SeqAttention? attention;
    readonly Linear output;

    public Seq2SeqConfig Config { get; }

    public Seq2SeqGru(Seq2SeqConfig config, Device? device = null) : base(nameof(Seq2SeqGru))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        sourceEmbedding = nn.Embedding(config.SourceVocab, config.EmbeddingDim, device: device);
        encoder = nn.GRU(config.EmbeddingDim, config.HiddenDim, batchFirst: true, device: device);
        targetEmbedding = nn.Embedding(config.TargetVocab, config.EmbeddingDim, device: device);
        decoder = nn.GRUCell(config.EmbeddingDim + config.HiddenDim, config.HiddenDim, device: device);
        if (config.Attention is AttentionScore score)
            attention = new Seq2SeqAttention(score, config.HiddenDim, config.HiddenDim, device: device);
        output = nn.Linear(2 * config.HiddenDim, config.TargetVocab, device: device);
        RegisterComponents();
    }

    /// <summary>Teacher-forced logits [B, T, V] for source [B, S] and decoder inputs [B, T] (BOS, y_1, ..., y_{T-1}).</summary>
    public override Tensor forward(Tensor source, Tensor targetInputs)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Decode(source, targetInputs, teacherForcing: 1.0).Logits);
    }

    /// <summary>
    /// Run the decoder for as many steps as <paramref name="targetInputs"/> has columns. At step t
    /// it reads the true previous token with probability <paramref name="teacherForcing"/> and its
    /// own previous guess (argmax) otherwise: 1 is teacher forcing, 0 is free running, in between
    /// is scheduled sampling (a curriculum from one to the other).
    /// </summary>
    public Seq2SeqOutput Decode(Tensor source, Tensor targetInputs, double teacherForcing = 1.0, Generator? generator = null)
    {
        if (targetInputs.ndim != 2 || targetInputs.shape[0] != source.shape[0])
            throw new ArgumentException(
                $"targetInputs must be [B, T] with the source's batch size {source.shape[0]}; got {ShapeText.Of(targetInputs)} for source {ShapeText.Of(source)}.",
                nameof(targetInputs));
        using var scope = NewDisposeScope();
        var decoded = Decode(Encode(source), targetInputs, teacherForcing, generator);
        decoded.Logits.MoveToOuterDisposeScope();
        decoded.Weights?.MoveToOuterDisposeScope();
        return decoded;
    }

    /// <summary>The decoder alone, on an already encoded source (see <see cref="Encode"/>).</summary>
    public Seq2SeqOutput Decode(EncodedSource encoded, Tensor targetInputs, double teacherForcing = 1.0, Generator? generator = null)
    {
        if (targetInputs.ndim != 2 || targetInputs.shape[0] != encoded.Keys.shape[0])
            throw new ArgumentException(
                $"targetInputs must be [B, T] with the encoded source's batch size {encoded.Keys.shape[0]}; got {ShapeText.Of(targetInputs)}.",
                nameof(targetInputs));
        using var scope = NewDisposeScope();
        var state = encoded.Summary;   // s_0 = h_S
        long steps = targetInputs.shape[1];
        var logits = new List<Tensor>();
        var weights = new List<Tensor>();
        var previous = targetInputs[.., 0];
        for (long t = 0; t < steps; t++)
        {
            if (t > 0)
            {
                // the model's own guess is needed only when some steps run free (teacherForcing < 1)
                previous = teacherForcing >= 1 ? targetInputs[.., t]
                    : teacherForcing <= 0 ? logits[^1].argmax(1)
                    : where(rand([targetInputs.shape[0]], generator: generator).to(targetInputs.device).lt(teacherForcing), targetInputs[.., t], logits[^1].argmax(1));
            }
            var (stepLogits, newState, alpha) = Step(previous, state, encoded);
            state = newState;
            logits.Add(stepLogits);
            if (alpha is not null) weights.Add(alpha);
        }
        var result = new Seq2SeqOutput(stack(logits, 1), weights.Count > 0 ? stack(weights, 1) : null);
        result.Logits.MoveToOuterDisposeScope();
        result.Weights?.MoveToOuterDisposeScope();
        return result;
    }

    /// <summary>Greedy decoding for <paramref name="steps"/> steps: tokens [B, steps] and weights [B, steps, S] (null without attention).</summary>
    public (Tensor Tokens, Tensor? Weights) Greedy(Tensor source, int steps)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var start = full([source.shape[0], steps], Config.TargetBos, ScalarType.Int64, source.device);
        var decoded = Decode(source, start, teacherForcing: 0.0);
        return (decoded.Logits.argmax(2).MoveToOuterDisposeScope(), decoded.Weights?.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Next-token logits [V] for one source sentence after the target prefix: the function
    /// <see cref="Sampling.BeamSearch.Search"/> expects (it passes the prefix generated so far).
    /// </summary>
    public Tensor NextTokenLogits(long[] source, IReadOnlyList<long> prefix)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var src = tensor(source, [1, source.Length], device: output.weight!.device);
        return scope.MoveToOuter(NextTokenLogits(Encode(src), prefix));
    }

    /// <summary>The same for a source encoded once with <see cref="Encode"/> (beam search calls this many times per sentence).</summary>
    public Tensor NextTokenLogits(EncodedSource encoded, IReadOnlyList<long> prefix)
    {
        if (encoded.Keys.shape[0] != 1)
            throw new ArgumentException($"NextTokenLogits takes one encoded sentence; got keys {ShapeText.Of(encoded.Keys)}.", nameof(encoded));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var inputs = tensor(new[] { Config.TargetBos }.Concat(prefix).ToArray(), [1, prefix.Count + 1], device: encoded.Keys.device);
        return scope.MoveToOuter(Decode(encoded, inputs).Logits[0, -1]);
    }

    /// <summary>Encoder: h_1..h_S = GRU(embed(x)); the summary h_S is the state after the last real (unpadded) token.</summary>
    public EncodedSource Encode(Tensor source)
    {
        if (source.ndim != 2 || source.shape[1] < 1)
            throw new ArgumentException($"source must be [B, S] token ids; got {ShapeText.Of(source)}.", nameof(source));
        using var scope = NewDisposeScope();
        var mask = source.ne(Config.SourcePad);                       // [B, S], true on real tokens
        var (keys, _) = encoder.call(sourceEmbedding.call(source));   // [B, S, H]
        var last = mask.sum(1).sub(1).clamp_min(0);                   // index of the last real token
        var summary = keys.gather(1, last.view(-1, 1, 1).expand(-1, 1, Config.HiddenDim)).squeeze(1);
        var projected = attention?.ProjectKeys(keys);                 // W_h h_j once, not at every decoder step
        var encoded = new EncodedSource(keys, summary, mask, projected);
        foreach (var t in new[] { keys, summary, mask }) t.MoveToOuterDisposeScope();
        projected?.MoveToOuterDisposeScope();
        return encoded;
    }

    // One decoder step from the previous token y_{t-1} and state s_{t-1}.
    (Tensor Logits, Tensor State, Tensor? Weights) Step(Tensor previous, Tensor state, EncodedSource encoded)
    {
        Tensor context;
        Tensor? alpha = null;
        if (attention is null)
            context = encoded.Summary;                                // c_t = h_S at every step
        else                                                          // c_t = Σ_j α_tj h_j, α_t from s_{t-1}
            (context, alpha) = attention.Attend(state, encoded.Keys, encoded.Mask, encoded.ProjectedKeys);
        var input = cat([targetEmbedding.call(previous), context], 1);
        var newState = decoder.call(input, state);                    // s_t = GRU([y_{t-1}; c_t], s_{t-1})
        var logits = output.call(cat([newState, context], 1));        // logits_t = W_o [s_t; c_t] + b_o
        return (logits, newState, alpha);
    }
}

using GenAI.Sampling;
using GenAI.Transformers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a T5-style encoder-decoder (Raffel et al., 2020).</summary>
/// <param name="VocabSize">Tokens V, shared by input and output.</param>
/// <param name="ContextLength">Learned positions for inputs and outputs (T5 itself uses relative position biases).</param>
/// <param name="ModelDim">Width d.</param>
/// <param name="Layers">Encoder blocks (and decoder blocks unless <paramref name="DecoderLayers"/> is given).</param>
/// <param name="Heads">Attention heads h.</param>
/// <param name="FfnDim">Inner width of the feed-forward networks.</param>
/// <param name="Dropout">Dropout probability.</param>
/// <param name="PadId">Padding id (masked out as keys).</param>
/// <param name="BosId">The token the decoder starts from.</param>
/// <param name="EosId">The token that ends an output.</param>
/// <param name="DecoderLayers">Decoder blocks; null = Layers.</param>
public sealed record T5Config(int VocabSize, int ContextLength = 64, int ModelDim = 128, int Layers = 2, int Heads = 4, int FfnDim = 512,
    double Dropout = 0.0, long PadId = 0, long BosId = 1, long EosId = 2, int? DecoderLayers = null)
{
    /// <summary>Encoder blocks: pre-LN, bidirectional.</summary>
    public TransformerBlockConfig EncoderBlock => new(ModelDim, Heads, FfnDim, Dropout, PreLayerNorm: true);
    /// <summary>Decoder blocks: pre-LN, causal self-attention, then cross-attention over the encoder's output.</summary>
    public TransformerBlockConfig DecoderBlock => EncoderBlock with { Causal = true, CrossAttention = true };

    public void Validate()
    {
        if (VocabSize < 3) throw new ArgumentException($"VocabSize must be at least 3; got {VocabSize}.", nameof(VocabSize));
        if (ContextLength < 2) throw new ArgumentException($"ContextLength must be at least 2; got {ContextLength}.", nameof(ContextLength));
        if (Layers < 1) throw new ArgumentException($"Layers must be at least 1; got {Layers}.", nameof(Layers));
        if (DecoderLayers is < 1) throw new ArgumentException($"DecoderLayers must be at least 1; got {DecoderLayers}.", nameof(DecoderLayers));
        foreach (var (id, name) in new[] { (PadId, nameof(PadId)), (BosId, nameof(BosId)), (EosId, nameof(EosId)) })
            if (id < 0 || id >= VocabSize) throw new ArgumentException($"{name} must be a token id in 0..{VocabSize - 1}; got {id}.", name);
        EncoderBlock.Validate();
    }
}

/// <summary>
/// A T5-style encoder-decoder: the encoder reads the whole input bidirectionally; the decoder writes the output one token
/// at a time, its self-attention causal (it sees only what it has written) and its cross-attention over every encoder
/// state. Every task is text to text: the task is named by a prefix of the input ("reverse: ...", "sort: ...").
/// One token embedding serves the encoder, the decoder and (tied) the output layer, as in T5.
/// </summary>
public sealed class T5 : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Embedding token_embedding;
    readonly Embedding position_embedding;
    readonly TransformerStack encoder;
    readonly TransformerStack decoder;

    public T5Config Config { get; }

    public T5(T5Config config, Device? device = null) : base(nameof(T5))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        token_embedding = nn.Embedding(config.VocabSize, config.ModelDim, device: device);
        position_embedding = nn.Embedding(config.ContextLength, config.ModelDim, device: device);
        encoder = new TransformerStack(config.EncoderBlock, config.Layers, device: device);
        decoder = new TransformerStack(config.DecoderBlock, config.DecoderLayers ?? config.Layers, device: device);
        using (no_grad())
        {
            nn.init.normal_(token_embedding.weight!, 0, 0.02);
            nn.init.normal_(position_embedding.weight!, 0, 0.02);
        }
        RegisterComponents();
    }

    Tensor Embed(Tensor ids) =>
        token_embedding.call(ids).add(position_embedding.call(arange(ids.shape[1], dtype: ScalarType.Int64, device: ids.device)));

    /// <summary>The encoder's states [B, S, d] for input ids [B, S].</summary>
    public Tensor Encode(Tensor source)
    {
        CheckIds(source, nameof(source));
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(encoder.Forward(Embed(source), mask: AttentionMasks.KeyPadding(source, Config.PadId)));
    }

    /// <summary>Next-token logits [B, T, V] for decoder inputs [B, T] (BOS then the target shifted right) given the encoder's states.</summary>
    public Tensor Decode(Tensor decoderInput, Tensor memory, Tensor source)
    {
        CheckIds(decoderInput, nameof(decoderInput));
        using var scope = NewDisposeScope();
        var y = decoder.Forward(Embed(decoderInput), mask: AttentionMasks.KeyPadding(decoderInput, Config.PadId),
            memory: memory, memoryMask: AttentionMasks.KeyPadding(source, Config.PadId));
        return scope.MoveToOuter(nn.functional.linear(y, token_embedding.weight!));
    }

    /// <summary>Logits [B, T, V] for source [B, S] and decoder input [B, T] (teacher forcing).</summary>
    public override Tensor forward(Tensor source, Tensor decoderInput)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Decode(decoderInput, Encode(source), source));
    }

    /// <summary>
    /// Cross-entropy of the targets [B, T] (each ending with EOS, padded with PadId): the decoder reads BOS + target[..-1]
    /// and predicts target; padded positions are ignored.
    /// </summary>
    public Tensor Loss(Tensor source, Tensor target)
    {
        using var scope = NewDisposeScope();
        var decoderInput = ShiftRight(target);
        var logits = forward(source, decoderInput);
        var labels = target.masked_fill(target.eq(Config.PadId), -100);
        return scope.MoveToOuter(nn.functional.cross_entropy(logits.view(-1, Config.VocabSize), labels.view(-1), ignore_index: -100));
    }

    /// <summary>BOS followed by the target without its last token: [B, T].</summary>
    public Tensor ShiftRight(Tensor target)
    {
        using var scope = NewDisposeScope();
        var bos = full(target.shape[0], 1, Config.BosId, ScalarType.Int64, target.device);
        return scope.MoveToOuter(cat([bos, target.narrow(1, 0, target.shape[1] - 1)], 1));
    }

    /// <summary>Greedy decoding of a batch [B, S]: at each step the most likely token, until EOS or maxLength tokens. Returns one list per input (EOS not included).</summary>
    public List<long[]> GenerateGreedy(Tensor source, int maxLength)
    {
        if (maxLength < 1 || maxLength >= Config.ContextLength)
            throw new ArgumentException($"maxLength must be in 1..{Config.ContextLength - 1}; got {maxLength}.", nameof(maxLength));
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var memory = Encode(source);
            long B = source.shape[0];
            var output = full(B, 1, Config.BosId, ScalarType.Int64, source.device);
            for (int step = 0; step < maxLength; step++)
            {
                var next = TokenSampler.Greedy(Decode(output, memory, source).select(1, -1)).view(B, 1);
                output = cat([output, next], 1);
            }
            var rows = output.narrow(1, 1, maxLength).cpu().data<long>().ToArray();
            return Enumerable.Range(0, (int)B)
                .Select(b => rows.Skip(b * maxLength).Take(maxLength).TakeWhile(t => t != Config.EosId).ToArray()).ToList();
        }
        finally { train(wasTraining); }
    }

    /// <summary>Beam search (Sampling/BeamSearch) for one input [S]: the best hypotheses, EOS included where reached.</summary>
    public BeamSearchResult GenerateBeam(long[] source, int beamWidth, int maxLength, double lengthPenalty = 0.0)
    {
        if (maxLength < 1 || maxLength >= Config.ContextLength)
            throw new ArgumentException($"maxLength must be in 1..{Config.ContextLength - 1}; got {maxLength}.", nameof(maxLength));
        bool wasTraining = training;
        eval();
        try
        {
            using var noGrad = no_grad();
            var device = token_embedding.weight!.device;
            using var src = tensor(source, device: device).unsqueeze(0);
            using var memory = Encode(src);
            Tensor Next(IReadOnlyList<long> prefix)
            {
                using var scope = NewDisposeScope();
                var input = tensor(prefix.ToArray(), device: device).unsqueeze(0);
                return scope.MoveToOuter(Decode(input, memory, src)[0, -1].cpu());
            }
            return BeamSearch.Search(Next, [Config.BosId], new BeamSearchOptions(beamWidth, maxLength, Config.EosId, lengthPenalty));
        }
        finally { train(wasTraining); }
    }

    void CheckIds(Tensor ids, string name)
    {
        if (ids.ndim != 2 || ids.dtype != ScalarType.Int64 || ids.shape[1] < 1 || ids.shape[1] > Config.ContextLength)
            throw new ArgumentException(
                $"Expected token ids [B, T] of dtype Int64 with 1 ≤ T ≤ ContextLength ({Config.ContextLength}); got {ShapeText.Of(ids)} {ids.dtype}.", name);
    }
}

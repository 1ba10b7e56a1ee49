using GenAI.Sampling;
using GenAI.Transformers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of the image captioning model.</summary>
/// <param name="VocabSize">Caption tokens V (specials included).</param>
/// <param name="ContextLength">Longest caption the decoder reads, BOS included.</param>
/// <param name="ModelDim">Width d of the decoder and of the image tokens.</param>
/// <param name="Layers">Decoder blocks.</param>
/// <param name="Heads">Attention heads (self and cross).</param>
/// <param name="FfnDim">Inner width of the feed-forward networks.</param>
/// <param name="Dropout">Dropout in the decoder.</param>
/// <param name="Image">The convolutional encoder (its ModelDim must be ModelDim).</param>
/// <param name="PadId">Padding id of decoder inputs.</param>
/// <param name="BosId">The token every caption starts from.</param>
/// <param name="EosId">The token that ends a caption.</param>
public sealed record CaptionerConfig(int VocabSize, int ContextLength = 16, int ModelDim = 64, int Layers = 2, int Heads = 4, int FfnDim = 128,
    double Dropout = 0.0, ImageEncoderConfig? Image = null, long PadId = 0, long BosId = 1, long EosId = 2)
{
    public ImageEncoderConfig ImageTower => Image ?? new ImageEncoderConfig(ModelDim: ModelDim);
    /// <summary>Pre-LN decoder blocks: causal self-attention over the caption so far, cross-attention over the image tokens.</summary>
    public TransformerBlockConfig DecoderBlock => new(ModelDim, Heads, FfnDim, Dropout, PreLayerNorm: true, CrossAttention: true, Causal: true);

    public void Validate()
    {
        const string record = nameof(CaptionerConfig);
        ConfigChecks.AtLeast(record, nameof(VocabSize), VocabSize, 3);
        ConfigChecks.AtLeast(record, nameof(ContextLength), ContextLength, 2);
        ConfigChecks.AtLeast(record, nameof(Layers), Layers, 1);
        foreach (var (id, name) in new[] { (PadId, nameof(PadId)), (BosId, nameof(BosId)), (EosId, nameof(EosId)) })
            if (id < 0 || id >= VocabSize) throw new ArgumentException($"{record}.{name} must be a token id in 0..{VocabSize - 1}; got {id}.", name);
        DecoderBlock.Validate();
        ImageTower.Validate();
        if (ImageTower.ModelDim != ModelDim)
            throw new ArgumentException($"{record}.{nameof(Image)}.ModelDim must equal {nameof(ModelDim)} {ModelDim}; got {ImageTower.ModelDim}.", nameof(Image));
    }
}

/// <summary>
/// Show and Tell on the shared transformer: a CNN turns the image into a grid of feature tokens, and a causal decoder
/// writes the caption one token at a time, cross-attending to those tokens at every step. Trained by teacher forcing
/// (input BOS y1..yn, target y1..yn EOS); decoded greedily or by beam search from <c>Sampling/</c>.
/// </summary>
public sealed class Captioner : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Targets with this value are ignored by the loss (padding).</summary>
    public const long IgnoreIndex = -100;

    readonly ImageEncoder image_encoder;
    readonly Embedding token_embedding;
    readonly Embedding position_embedding;
    readonly TransformerStack decoder;
    readonly Linear lm_head;

    public CaptionerConfig Config { get; }

    public Captioner(CaptionerConfig config, Device? device = null) : base(nameof(Captioner))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        image_encoder = new ImageEncoder(config.ImageTower, device);
        token_embedding = nn.Embedding(config.VocabSize, config.ModelDim, device: device);
        position_embedding = nn.Embedding(config.ContextLength, config.ModelDim, device: device);
        decoder = new TransformerStack(config.DecoderBlock, config.Layers, device: device);
        lm_head = nn.Linear(config.ModelDim, config.VocabSize, device: device);
        using (no_grad())
        {
            nn.init.normal_(token_embedding.weight!, 0, 0.02);
            nn.init.normal_(position_embedding.weight!, 0, 0.02);
        }
        RegisterComponents();
    }

    /// <summary>The image tokens [B, g², d] the decoder attends to.</summary>
    public Tensor EncodeImages(Tensor images) => image_encoder.Tokens(images);

    /// <summary>Next-token logits [B, T, V] for decoder inputs [B, T] (BOS first) given image tokens [B, S, d].</summary>
    public Tensor Decode(Tensor memory, Tensor inputs)
    {
        if (inputs.ndim != 2 || inputs.dtype != ScalarType.Int64)
            throw new ArgumentException($"inputs must be int64 token ids [B, T]; got {inputs.dtype} {ShapeText.Of(inputs)}.", nameof(inputs));
        if (inputs.shape[1] < 1 || inputs.shape[1] > Config.ContextLength)
            throw new ArgumentException($"inputs have {inputs.shape[1]} tokens; ContextLength is {Config.ContextLength}.", nameof(inputs));
        if (memory.ndim != 3 || memory.shape[0] != inputs.shape[0])
            throw new ArgumentException($"memory must be [B, S, d] with B = {inputs.shape[0]}; got {ShapeText.Of(memory)}.", nameof(memory));
        using var scope = NewDisposeScope();
        var positions = arange(inputs.shape[1], dtype: ScalarType.Int64, device: inputs.device);
        var x = token_embedding.call(inputs).add(position_embedding.call(positions));
        var h = decoder.Forward(x, mask: AttentionMasks.KeyPadding(inputs, Config.PadId), memory: memory);
        return scope.MoveToOuter(lm_head.call(h));
    }

    /// <summary>Logits [B, T, V] for images and decoder inputs [B, T].</summary>
    public override Tensor forward(Tensor images, Tensor inputs)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Decode(EncodeImages(images), inputs));
    }

    /// <summary>Mean cross-entropy over the target tokens that are not <see cref="IgnoreIndex"/>.</summary>
    public Tensor Loss(Tensor images, Tensor inputs, Tensor targets)
    {
        if (!targets.shape.SequenceEqual(inputs.shape))
            throw new ArgumentException($"targets must have the shape of inputs {ShapeText.Of(inputs)}; got {ShapeText.Of(targets)}.", nameof(targets));
        using var scope = NewDisposeScope();
        var logits = forward(images, inputs);
        var loss = nn.functional.cross_entropy(logits.view(-1, Config.VocabSize), targets.reshape(-1), ignore_index: IgnoreIndex);
        return scope.MoveToOuter(loss);
    }

    /// <summary>
    /// Teacher forcing pairs for captions (token ids without specials): inputs BOS y1..yn (padded with PadId) and targets
    /// y1..yn EOS (padded with <see cref="IgnoreIndex"/>), both int64 [B, max n + 1].
    /// </summary>
    public (Tensor Inputs, Tensor Targets) TeacherForcing(IReadOnlyList<IReadOnlyList<long>> captions, Device? device = null)
    {
        if (captions.Count == 0) throw new ArgumentException("give at least one caption.", nameof(captions));
        int t = captions.Max(c => c.Count) + 1;
        if (t > Config.ContextLength)
            throw new ArgumentException($"the longest caption needs {t} decoder positions (BOS included); ContextLength is {Config.ContextLength}.", nameof(captions));
        var inputs = new long[captions.Count * t];
        var targets = new long[captions.Count * t];
        Array.Fill(inputs, Config.PadId);
        Array.Fill(targets, IgnoreIndex);
        for (int b = 0; b < captions.Count; b++)
        {
            inputs[b * t] = Config.BosId;
            for (int i = 0; i < captions[b].Count; i++)
            {
                inputs[b * t + i + 1] = captions[b][i];
                targets[b * t + i] = captions[b][i];
            }
            targets[b * t + captions[b].Count] = Config.EosId;
        }
        return (tensor(inputs, [captions.Count, t], ScalarType.Int64, device), tensor(targets, [captions.Count, t], ScalarType.Int64, device));
    }

    /// <summary>Greedy captions for a batch of images: at each step the argmax token; each caption stops at EOS (not included).</summary>
    public IReadOnlyList<long[]> Greedy(Tensor images, int maxLength)
    {
        if (maxLength < 1 || maxLength >= Config.ContextLength)
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"maxLength must be in 1..{Config.ContextLength - 1}.");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        bool wasTraining = training;
        eval();
        try
        {
            var memory = EncodeImages(images);
            long b = memory.shape[0];
            var sequence = full(b, 1, Config.BosId, dtype: ScalarType.Int64, device: memory.device);
            for (int step = 0; step < maxLength; step++)
            {
                var logits = Decode(memory, sequence);
                var next = TokenSampler.Greedy(logits.select(1, -1));   // [B]
                sequence = cat([sequence, next.unsqueeze(1)], 1);
            }
            var ids = sequence.cpu().data<long>().ToArray();
            int width = maxLength + 1;
            return Enumerable.Range(0, (int)b)
                .Select(i => ids.Skip(i * width + 1).Take(maxLength).TakeWhile(id => id != Config.EosId).ToArray())
                .ToList();
        }
        finally { train(wasTraining); }
    }

    /// <summary>Beam search (<see cref="BeamSearch"/>) for one image [1, 1, S, S], [1, S, S] or [S*S]; EOS ends a beam.</summary>
    public BeamSearchResult Beam(Tensor image, int beamWidth, int maxLength, double lengthPenalty = 0.0)
    {
        if (maxLength < 1 || maxLength >= Config.ContextLength)
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"maxLength must be in 1..{Config.ContextLength - 1}.");
        using var noGrad = no_grad();
        bool wasTraining = training;
        eval();
        try
        {
            using var memory = EncodeImages(image.ndim is 1 or 3 ? image.unsqueeze(0) : image);
            if (memory.shape[0] != 1) throw new ArgumentException($"Beam captions one image; got {memory.shape[0]}.", nameof(image));
            var device = memory.device;
            Tensor Next(IReadOnlyList<long> prefix)
            {
                using var scope = NewDisposeScope();
                var ids = tensor(prefix.ToArray(), [1, prefix.Count], ScalarType.Int64, device);
                return scope.MoveToOuter(Decode(memory, ids)[0, -1]);
            }
            return BeamSearch.Search(Next, [Config.BosId], new BeamSearchOptions(beamWidth, maxLength, Config.EosId, lengthPenalty));
        }
        finally { train(wasTraining); }
    }

    /// <summary>The tokens of a beam hypothesis without the final EOS.</summary>
    public long[] Caption(BeamHypothesis hypothesis) => hypothesis.Tokens.TakeWhile(id => id != Config.EosId).ToArray();
}

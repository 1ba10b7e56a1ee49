using GenAI.Metrics;
using GenAI.Transformers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a CLIP-style pair of towers (Radford et al., 2021), small enough for the digits on a CPU.</summary>
/// <param name="VocabSize">Text tokens V (characters of the course's tokenizer); ignored when <paramref name="FrozenTextDim"/> is set.</param>
/// <param name="ContextLength">Longest text in tokens (learned positions).</param>
/// <param name="ModelDim">Width d inside both towers.</param>
/// <param name="Layers">Blocks of the text transformer.</param>
/// <param name="Heads">Attention heads of the text transformer.</param>
/// <param name="FfnDim">Inner width of its feed-forward networks.</param>
/// <param name="Dropout">Dropout in the text transformer.</param>
/// <param name="EmbedDim">Width of the shared space both towers project into.</param>
/// <param name="Image">The image tower.</param>
/// <param name="PadId">Padding token (not attended to, not pooled).</param>
/// <param name="InitialTemperature">tau at the start; the model keeps log(1/tau) (CLIP: 0.07).</param>
/// <param name="MaxLogitScale">The clamp on 1/tau (CLIP: 100).</param>
/// <param name="FrozenTextDim">When set, the text tower is not a transformer but a two-layer head on frozen sentence vectors of this width (MiniLM: 384).</param>
public sealed record ClipConfig(int VocabSize, int ContextLength = 32, int ModelDim = 64, int Layers = 2, int Heads = 4, int FfnDim = 128,
    double Dropout = 0.0, int EmbedDim = 32, ImageEncoderConfig? Image = null, long PadId = 0,
    double InitialTemperature = 0.07, double MaxLogitScale = 100.0, int? FrozenTextDim = null)
{
    public ImageEncoderConfig ImageTower => Image ?? new ImageEncoderConfig(ModelDim: ModelDim);
    public TransformerBlockConfig TextBlock => new(ModelDim, Heads, FfnDim, Dropout, PreLayerNorm: true);

    public void Validate()
    {
        const string record = nameof(ClipConfig);
        if (FrozenTextDim is null)
        {
            ConfigChecks.AtLeast(record, nameof(VocabSize), VocabSize, 2);
            if (PadId < 0 || PadId >= VocabSize) throw new ArgumentException($"{record}.{nameof(PadId)} must be a token id in 0..{VocabSize - 1}; got {PadId}.", nameof(PadId));
        }
        else ConfigChecks.AtLeast(record, nameof(FrozenTextDim), FrozenTextDim.Value, 1);
        ConfigChecks.AtLeast(record, nameof(ContextLength), ContextLength, 1);
        ConfigChecks.AtLeast(record, nameof(Layers), Layers, 1);
        ConfigChecks.AtLeast(record, nameof(EmbedDim), EmbedDim, 1);
        if (!(InitialTemperature > 0)) throw new ArgumentException($"{record}.{nameof(InitialTemperature)} must be positive; got {InitialTemperature}.", nameof(InitialTemperature));
        if (!(MaxLogitScale >= 1)) throw new ArgumentException($"{record}.{nameof(MaxLogitScale)} must be at least 1; got {MaxLogitScale}.", nameof(MaxLogitScale));
        if (1 / InitialTemperature > MaxLogitScale)
            throw new ArgumentException($"{record}.{nameof(InitialTemperature)} {InitialTemperature} gives 1/tau above {nameof(MaxLogitScale)} {MaxLogitScale}.", nameof(InitialTemperature));
        TextBlock.Validate();
        ImageTower.Validate();
        if (ImageTower.ModelDim != ModelDim)
            throw new ArgumentException($"{record}.{nameof(Image)}.ModelDim must equal {nameof(ModelDim)} {ModelDim}; got {ImageTower.ModelDim}.", nameof(Image));
    }
}

/// <summary>
/// Contrastive language-image pre-training: an image tower and a text tower, each ending in a linear projection into one
/// shared space of width EmbedDim, where both vectors are L2-normalised. For a batch of N matching (image, text) pairs the
/// logits are s · I Tᵀ (cosines scaled by s = 1/tau), and the symmetric InfoNCE loss asks every image to pick its own text
/// among the N and every text its own image. s is learned as log s and clamped at MaxLogitScale, as CLIP does.
/// The text tower is the shared transformer over characters, mean-pooled over real tokens, or (FrozenTextDim) a small
/// head on frozen sentence vectors.
/// </summary>
public sealed class Clip : nn.Module<Tensor, Tensor, Tensor>
{
    readonly ImageEncoder image_encoder;
    readonly Linear image_projection;
    readonly Embedding? token_embedding;
    readonly Embedding? position_embedding;
    readonly TransformerStack? text_encoder;
    readonly Linear? frozen_text_input;
    readonly Linear text_projection;
    readonly Parameter logit_scale;

    public ClipConfig Config { get; }

    public Clip(ClipConfig config, Device? device = null) : base(nameof(Clip))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        image_encoder = new ImageEncoder(config.ImageTower, device);
        image_projection = nn.Linear(config.ModelDim, config.EmbedDim, hasBias: false, device: device);
        if (config.FrozenTextDim is int frozen)
            frozen_text_input = nn.Linear(frozen, config.ModelDim, device: device);
        else
        {
            token_embedding = nn.Embedding(config.VocabSize, config.ModelDim, device: device);
            position_embedding = nn.Embedding(config.ContextLength, config.ModelDim, device: device);
            text_encoder = new TransformerStack(config.TextBlock, config.Layers, device: device);
            using (no_grad())
            {
                nn.init.normal_(token_embedding.weight!, 0, 0.02);
                nn.init.normal_(position_embedding.weight!, 0, 0.02);
            }
        }
        text_projection = nn.Linear(config.ModelDim, config.EmbedDim, hasBias: false, device: device);
        logit_scale = nn.Parameter(tensor(Math.Log(1 / config.InitialTemperature), ScalarType.Float32, device));
        RegisterComponents();
    }

    /// <summary>The learned log(1/tau) before the clamp.</summary>
    public Tensor LogLogitScale => logit_scale;

    /// <summary>s = exp(min(log s, log MaxLogitScale)): the scale of the cosines, 1/tau, never above MaxLogitScale.</summary>
    public Tensor LogitScale() => logit_scale.clamp(max: Math.Log(Config.MaxLogitScale)).exp();

    /// <summary>Unit vectors [B, EmbedDim] for images [B, 1, S, S] or [B, S*S].</summary>
    public Tensor EncodeImages(Tensor images)
    {
        using var scope = NewDisposeScope();
        var z = image_projection.call(image_encoder.Pooled(images));
        return scope.MoveToOuter(nn.functional.normalize(z, p: 2, dim: 1));
    }

    /// <summary>
    /// Unit vectors [B, EmbedDim] for texts: token ids [B, T] (int64, padded with PadId, T ≤ ContextLength) for the
    /// transformer tower, or frozen sentence vectors [B, FrozenTextDim] (float32) for the frozen one.
    /// </summary>
    public Tensor EncodeTexts(Tensor texts)
    {
        using var scope = NewDisposeScope();
        Tensor h;
        if (frozen_text_input is not null)
        {
            int f = Config.FrozenTextDim!.Value;
            if (texts.ndim != 2 || texts.shape[1] != f || texts.dtype != ScalarType.Float32)
                throw new ArgumentException($"this Clip reads frozen sentence vectors: float32 [B, {f}]; got {texts.dtype} {ShapeText.Of(texts)}.", nameof(texts));
            h = nn.functional.gelu(frozen_text_input.call(texts));
        }
        else
        {
            if (texts.ndim != 2 || texts.dtype != ScalarType.Int64)
                throw new ArgumentException($"texts must be int64 token ids [B, T]; got {texts.dtype} {ShapeText.Of(texts)}.", nameof(texts));
            if (texts.shape[1] > Config.ContextLength || texts.shape[1] < 1)
                throw new ArgumentException($"texts have {texts.shape[1]} tokens; ContextLength is {Config.ContextLength}.", nameof(texts));
            var real = texts.ne(Config.PadId);                                         // [B, T]
            if (real.any(1).logical_not().any().item<bool>())
                throw new ArgumentException("every text needs at least one token that is not padding.", nameof(texts));
            var positions = arange(texts.shape[1], dtype: ScalarType.Int64, device: texts.device);
            var x = token_embedding!.call(texts).add(position_embedding!.call(positions));
            x = text_encoder!.Forward(x, mask: AttentionMasks.KeyPadding(texts, Config.PadId));
            // mean over the real tokens: sum_t m_t h_t / sum_t m_t
            var m = real.unsqueeze(-1).to(x.dtype);
            h = x.mul(m).sum(1).div(m.sum(1));
        }
        var z = text_projection.call(h);
        return scope.MoveToOuter(nn.functional.normalize(z, p: 2, dim: 1));
    }

    /// <summary>Logits [B, B]: s · cos(image i, text j). Row i is image i against every text.</summary>
    public override Tensor forward(Tensor images, Tensor texts)
    {
        using var scope = NewDisposeScope();
        var i = EncodeImages(images);
        var t = EncodeTexts(texts);
        if (i.shape[0] != t.shape[0])
            throw new ArgumentException($"a batch needs as many texts as images; got {i.shape[0]} images and {t.shape[0]} texts.");
        return scope.MoveToOuter(i.mm(t.t()).mul(LogitScale()));
    }

    /// <summary>The symmetric InfoNCE loss of a batch of matching pairs (pair i = image i, text i).</summary>
    public Tensor Loss(Tensor images, Tensor texts)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(ContrastiveLoss.SymmetricInfoNce(forward(images, texts)));
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a noise-predicting U-Net for square images [N, Channels, S, S].</summary>
/// <param name="Channels">Image channels (1 for greyscale).</param>
/// <param name="ModelDim">Feature channels of the first level; level i has ModelDim · ChannelMultipliers[i].</param>
/// <param name="ChannelMultipliers">One multiplier per resolution level, e.g. (1, 2, 4) as in the Annotated Diffusion recipe; each level after the first halves the side.</param>
/// <param name="ClassCount">Number of classes for conditioning; 0 for an unconditional network. Label ClassCount is the null class.</param>
/// <param name="TimeEmbeddingDim">Width of the timestep (and class) embedding; 0 means 4 · ModelDim.</param>
/// <param name="Groups">Groups of each GroupNorm (must divide every level's channels).</param>
public sealed record UNetConfig(int Channels = 1, int ModelDim = 32, int[]? ChannelMultipliers = null, int ClassCount = 0, int TimeEmbeddingDim = 0, int Groups = 8)
{
    /// <summary>The multipliers in use: (1, 2, 4) unless given.</summary>
    public int[] Multipliers => ChannelMultipliers ?? new[] { 1, 2, 4 };

    /// <summary>The embedding width in use.</summary>
    public int EmbeddingDim => TimeEmbeddingDim > 0 ? TimeEmbeddingDim : 4 * ModelDim;

    /// <summary>The label that means "no class" (classifier-free guidance): ClassCount.</summary>
    public int NullClass => ClassCount;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (Channels < 1) throw new ArgumentException($"Channels must be at least 1; got {Channels}.", nameof(Channels));
        if (ModelDim < 1) throw new ArgumentException($"ModelDim must be at least 1; got {ModelDim}.", nameof(ModelDim));
        if (Multipliers.Length < 1 || Multipliers.Any(m => m < 1))
            throw new ArgumentException($"ChannelMultipliers must be one or more values of at least 1; got ({string.Join(", ", Multipliers)}).", nameof(ChannelMultipliers));
        if (ClassCount < 0) throw new ArgumentException($"ClassCount must be at least 0; got {ClassCount}.", nameof(ClassCount));
        if (TimeEmbeddingDim < 0) throw new ArgumentException($"TimeEmbeddingDim must be at least 0; got {TimeEmbeddingDim}.", nameof(TimeEmbeddingDim));
        if (EmbeddingDim % 2 != 0) throw new ArgumentException($"The embedding width must be even (sine and cosine halves); got {EmbeddingDim}.", nameof(TimeEmbeddingDim));
        if (Groups < 1) throw new ArgumentException($"Groups must be at least 1; got {Groups}.", nameof(Groups));
        foreach (int m in Multipliers)
            if (ModelDim * m % Groups != 0)
                throw new ArgumentException($"Groups = {Groups} must divide every level's channels; ModelDim · {m} = {ModelDim * m} is not divisible.", nameof(Groups));
    }
}

/// <summary>
/// The sinusoidal timestep embedding of the transformer and of DDPM: for frequencies
/// w_k = 10000^(-k/(d/2)), k = 0 .. d/2-1, emb(t) = [sin(t w_0) .. sin(t w_{d/2-1}), cos(t w_0) .. cos(t w_{d/2-1})].
/// </summary>
public static class TimestepEmbedding
{
    /// <summary>Steps t [N] (any numeric dtype) -> [N, dim] float32 on t's device.</summary>
    public static Tensor Sinusoidal(Tensor t, int dim)
    {
        if (dim < 2 || dim % 2 != 0)
            throw new ArgumentException($"The embedding width must be even and at least 2; got {dim}.", nameof(dim));
        if (t.ndim != 1)
            throw new ArgumentException($"Expected steps of shape [N]; got {ShapeText.Of(t)}.", nameof(t));
        using var scope = NewDisposeScope();
        int half = dim / 2;
        var k = torch.arange(half, dtype: ScalarType.Float32, device: t.device);
        var frequencies = torch.exp(-Math.Log(10000.0) * k / half);               // w_k
        var angles = t.to_type(ScalarType.Float32).unsqueeze(1) * frequencies.unsqueeze(0);  // [N, d/2]
        return scope.MoveToOuter(torch.cat(new[] { angles.sin(), angles.cos() }, 1));
    }
}

/// <summary>
/// A residual block conditioned on the embedding: GroupNorm -> SiLU -> 3x3 conv, plus a per-channel shift
/// from the embedding, -> GroupNorm -> SiLU -> 3x3 conv, added to the input (through a 1x1 conv if the widths differ).
/// </summary>
public sealed class UNetResidualBlock : nn.Module<Tensor, Tensor, Tensor>
{
    readonly GroupNorm norm1;
    readonly Conv2d conv1;
    readonly Linear embeddingProjection;
    readonly GroupNorm norm2;
    readonly Conv2d conv2;
    readonly Conv2d? skip;

    public UNetResidualBlock(int inChannels, int outChannels, int embeddingDim, int groups, Device? device = null) : base(nameof(UNetResidualBlock))
    {
        norm1 = Normalization(Gcd(groups, inChannels), inChannels, device);
        conv1 = nn.Conv2d(inChannels, outChannels, 3, padding: 1, device: device);
        embeddingProjection = nn.Linear(embeddingDim, outChannels, device: device);
        norm2 = Normalization(groups, outChannels, device);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, device: device);
        skip = inChannels == outChannels ? null : nn.Conv2d(inChannels, outChannels, 1, device: device);
        RegisterComponents();
    }

    /// <summary>x [N, C_in, H, W], embedding [N, E] -> [N, C_out, H, W].</summary>
    public override Tensor forward(Tensor x, Tensor embedding)
    {
        using var scope = NewDisposeScope();
        var h = conv1.call(nn.functional.silu(norm1.call(x)));
        h = h + embeddingProjection.call(nn.functional.silu(embedding)).unsqueeze(-1).unsqueeze(-1);
        h = conv2.call(nn.functional.silu(norm2.call(h)));
        return scope.MoveToOuter(h + (skip is null ? x : skip.call(x)));
    }

    static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>
    /// A GroupNorm with scale 1 and shift 0. TorchSharp 0.107's GroupNorm leaves its affine parameters
    /// uninitialised (whatever the memory held, even NaN), so they are set here as PyTorch sets them.
    /// </summary>
    internal static GroupNorm Normalization(int groups, int channels, Device? device)
    {
        var norm = nn.GroupNorm(groups, channels, device: device);
        using (no_grad())
        {
            nn.init.ones_(norm.weight!);
            nn.init.zeros_(norm.bias!);
        }
        return norm;
    }
}

/// <summary>
/// A U-Net that predicts the noise eps in x_t (Ronneberger et al., 2015; as used by DDPM). The step t goes through
/// a sinusoidal embedding and a two-layer MLP (SiLU); with classes, a learned class embedding (one row more for
/// the null class) is added to it. The down path has one residual block per level and a stride-2 conv between levels;
/// a middle block works at the coarsest side; the up path upsamples (nearest, to the skip's size, then a 3x3 conv),
/// concatenates the skip connection of the same level and applies a residual block. Every layer is a convolution,
/// so any image side works (odd sides after halving are rounded up and matched back through the skips).
/// </summary>
public sealed class UNet : nn.Module<Tensor, Tensor, Tensor>, INoisePredictingNetwork
{
    readonly Linear timeHidden;
    readonly Linear timeOut;
    readonly Embedding? classEmbedding;
    readonly Conv2d inputConv;
    readonly ModuleList<UNetResidualBlock> downBlocks;
    readonly ModuleList<Conv2d> downsamples;
    readonly UNetResidualBlock middle;
    readonly ModuleList<UNetResidualBlock> upBlocks;
    readonly ModuleList<Conv2d> upsampleConvs;
    readonly GroupNorm outputNorm;
    readonly Conv2d outputConv;

    public UNetConfig Config { get; }

    public int ClassCount => Config.ClassCount;

    /// <inheritdoc/>
    public Tensor PredictNoise(Tensor xt, Tensor t, Tensor? labels) => forward(xt, t, labels);

    public UNet(UNetConfig config, Device? device = null) : base(nameof(UNet))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int d = config.ModelDim, e = config.EmbeddingDim;
        var widths = config.Multipliers.Select(m => d * m).ToArray();
        timeHidden = nn.Linear(e, e, device: device);
        timeOut = nn.Linear(e, e, device: device);
        if (config.ClassCount > 0)
            classEmbedding = nn.Embedding(config.ClassCount + 1, e, device: device);
        inputConv = nn.Conv2d(config.Channels, d, 3, padding: 1, device: device);
        downBlocks = new ModuleList<UNetResidualBlock>();
        downsamples = new ModuleList<Conv2d>();
        int previous = d;
        for (int i = 0; i < widths.Length; i++)
        {
            downBlocks.Add(new UNetResidualBlock(previous, widths[i], e, config.Groups, device));
            if (i < widths.Length - 1)
                downsamples.Add(nn.Conv2d(widths[i], widths[i], 3, stride: 2, padding: 1, device: device));
            previous = widths[i];
        }
        middle = new UNetResidualBlock(previous, previous, e, config.Groups, device);
        upBlocks = new ModuleList<UNetResidualBlock>();
        upsampleConvs = new ModuleList<Conv2d>();
        // Up path from the coarsest level to the finest; upBlocks[j] serves level L-1-j
        for (int i = widths.Length - 1; i >= 0; i--)
        {
            if (i < widths.Length - 1)
                upsampleConvs.Add(nn.Conv2d(previous, previous, 3, padding: 1, device: device));
            upBlocks.Add(new UNetResidualBlock(previous + widths[i], widths[i], e, config.Groups, device));
            previous = widths[i];
        }
        outputNorm = UNetResidualBlock.Normalization(config.Groups, d, device);
        outputConv = nn.Conv2d(d, config.Channels, 3, padding: 1, device: device);
        RegisterComponents();
    }

    /// <summary>Unconditional prediction (with classes: the null class). x_t [N, C, H, W], t int64 [N] -> eps_hat [N, C, H, W].</summary>
    public override Tensor forward(Tensor xt, Tensor t) => forward(xt, t, null);

    /// <summary>Prediction for labels [N] (int64, 0 .. ClassCount; ClassCount = null class), or unconditional if null.</summary>
    public Tensor forward(Tensor xt, Tensor t, Tensor? labels)
    {
        if (xt.ndim != 4 || xt.shape[1] != Config.Channels)
            throw new ArgumentException($"Expected images of shape [N, {Config.Channels}, H, W]; got {ShapeText.Of(xt)}.", nameof(xt));
        if (t.ndim != 1 || t.shape[0] != xt.shape[0])
            throw new ArgumentException($"Expected one step per image, shape [{xt.shape[0]}]; got {ShapeText.Of(t)}.", nameof(t));
        if (labels is not null)
        {
            if (classEmbedding is null)
                throw new ArgumentException("This U-Net has ClassCount = 0 and takes no labels.", nameof(labels));
            if (labels.ndim != 1 || labels.shape[0] != xt.shape[0] || labels.dtype != ScalarType.Int64)
                throw new ArgumentException($"Expected int64 labels of shape [{xt.shape[0]}]; got {labels.dtype} {ShapeText.Of(labels)}.", nameof(labels));
        }
        using var scope = NewDisposeScope();
        var embedding = timeOut.call(nn.functional.silu(timeHidden.call(TimestepEmbedding.Sinusoidal(t, Config.EmbeddingDim))));
        if (classEmbedding is not null)
            embedding = embedding + classEmbedding.call(labels ?? torch.full(xt.shape[0], (long)Config.NullClass, dtype: ScalarType.Int64, device: xt.device));
        var h = inputConv.call(xt);
        var skips = new List<Tensor>();
        for (int i = 0; i < downBlocks.Count; i++)
        {
            h = downBlocks[i].call(h, embedding);
            skips.Add(h);
            if (i < downsamples.Count)
                h = downsamples[i].call(h);
        }
        h = middle.call(h, embedding);
        for (int j = 0; j < upBlocks.Count; j++)
        {
            var skipConnection = skips[skips.Count - 1 - j];
            if (j > 0)
            {
                h = nn.functional.interpolate(h, size: new[] { skipConnection.shape[2], skipConnection.shape[3] }, mode: InterpolationMode.Nearest);
                h = upsampleConvs[j - 1].call(h);
            }
            h = upBlocks[j].call(torch.cat(new[] { h, skipConnection }, 1), embedding);
        }
        return scope.MoveToOuter(outputConv.call(nn.functional.silu(outputNorm.call(h))));
    }

    /// <summary>This network as a sampler's noise predictor (unconditional).</summary>
    public GenAI.Diffusion.NoisePredictor AsPredictor() => (xt, t) => call(xt, t);

    /// <summary>This network with labels, for <see cref="GenAI.Diffusion.ClassifierFreeGuidance.Guide"/>.</summary>
    public Func<Tensor, Tensor, Tensor, Tensor> AsConditionalPredictor() => (xt, t, labels) => forward(xt, t, labels);
}

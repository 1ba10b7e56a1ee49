using GenAI.Transformers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a vision transformer (ViT, Dosovitskiy et al. 2020) for small images.</summary>
/// <param name="ImageSize">Height and width of the square input images.</param>
/// <param name="PatchSize">Side P of the square patches; must divide ImageSize.</param>
/// <param name="InChannels">Channels of the input images (as in CnnClassifierConfig).</param>
/// <param name="ModelDim">Width D of every token (patch embedding).</param>
/// <param name="Layers">Number of encoder blocks.</param>
/// <param name="Heads">Attention heads per block; must divide ModelDim.</param>
/// <param name="FfnDim">Hidden units of each block's feed-forward network.</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="Dropout">Dropout in attention and feed-forward layers (training only).</param>
public sealed record VisionTransformerConfig(int ImageSize = 28, int PatchSize = 7, int InChannels = 1, int ModelDim = 64, int Layers = 3,
    int Heads = 4, int FfnDim = 128, int Classes = 10, double Dropout = 0.0)
{
    /// <summary>Patches per side, ImageSize / PatchSize.</summary>
    public int PatchesPerSide => ImageSize / PatchSize;

    /// <summary>Number of patch tokens N = (ImageSize / PatchSize)²; the sequence has N + 1 tokens with the class token.</summary>
    public int PatchCount => PatchesPerSide * PatchesPerSide;

    /// <summary>Each encoder block's config: pre-LN as in ViT, GELU, not causal (every patch sees every patch).</summary>
    public TransformerBlockConfig BlockConfig => new(ModelDim, Heads, FfnDim, Dropout, PreLayerNorm: true);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the field and its value when a size cannot work.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(ImageSize), ImageSize), (nameof(PatchSize), PatchSize), (nameof(InChannels), InChannels),
                     (nameof(ModelDim), ModelDim), (nameof(Layers), Layers), (nameof(Heads), Heads), (nameof(FfnDim), FfnDim) })
            if (value < 1) throw new ArgumentException($"{name} must be at least 1; got {value}.", name);
        if (Classes < 2) throw new ArgumentException($"Classes must be at least 2; got {Classes}.", nameof(Classes));
        if (ImageSize % PatchSize != 0)
            throw new ArgumentException($"PatchSize {PatchSize} must divide ImageSize {ImageSize}.", nameof(PatchSize));
        if (ModelDim % Heads != 0)
            throw new ArgumentException($"Heads {Heads} must divide ModelDim {ModelDim}.", nameof(Heads));
        if (Dropout is < 0 or >= 1 || double.IsNaN(Dropout))
            throw new ArgumentException($"Dropout must be in [0, 1); got {Dropout}.", nameof(Dropout));
    }
}

/// <summary>
/// A vision transformer: cut the image into P x P patches, project each to a D-dimensional token (a convolution with
/// kernel = stride = P does both at once), prepend a learned class token, add learned position embeddings, run the
/// encoder (the course's shared pre-LN <see cref="TransformerStack"/>: z' = z + MHA(LN(z)), z'' = z' + FFN(LN(z')), and a
/// final layer norm), and classify from the class token's final vector.
/// </summary>
public sealed class VisionTransformer : nn.Module<Tensor, Tensor>
{
    readonly Conv2d patchEmbedding;
    readonly Parameter classToken;
    readonly Parameter positionEmbedding;
    readonly TransformerStack encoder;   // Layers pre-LN blocks and the final layer norm
    readonly Linear head;

    public VisionTransformerConfig Config { get; }

    public VisionTransformer(VisionTransformerConfig config, Device? device = null) : base(nameof(VisionTransformer))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        // Patchify and project: [B, C, H, W] -> [B, D, H/P, W/P]; each output position sees exactly one patch.
        patchEmbedding = nn.Conv2d(config.InChannels, config.ModelDim, config.PatchSize, stride: config.PatchSize, device: device);
        classToken = nn.Parameter(zeros(1, 1, config.ModelDim, device: device));
        positionEmbedding = nn.Parameter(randn(1, config.PatchCount + 1, config.ModelDim, device: device).mul_(0.02));
        encoder = new TransformerStack(config.BlockConfig, config.Layers, finalNorm: true, device: device);
        head = nn.Linear(config.ModelDim, config.Classes, device: device);
        RegisterComponents();
    }

    /// <summary>Images [B, C, H, W] -> class logits [B, Classes].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        // the encoder ends with its final layer norm; classify from the class token (position 0)
        var x = encoder.Forward(Tokens(images));
        return scope.MoveToOuter(head.call(x[.., 0]));
    }

    /// <summary>
    /// The patch tokens before the encoder: z0 = [x_class; x_1 E; ...; x_N E] + E_pos, shape [B, N + 1, D].
    /// </summary>
    public Tensor Tokens(Tensor images)
    {
        if (images.ndim != 4 || images.shape[1] != Config.InChannels || images.shape[2] != Config.ImageSize || images.shape[3] != Config.ImageSize)
            throw new ArgumentException(
                $"Expected images of shape [B, {Config.InChannels}, {Config.ImageSize}, {Config.ImageSize}]; got {ShapeText.Of(images)}.",
                nameof(images));
        using var scope = NewDisposeScope();
        long batch = images.shape[0];
        // [B, D, H/P, W/P] -> [B, D, N] -> [B, N, D]: one token per patch, in raster order (row by row)
        var patches = patchEmbedding.call(images).flatten(2).transpose(1, 2);
        // prepend the learned class token, the same for every image
        var tokens = cat([classToken.expand(batch, 1, Config.ModelDim), patches], 1);
        // add a learned vector per position, so the encoder knows where each patch came from
        return scope.MoveToOuter(tokens.add(positionEmbedding));
    }

    /// <summary>
    /// Attention weights of every block (averaged over heads), [Layers, B, N + 1, N + 1]; token 0 is the class token,
    /// tokens 1..N the patches in raster order.
    /// </summary>
    public Tensor AttentionMaps(Tensor images)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        // every block's weights [Layers, B, Heads, N + 1, N + 1], averaged over the heads
        var (_, weights, _) = encoder.ForwardWithWeights(Tokens(images));
        return scope.MoveToOuter(weights.mean([2]));
    }

    /// <summary>
    /// How much the class token attends to each patch in the last block, as a [B, H/P, W/P] map over the image.
    /// </summary>
    public Tensor ClassTokenAttention(Tensor images)
    {
        using var scope = NewDisposeScope();
        var last = AttentionMaps(images)[-1];   // [B, N + 1, N + 1]
        var toPatches = last[.., 0, 1..];       // row of the class token, columns of the patches
        return scope.MoveToOuter(toPatches.reshape(-1, Config.PatchesPerSide, Config.PatchesPerSide));
    }
}

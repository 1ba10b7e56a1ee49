using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a vision transformer (ViT, Dosovitskiy et al. 2020) for small images.</summary>
/// <param name="ImageSize">Height and width of the square input images.</param>
/// <param name="PatchSize">Side P of the square patches; must divide ImageSize.</param>
/// <param name="InChannels">Channels of the input images.</param>
/// <param name="Dim">Width D of every token (patch embedding).</param>
/// <param name="Depth">Number of encoder blocks.</param>
/// <param name="Heads">Attention heads per block; must divide Dim.</param>
/// <param name="MlpDim">Hidden units of each block's feed-forward network.</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="Dropout">Dropout in attention and feed-forward layers (training only).</param>
public sealed record VisionTransformerConfig(int ImageSize = 28, int PatchSize = 7, int InChannels = 1, int Dim = 64, int Depth = 3,
    int Heads = 4, int MlpDim = 128, int Classes = 10, double Dropout = 0.0)
{
    /// <summary>Patches per side, ImageSize / PatchSize.</summary>
    public int PatchesPerSide => ImageSize / PatchSize;

    /// <summary>Number of patch tokens N = (ImageSize / PatchSize)²; the sequence has N + 1 tokens with the class token.</summary>
    public int PatchCount => PatchesPerSide * PatchesPerSide;
}

/// <summary>
/// One pre-norm transformer encoder block: x = x + MHA(LN(x)); x = x + MLP(LN(x)). Attention is TorchSharp's
/// <c>nn.MultiheadAttention</c> (the course writes attention from scratch in notebook 09).
/// </summary>
public sealed class VisionTransformerBlock : nn.Module<Tensor, Tensor>
{
    readonly LayerNorm norm1;
    readonly MultiheadAttention attention;
    readonly LayerNorm norm2;
    readonly Linear fc1;
    readonly Linear fc2;
    readonly Dropout dropout;

    public VisionTransformerBlock(VisionTransformerConfig config, Device? device = null) : base(nameof(VisionTransformerBlock))
    {
        norm1 = nn.LayerNorm(config.Dim, device: device);
        attention = nn.MultiheadAttention(config.Dim, config.Heads, dropout: config.Dropout);
        norm2 = nn.LayerNorm(config.Dim, device: device);
        fc1 = nn.Linear(config.Dim, config.MlpDim, device: device);
        fc2 = nn.Linear(config.MlpDim, config.Dim, device: device);
        dropout = nn.Dropout(config.Dropout);
        RegisterComponents();
        if (device is not null) attention.to(device);   // nn.MultiheadAttention takes no device argument
    }

    /// <summary>Tokens [B, T, D] -> tokens [B, T, D].</summary>
    public override Tensor forward(Tensor x) => Forward(x, needWeights: false).Tokens;

    /// <summary>
    /// The block, also returning the attention weights averaged over heads [B, T, T] (row i: how much token i
    /// looks at each token) when <paramref name="needWeights"/> is true.
    /// </summary>
    public (Tensor Tokens, Tensor? Weights) Forward(Tensor x, bool needWeights)
    {
        using var scope = NewDisposeScope();
        // nn.MultiheadAttention wants [T, B, D] (sequence first).
        var h = norm1.call(x).transpose(0, 1);
        var (attended, weights) = attention.call(h, h, h, need_weights: needWeights);
        // x = x + MHA(LN(x))
        x = x.add(dropout.call(attended.transpose(0, 1)));
        // x = x + W2 GELU(W1 LN(x) + b1) + b2
        x = x.add(dropout.call(fc2.call(nn.functional.gelu(fc1.call(norm2.call(x))))));
        return (x.MoveToOuterDisposeScope(), needWeights ? weights.MoveToOuterDisposeScope() : null);
    }
}

/// <summary>
/// A vision transformer: cut the image into P x P patches, project each to a D-dimensional token (a convolution with
/// kernel = stride = P does both at once), prepend a learned class token, add learned position embeddings, run the
/// encoder blocks, and classify from the class token's final vector.
/// </summary>
public sealed class VisionTransformer : nn.Module<Tensor, Tensor>
{
    readonly Conv2d patchEmbedding;
    readonly Parameter classToken;
    readonly Parameter positionEmbedding;
    readonly ModuleList<VisionTransformerBlock> blocks;
    readonly LayerNorm norm;
    readonly Linear head;

    public VisionTransformerConfig Config { get; }

    public VisionTransformer(VisionTransformerConfig config, Device? device = null) : base(nameof(VisionTransformer))
    {
        if (config.ImageSize < 1 || config.PatchSize < 1 || config.InChannels < 1 || config.Dim < 1 || config.Depth < 1
            || config.Heads < 1 || config.MlpDim < 1 || config.Classes < 2)
            throw new ArgumentException($"Every size must be at least 1 and Classes at least 2; got {config}.", nameof(config));
        if (config.ImageSize % config.PatchSize != 0)
            throw new ArgumentException($"PatchSize {config.PatchSize} must divide ImageSize {config.ImageSize}.", nameof(config));
        if (config.Dim % config.Heads != 0)
            throw new ArgumentException($"Heads {config.Heads} must divide Dim {config.Dim}.", nameof(config));
        if (config.Dropout is < 0 or >= 1)
            throw new ArgumentException($"Dropout must be in [0, 1); got {config.Dropout}.", nameof(config));
        Config = config;
        // Patchify and project: [B, C, H, W] -> [B, D, H/P, W/P]; each output position sees exactly one patch.
        patchEmbedding = nn.Conv2d(config.InChannels, config.Dim, config.PatchSize, stride: config.PatchSize, device: device);
        classToken = nn.Parameter(zeros(1, 1, config.Dim, device: device));
        positionEmbedding = nn.Parameter(randn(1, config.PatchCount + 1, config.Dim, device: device).mul_(0.02));
        blocks = nn.ModuleList(Enumerable.Range(0, config.Depth).Select(_ => new VisionTransformerBlock(config, device)).ToArray());
        norm = nn.LayerNorm(config.Dim, device: device);
        head = nn.Linear(config.Dim, config.Classes, device: device);
        RegisterComponents();
    }

    /// <summary>Images [B, C, H, W] -> class logits [B, Classes].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = Tokens(images);
        foreach (var block in blocks) x = block.call(x);
        // classify from the class token (position 0) after a final layer norm
        return scope.MoveToOuter(head.call(norm.call(x[.., 0])));
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
        var tokens = cat([classToken.expand(batch, 1, Config.Dim), patches], 1);
        // add a learned vector per position, so the encoder knows where each patch came from
        return scope.MoveToOuter(tokens.add(positionEmbedding));
    }

    /// <summary>
    /// Attention weights of every block (averaged over heads), [Depth, B, N + 1, N + 1]; token 0 is the class token,
    /// tokens 1..N the patches in raster order.
    /// </summary>
    public Tensor AttentionMaps(Tensor images)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = Tokens(images);
        var maps = new List<Tensor>();
        foreach (var block in blocks)
        {
            var (next, weights) = block.Forward(x, needWeights: true);
            maps.Add(weights!);
            x = next;
        }
        return scope.MoveToOuter(stack(maps));
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

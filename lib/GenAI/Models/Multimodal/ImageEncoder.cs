using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of the course's small convolutional image tower.</summary>
/// <param name="ImageSize">Height and width of the square grey images (8 for the digits, 16 for a 2x2 grid of them).</param>
/// <param name="Channels">Filters of both 3x3 convolutions.</param>
/// <param name="ModelDim">Width d of each feature token and of the pooled vector.</param>
/// <param name="Pools">2x2 max-pools after the convolutions (1 or 2): the feature grid is ImageSize / 2^Pools on a side.</param>
public sealed record ImageEncoderConfig(int ImageSize = 8, int Channels = 32, int ModelDim = 64, int Pools = 1)
{
    /// <summary>Side of the feature grid.</summary>
    public int GridSize => ImageSize >> Pools;
    /// <summary>Feature tokens per image (GridSize²).</summary>
    public int Tokens => GridSize * GridSize;

    public void Validate()
    {
        const string record = nameof(ImageEncoderConfig);
        ConfigChecks.AtLeast(record, nameof(ImageSize), ImageSize, 2);
        ConfigChecks.AtLeast(record, nameof(Channels), Channels, 1);
        ConfigChecks.AtLeast(record, nameof(ModelDim), ModelDim, 1);
        if (Pools is < 1 or > 2) throw new ArgumentException($"{record}.{nameof(Pools)} must be 1 or 2; got {Pools}.", nameof(Pools));
        if (ImageSize % (1 << Pools) != 0)
            throw new ArgumentException($"{record}.{nameof(ImageSize)} must be divisible by 2^Pools = {1 << Pools}; got {ImageSize}.", nameof(ImageSize));
    }
}

/// <summary>
/// Two 3x3 convolutions (ReLU) and max-pooling turn a grey image into a grid of feature vectors; each grid cell becomes a
/// token of width d with a learned position added. <see cref="Tokens"/> is what a captioning decoder cross-attends to;
/// <see cref="Pooled"/> flattens the grid through one linear layer into a single vector, the image tower of a CLIP model.
/// (CnnClassifier gives only a flat vector; a decoder needs the grid.)
/// </summary>
public sealed class ImageEncoder : nn.Module<Tensor, Tensor>
{
    readonly Conv2d conv1;
    readonly Conv2d conv2;
    readonly Linear token_projection;
    readonly Parameter position;
    readonly Linear pool;

    public ImageEncoderConfig Config { get; }

    public ImageEncoder(ImageEncoderConfig config, Device? device = null) : base(nameof(ImageEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        conv1 = nn.Conv2d(1, config.Channels, 3, padding: 1, device: device);
        conv2 = nn.Conv2d(config.Channels, config.Channels, 3, padding: 1, device: device);
        token_projection = nn.Linear(config.Channels, config.ModelDim, device: device);
        position = nn.Parameter(randn(config.Tokens, config.ModelDim, device: device).mul_(0.02));
        pool = nn.Linear(config.Tokens * config.ModelDim, config.ModelDim, device: device);
        RegisterComponents();
    }

    /// <summary>Images as [B, 1, S, S] or flat [B, S*S] -> [B, 1, S, S], with a clear error for anything else.</summary>
    public Tensor AsImages(Tensor images)
    {
        int s = Config.ImageSize;
        if (images.dtype != ScalarType.Float32)
            throw new ArgumentException($"images must be float32; got {images.dtype}.", nameof(images));
        if (images.ndim == 2 && images.shape[1] == s * s) return images.view(-1, 1, s, s);
        if (images.ndim == 4 && images.shape[1] == 1 && images.shape[2] == s && images.shape[3] == s) return images.alias();
        throw new ArgumentException($"images must be [B, 1, {s}, {s}] or [B, {s * s}]; got {ShapeText.Of(images)}.", nameof(images));
    }

    /// <summary>Feature tokens [B, GridSize², d] (row-major grid cells, positions added).</summary>
    public Tensor Tokens(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(conv1.call(AsImages(images)));
        x = nn.functional.relu(conv2.call(x));
        for (int i = 0; i < Config.Pools; i++) x = nn.functional.max_pool2d(x, 2);
        var tokens = token_projection.call(x.flatten(2).transpose(1, 2));   // [B, C, g, g] -> [B, g², C] -> [B, g², d]
        return scope.MoveToOuter(tokens.add(position));
    }

    /// <summary>One vector per image [B, d]: the token grid flattened through a linear layer.</summary>
    public Tensor Pooled(Tensor images)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(pool.call(nn.functional.gelu(Tokens(images)).flatten(1)));
    }

    public override Tensor forward(Tensor images) => Pooled(images);
}

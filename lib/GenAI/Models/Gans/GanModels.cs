using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of an MLP GAN on square grey images.</summary>
/// <param name="LatentDim">Length of the Gaussian noise vector z the generator starts from.</param>
/// <param name="ImageSize">Height and width of the images.</param>
/// <param name="HiddenDim">Units of each hidden layer (generator and discriminator).</param>
/// <param name="Layers">Hidden layers of each network.</param>
/// <param name="Dropout">Dropout in the discriminator's hidden layers (a remedy for a discriminator that wins too easily).</param>
public sealed record MlpGanConfig(int LatentDim = 64, int ImageSize = 28, int HiddenDim = 256, int Layers = 2, double Dropout = 0.0)
{
    public void Validate()
    {
        if (LatentDim < 1) throw new ArgumentException($"LatentDim must be at least 1; got {LatentDim}.", nameof(LatentDim));
        if (ImageSize < 1) throw new ArgumentException($"ImageSize must be at least 1; got {ImageSize}.", nameof(ImageSize));
        if (HiddenDim < 1) throw new ArgumentException($"HiddenDim must be at least 1; got {HiddenDim}.", nameof(HiddenDim));
        if (Layers < 1) throw new ArgumentException($"Layers must be at least 1; got {Layers}.", nameof(Layers));
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"Dropout must be in [0, 1); got {Dropout}.", nameof(Dropout));
    }
}

/// <summary>Sizes of a DCGAN on square grey images whose side is divisible by 4 (28 -> 14 -> 7).</summary>
/// <param name="LatentDim">Length of the noise vector z.</param>
/// <param name="ImageSize">Height and width of the images (divisible by 4).</param>
/// <param name="Channels">Feature maps at full resolution / 2; twice as many at a quarter of the resolution.</param>
/// <param name="Dropout">Dropout before the discriminator's last layer.</param>
public sealed record DcganConfig(int LatentDim = 64, int ImageSize = 28, int Channels = 32, double Dropout = 0.0)
{
    public int BaseSize => ImageSize / 4;

    public void Validate()
    {
        if (LatentDim < 1) throw new ArgumentException($"LatentDim must be at least 1; got {LatentDim}.", nameof(LatentDim));
        if (ImageSize < 4 || ImageSize % 4 != 0) throw new ArgumentException($"ImageSize must be a positive multiple of 4 (two stride-2 steps); got {ImageSize}.", nameof(ImageSize));
        if (Channels < 1) throw new ArgumentException($"Channels must be at least 1; got {Channels}.", nameof(Channels));
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"Dropout must be in [0, 1); got {Dropout}.", nameof(Dropout));
    }
}

static class GanShapes
{
    public static void CheckLatent(Tensor z, int latentDim)
    {
        if (z.ndim != 2 || z.shape[1] != latentDim)
            throw new ArgumentException($"Expected noise z of shape [B, {latentDim}]; got {ShapeText.Of(z)}.", nameof(z));
    }

    public static void CheckImages(Tensor images, int size)
    {
        if (images.ndim != 4 || images.shape[1] != 1 || images.shape[2] != size || images.shape[3] != size)
            throw new ArgumentException($"Expected images of shape [B, 1, {size}, {size}]; got {ShapeText.Of(images)}.", nameof(images));
    }
}

/// <summary>
/// MLP generator: z [B, LatentDim] -> [Linear -> LeakyReLU(0.2)] x Layers -> Linear -> tanh -> images [B, 1, S, S] in [-1, 1]
/// (train on real images mapped to [-1, 1] with 2x - 1).
/// </summary>
public sealed class MlpGenerator : nn.Module<Tensor, Tensor>
{
    readonly Sequential net;
    public MlpGanConfig Config { get; }

    public MlpGenerator(MlpGanConfig config, Device? device = null) : base(nameof(MlpGenerator))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        var layers = new List<nn.Module<Tensor, Tensor>>();
        int inDim = config.LatentDim;
        for (int i = 0; i < config.Layers; i++)
        {
            layers.Add(nn.Linear(inDim, config.HiddenDim, device: device));
            layers.Add(nn.LeakyReLU(0.2));
            inDim = config.HiddenDim;
        }
        layers.Add(nn.Linear(inDim, config.ImageSize * config.ImageSize, device: device));
        layers.Add(nn.Tanh());
        net = nn.Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor z)
    {
        GanShapes.CheckLatent(z, Config.LatentDim);
        return net.call(z).view(-1, 1, Config.ImageSize, Config.ImageSize);
    }
}

/// <summary>MLP discriminator: images [B, 1, S, S] -> flatten -> [Linear -> LeakyReLU(0.2) -> Dropout] x Layers -> Linear -> one logit per image [B]
/// (D(x) = sigmoid(logit), the probability that x is real).</summary>
public sealed class MlpDiscriminator : nn.Module<Tensor, Tensor>
{
    readonly Sequential net;
    public MlpGanConfig Config { get; }

    public MlpDiscriminator(MlpGanConfig config, Device? device = null) : base(nameof(MlpDiscriminator))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        var layers = new List<nn.Module<Tensor, Tensor>>();
        int inDim = config.ImageSize * config.ImageSize;
        for (int i = 0; i < config.Layers; i++)
        {
            layers.Add(nn.Linear(inDim, config.HiddenDim, device: device));
            layers.Add(nn.LeakyReLU(0.2));
            if (config.Dropout > 0) layers.Add(nn.Dropout(config.Dropout));
            inDim = config.HiddenDim;
        }
        layers.Add(nn.Linear(inDim, 1, device: device));
        net = nn.Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        GanShapes.CheckImages(images, Config.ImageSize);
        return net.call(images.flatten(1)).squeeze(1);
    }
}

/// <summary>
/// DCGAN generator (Radford et al., 2016): z -> Linear -> [2C, S/4, S/4] -> BN -> ReLU -> ConvTranspose(4, stride 2) -> [C, S/2, S/2]
/// -> BN -> ReLU -> ConvTranspose(4, stride 2) -> [1, S, S] -> tanh. Each transposed convolution doubles the side.
/// </summary>
public sealed class DcganGenerator : nn.Module<Tensor, Tensor>
{
    readonly Linear project;
    readonly BatchNorm2d norm0;
    readonly ConvTranspose2d up1;
    readonly BatchNorm2d norm1;
    readonly ConvTranspose2d up2;
    public DcganConfig Config { get; }

    public DcganGenerator(DcganConfig config, Device? device = null) : base(nameof(DcganGenerator))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int c = config.Channels, b = config.BaseSize;
        project = nn.Linear(config.LatentDim, 2 * c * b * b, device: device);
        norm0 = nn.BatchNorm2d(2 * c, device: device);
        // output side (in - 1) * stride - 2 * padding + kernel = 2 in for kernel 4, stride 2, padding 1
        up1 = nn.ConvTranspose2d(2 * c, c, 4, stride: 2, padding: 1, device: device);
        norm1 = nn.BatchNorm2d(c, device: device);
        up2 = nn.ConvTranspose2d(c, 1, 4, stride: 2, padding: 1, device: device);
        RegisterComponents();
    }

    public override Tensor forward(Tensor z)
    {
        GanShapes.CheckLatent(z, Config.LatentDim);
        using var scope = NewDisposeScope();
        int c = Config.Channels, b = Config.BaseSize;
        var h = nn.functional.relu(norm0.call(project.call(z).view(-1, 2 * c, b, b)));
        h = nn.functional.relu(norm1.call(up1.call(h)));
        return scope.MoveToOuter(up2.call(h).tanh());
    }
}

/// <summary>
/// DCGAN discriminator: images [B, 1, S, S] -> Conv(4, stride 2) -> LeakyReLU(0.2) -> [C, S/2] -> Conv(4, stride 2) -> BN -> LeakyReLU
/// -> [2C, S/4] -> flatten -> Dropout -> Linear -> one logit per image [B]. Strided convolutions halve the side instead of pooling.
/// </summary>
public sealed class DcganDiscriminator : nn.Module<Tensor, Tensor>
{
    readonly Conv2d down1;
    readonly Conv2d down2;
    readonly BatchNorm2d norm2;
    readonly Dropout dropout;
    readonly Linear output;
    public DcganConfig Config { get; }

    public DcganDiscriminator(DcganConfig config, Device? device = null) : base(nameof(DcganDiscriminator))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int c = config.Channels, b = config.BaseSize;
        down1 = nn.Conv2d(1, c, 4, stride: 2, padding: 1, device: device);       // (S + 2 - 4) / 2 + 1 = S / 2
        down2 = nn.Conv2d(c, 2 * c, 4, stride: 2, padding: 1, device: device);
        norm2 = nn.BatchNorm2d(2 * c, device: device);
        dropout = nn.Dropout(config.Dropout);
        output = nn.Linear(2 * c * b * b, 1, device: device);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        GanShapes.CheckImages(images, Config.ImageSize);
        using var scope = NewDisposeScope();
        var h = nn.functional.leaky_relu(down1.call(images), 0.2);
        h = nn.functional.leaky_relu(norm2.call(down2.call(h)), 0.2);
        return scope.MoveToOuter(output.call(dropout.call(h.flatten(1))).squeeze(1));
    }
}

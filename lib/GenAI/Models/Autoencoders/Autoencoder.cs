using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Which encoder and decoder an autoencoder uses.</summary>
public enum AutoencoderKind
{
    /// <summary>Fully connected (FFNN): flatten, one hidden ReLU layer, latent; the mirror image back.</summary>
    Dense,
    /// <summary>Convolutional: two stride-2 convolutions down to H/4, a linear layer to the latent; transposed convolutions back up.</summary>
    Convolutional,
}

/// <summary>Sizes of an autoencoder for square greyscale images [N, 1, S, S].</summary>
/// <param name="LatentDim">Length d of the code z: the bottleneck.</param>
/// <param name="Kind">Dense (FFNN) or convolutional encoder and decoder.</param>
/// <param name="ImageSize">Side S of the images; a convolutional autoencoder needs S divisible by 4.</param>
/// <param name="HiddenDim">Units of the dense hidden layer (dense kind only).</param>
/// <param name="Channels">Channels c of the first convolution; the second has 2c (convolutional kind only).</param>
public sealed record AutoencoderConfig(int LatentDim, AutoencoderKind Kind = AutoencoderKind.Dense, int ImageSize = 28, int HiddenDim = 256, int Channels = 16)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot make a model.</summary>
    public void Validate()
    {
        const string r = nameof(AutoencoderConfig);
        ConfigChecks.AtLeast(r, nameof(LatentDim), LatentDim, 1);
        ConfigChecks.AtLeast(r, nameof(ImageSize), ImageSize, 1);
        ConfigChecks.AtLeast(r, nameof(HiddenDim), HiddenDim, 1);
        ConfigChecks.AtLeast(r, nameof(Channels), Channels, 1);
        if (!Enum.IsDefined(Kind)) throw new ArgumentException($"{r}.Kind must be Dense or Convolutional; got {Kind}.", nameof(Kind));
        if (Kind == AutoencoderKind.Convolutional && ImageSize % 4 != 0)
            throw new ArgumentException(
                $"{r}.ImageSize must be divisible by 4 for a convolutional autoencoder, which halves the image side twice; got {ImageSize}.", nameof(ImageSize));
    }

    /// <summary>Pixels per image, S*S.</summary>
    public int PixelCount => ImageSize * ImageSize;

    /// <summary>Side of the smallest feature map of the convolutional kind: S/4 after two stride-2 convolutions.</summary>
    public int FeatureMapSize => ImageSize / 4;
}

/// <summary>
/// An autoencoder: an encoder squeezes an image x into a short code z = enc(x) (the latent vector),
/// a decoder rebuilds x_hat = dec(z), and training makes x_hat close to x (mean squared error per pixel).
/// The bottleneck forces the code to keep what matters most about the image. Nothing asks the codes to
/// fill any particular region, which is why decoding a random point rarely gives a picture (notebook 16;
/// the variational autoencoder of notebook 17 fixes this).
/// <see cref="Create"/> builds the dense or the convolutional kind from a config.
/// </summary>
public abstract class Autoencoder : nn.Module<Tensor, Tensor>
{
    public AutoencoderConfig Config { get; }

    protected Autoencoder(AutoencoderConfig config, string name) : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
    }

    /// <summary>The dense or convolutional autoencoder that <paramref name="config"/> describes.</summary>
    public static Autoencoder Create(AutoencoderConfig config, Device? device = null) => config.Kind switch
    {
        AutoencoderKind.Dense => new DenseAutoencoder(config, device),
        AutoencoderKind.Convolutional => new ConvAutoencoder(config, device),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Kind, "Unknown autoencoder kind."),
    };

    /// <summary>Images [N, 1, S, S] -> codes z [N, d].</summary>
    public Tensor Encode(Tensor images)
    {
        CheckImages(images, nameof(images));
        return EncodeImages(images);
    }

    /// <summary>Codes z [N, d] -> images [N, 1, S, S] with pixels in (0, 1).</summary>
    public Tensor Decode(Tensor codes)
    {
        if (codes.ndim != 2 || codes.shape[1] != Config.LatentDim)
            throw new ArgumentException(
                $"Expected codes of shape [N, {Config.LatentDim}] (latent size {Config.LatentDim}); got {ShapeText.Of(codes)}.", nameof(codes));
        return DecodeCodes(codes);
    }

    /// <summary>x_hat = dec(enc(x)): images [N, 1, S, S] -> reconstructions of the same shape.</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Decode(Encode(images)));
    }

    /// <summary>
    /// Reconstruction error per image, the mean squared error over its pixels:
    /// e(x) = 1/P Σ_p (x_p - x_hat_p)². <paramref name="input"/> goes in, <paramref name="target"/>
    /// (defaults to the input) is what the output is compared with; a denoising autoencoder gets a noisy input
    /// and the clean target. Returns [N].
    /// </summary>
    public Tensor ReconstructionError(Tensor input, Tensor? target = null)
    {
        target ??= input;
        if (!target.shape.SequenceEqual(input.shape))
            throw new ArgumentException(
                $"The target must have the input's shape {ShapeText.Of(input)}; got {ShapeText.Of(target)}.", nameof(target));
        using var scope = NewDisposeScope();
        var reconstruction = forward(input);
        var error = nn.functional.mse_loss(reconstruction, target, reduction: nn.Reduction.None).flatten(1).mean([1]);
        return scope.MoveToOuter(error);
    }

    protected abstract Tensor EncodeImages(Tensor images);
    protected abstract Tensor DecodeCodes(Tensor codes);

    void CheckImages(Tensor images, string parameter)
    {
        int s = Config.ImageSize;
        if (images.ndim != 4 || images.shape[1] != 1 || images.shape[2] != s || images.shape[3] != s)
            throw new ArgumentException(
                $"Expected greyscale images of shape [N, 1, {s}, {s}] (image size {s}); got {ShapeText.Of(images)}. " +
                $"Flat pixel rows [N, {s * s}] can be viewed as images with .view(-1, 1, {s}, {s}).", parameter);
    }
}

/// <summary>
/// The FFNN autoencoder: x [N, 1, S, S] -> flatten [N, S²] -> Linear -> ReLU -> Linear -> z [N, d],
/// and back: z -> Linear -> ReLU -> Linear -> sigmoid -> [N, 1, S, S].
/// Parameters: (S²H + H) + (Hd + d) + (dH + H) + (HS² + S²).
/// </summary>
public sealed class DenseAutoencoder : Autoencoder
{
    readonly Linear encoderHidden;
    readonly Linear encoderOut;
    readonly Linear decoderHidden;
    readonly Linear decoderOut;

    public DenseAutoencoder(AutoencoderConfig config, Device? device = null) : base(config, nameof(DenseAutoencoder))
    {
        encoderHidden = nn.Linear(config.PixelCount, config.HiddenDim, device: device);
        encoderOut = nn.Linear(config.HiddenDim, config.LatentDim, device: device);
        decoderHidden = nn.Linear(config.LatentDim, config.HiddenDim, device: device);
        decoderOut = nn.Linear(config.HiddenDim, config.PixelCount, device: device);
        RegisterComponents();
    }

    protected override Tensor EncodeImages(Tensor images)
    {
        using var scope = NewDisposeScope();
        // z = W2 relu(W1 x + b1) + b2: no activation on the code, it may take any real value
        var h = nn.functional.relu(encoderHidden.call(images.flatten(1)));
        return scope.MoveToOuter(encoderOut.call(h));
    }

    protected override Tensor DecodeCodes(Tensor codes)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(decoderHidden.call(codes));
        // x_hat = sigmoid(W4 h + b4): pixels in (0, 1) like the data
        var pixels = torch.sigmoid(decoderOut.call(h));
        return scope.MoveToOuter(pixels.view(-1, 1, Config.ImageSize, Config.ImageSize));
    }
}

/// <summary>
/// The convolutional autoencoder: two 3x3 stride-2 convolutions halve the side twice
/// (S -> S/2 -> S/4, channels 1 -> c -> 2c), a linear layer maps the 2c·(S/4)² features to z;
/// the decoder mirrors it with a linear layer and two 3x3 stride-2 transposed convolutions
/// (padding 1, output padding 1, so each exactly doubles the side: (n-1)·2 - 2 + 3 + 1 = 2n).
/// </summary>
public sealed class ConvAutoencoder : Autoencoder
{
    readonly Conv2d conv1;
    readonly Conv2d conv2;
    readonly Linear toLatent;
    readonly Linear fromLatent;
    readonly ConvTranspose2d deconv1;
    readonly ConvTranspose2d deconv2;

    public ConvAutoencoder(AutoencoderConfig config, Device? device = null) : base(config, nameof(ConvAutoencoder))
    {
        if (config.ImageSize % 4 != 0)
            throw new ArgumentException(
                $"A convolutional autoencoder halves the image side twice, so the image size must be divisible by 4; got {config.ImageSize}.", nameof(config));
        int c = config.Channels, m = config.FeatureMapSize;
        conv1 = nn.Conv2d(1, c, kernel_size: 3, stride: 2, padding: 1, device: device);
        conv2 = nn.Conv2d(c, 2 * c, kernel_size: 3, stride: 2, padding: 1, device: device);
        toLatent = nn.Linear(2 * c * m * m, config.LatentDim, device: device);
        fromLatent = nn.Linear(config.LatentDim, 2 * c * m * m, device: device);
        deconv1 = nn.ConvTranspose2d(2 * c, c, kernel_size: 3, stride: 2, padding: 1, output_padding: 1, device: device);
        deconv2 = nn.ConvTranspose2d(c, 1, kernel_size: 3, stride: 2, padding: 1, output_padding: 1, device: device);
        RegisterComponents();
    }

    protected override Tensor EncodeImages(Tensor images)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(conv1.call(images));   // [N, c, S/2, S/2]
        h = nn.functional.relu(conv2.call(h));            // [N, 2c, S/4, S/4]
        return scope.MoveToOuter(toLatent.call(h.flatten(1)));
    }

    protected override Tensor DecodeCodes(Tensor codes)
    {
        using var scope = NewDisposeScope();
        int m = Config.FeatureMapSize;
        var h = nn.functional.relu(fromLatent.call(codes)).view(-1, 2 * Config.Channels, m, m);
        h = nn.functional.relu(deconv1.call(h));          // [N, c, S/2, S/2]
        return scope.MoveToOuter(torch.sigmoid(deconv2.call(h)));  // [N, 1, S, S]
    }
}

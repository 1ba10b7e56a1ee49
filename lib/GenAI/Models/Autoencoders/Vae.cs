using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a variational autoencoder for square greyscale images [N, 1, S, S].</summary>
/// <param name="LatentDim">Length d of the latent vector z.</param>
/// <param name="ImageSize">Side S of the images.</param>
/// <param name="HiddenDim">Units of the hidden ReLU layer in the encoder and in the decoder.</param>
/// <param name="Beta">Weight of the KL term in the loss (1 is the VAE of Kingma and Welling; other values give a beta-VAE).</param>
public sealed record VaeConfig(int LatentDim = 2, int ImageSize = 28, int HiddenDim = 256, double Beta = 1.0)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot make a model.</summary>
    public void Validate()
    {
        const string r = nameof(VaeConfig);
        ConfigChecks.AtLeast(r, nameof(LatentDim), LatentDim, 1);
        ConfigChecks.AtLeast(r, nameof(ImageSize), ImageSize, 1);
        ConfigChecks.AtLeast(r, nameof(HiddenDim), HiddenDim, 1);
        ConfigChecks.FiniteNonNegative(r, nameof(Beta), Beta);
    }

    /// <summary>Pixels per image, S*S.</summary>
    public int PixelCount => ImageSize * ImageSize;
}

/// <summary>
/// The loss of one mini-batch and its two parts, each averaged over the batch:
/// <c>Total</c> = <c>Reconstruction</c> + beta · <c>Kl</c>. Owns the three tensors.
/// </summary>
public sealed record VaeLoss(Tensor Total, Tensor Reconstruction, Tensor Kl) : IDisposable
{
    public void Dispose()
    {
        Total.Dispose();
        Reconstruction.Dispose();
        Kl.Dispose();
    }
}

/// <summary>
/// A variational autoencoder (Kingma and Welling, 2013) with dense layers. The encoder does not
/// output one code but a Gaussian q(z|x) = N(mu, diag(sigma²)), as mu and logVar = log sigma².
/// A code is drawn with the reparameterisation trick z = mu + sigma * eps, eps ~ N(0, I), so the
/// randomness sits in eps and gradients flow through mu and sigma. The decoder turns z into pixel
/// probabilities. The loss adds to the reconstruction error a KL term that pulls every q(z|x)
/// towards the prior N(0, I); that is what lets us decode samples from N(0, I) into pictures.
/// </summary>
public sealed class Vae : nn.Module<Tensor, Tensor>
{
    readonly Linear encoderHidden;
    readonly Linear muHead;
    readonly Linear logVarHead;
    readonly Linear decoderHidden;
    readonly Linear decoderOut;

    public VaeConfig Config { get; }

    public Vae(VaeConfig config, Device? device = null) : base(nameof(Vae))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        encoderHidden = nn.Linear(config.PixelCount, config.HiddenDim, device: device);
        muHead = nn.Linear(config.HiddenDim, config.LatentDim, device: device);
        logVarHead = nn.Linear(config.HiddenDim, config.LatentDim, device: device);
        decoderHidden = nn.Linear(config.LatentDim, config.HiddenDim, device: device);
        decoderOut = nn.Linear(config.HiddenDim, config.PixelCount, device: device);
        RegisterComponents();
    }

    /// <summary>Encoder: images [N, 1, S, S] -> (mu [N, d], logVar [N, d]) of q(z|x).</summary>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor images)
    {
        int s = Config.ImageSize;
        if (images.ndim != 4 || images.shape[1] != 1 || images.shape[2] != s || images.shape[3] != s)
            throw new ArgumentException(
                $"Expected greyscale images of shape [N, 1, {s}, {s}] (image size {s}); got {ShapeText.Of(images)}.", nameof(images));
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(encoderHidden.call(images.flatten(1)));
        // Two heads on the same features: the mean and the log-variance (any real number; exp makes it positive)
        var mu = muHead.call(h);
        var logVar = logVarHead.call(h);
        return (scope.MoveToOuter(mu), scope.MoveToOuter(logVar));
    }

    /// <summary>
    /// The reparameterisation trick: z = mu + sigma * eps with sigma = exp(logVar / 2) and eps ~ N(0, I)
    /// (drawn from <paramref name="generator"/> when given). Sampling z ~ N(mu, sigma²) directly would cut
    /// the gradient; written this way z is a differentiable function of mu and logVar.
    /// </summary>
    public static Tensor Reparameterise(Tensor mu, Tensor logVar, Generator? generator = null)
    {
        CheckSameShape(mu, logVar);
        using var scope = NewDisposeScope();
        var sigma = torch.exp(logVar.mul(0.5));
        // A course Generator is a CPU generator, and libtorch refuses it for a draw on CUDA: draw on the CPU, then move.
        var eps = generator is null
            ? torch.randn(mu.shape, dtype: mu.dtype, device: mu.device)
            : torch.randn(mu.shape, dtype: mu.dtype, generator: generator).to(mu.device);
        return scope.MoveToOuter(mu.add(sigma.mul(eps)));
    }

    /// <summary>Decoder: codes z [N, d] -> pixel logits [N, 1, S, S] (sigmoid gives the probabilities).</summary>
    public Tensor DecodeLogits(Tensor codes)
    {
        if (codes.ndim != 2 || codes.shape[1] != Config.LatentDim)
            throw new ArgumentException(
                $"Expected codes of shape [N, {Config.LatentDim}] (latent size {Config.LatentDim}); got {ShapeText.Of(codes)}.", nameof(codes));
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(decoderHidden.call(codes));
        return scope.MoveToOuter(decoderOut.call(h).view(-1, 1, Config.ImageSize, Config.ImageSize));
    }

    /// <summary>Decoder: codes z [N, d] -> images [N, 1, S, S] with pixels in (0, 1).</summary>
    public Tensor Decode(Tensor codes)
    {
        using var logits = DecodeLogits(codes);
        return torch.sigmoid(logits);
    }

    /// <summary>One pass with a sampled code: images [N, 1, S, S] -> reconstructions [N, 1, S, S].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var (mu, logVar) = Encode(images);
        return scope.MoveToOuter(Decode(Reparameterise(mu, logVar)));
    }

    /// <summary>
    /// KL(N(mu, sigma²) || N(0, I)) in closed form, per example:
    /// KL = -1/2 Σ_j (1 + logVar_j - mu_j² - exp(logVar_j)). [N, d] -> [N].
    /// </summary>
    public static Tensor KlDivergence(Tensor mu, Tensor logVar)
    {
        CheckSameShape(mu, logVar);
        using var scope = NewDisposeScope();
        var kl = logVar.add(1).sub(mu.pow(2)).sub(logVar.exp()).sum([-1]).mul(-0.5);
        return scope.MoveToOuter(kl);
    }

    /// <summary>
    /// Reconstruction term per example: binary cross-entropy summed over pixels,
    /// -Σ_p [x_p log x_hat_p + (1 - x_p) log(1 - x_hat_p)] with x_hat = sigmoid(logits),
    /// i.e. -log p(x|z) for Bernoulli pixels. [N, 1, S, S] twice -> [N].
    /// </summary>
    public static Tensor ReconstructionLoss(Tensor logits, Tensor images)
    {
        if (!logits.shape.SequenceEqual(images.shape))
            throw new ArgumentException(
                $"Logits and images must have the same shape; got logits {ShapeText.Of(logits)} and images {ShapeText.Of(images)}.", nameof(images));
        using var scope = NewDisposeScope();
        var bce = nn.functional.binary_cross_entropy_with_logits(logits, images, reduction: nn.Reduction.None);
        return scope.MoveToOuter(bce.flatten(1).sum([1]));
    }

    /// <summary>
    /// The negative ELBO of a mini-batch, averaged over its examples:
    /// loss = reconstruction + beta · KL, with one code z per image drawn by <see cref="Reparameterise"/>.
    /// </summary>
    public VaeLoss Loss(Tensor images, Generator? generator = null)
    {
        using var scope = NewDisposeScope();
        var (mu, logVar) = Encode(images);
        var z = Reparameterise(mu, logVar, generator);
        var reconstruction = ReconstructionLoss(DecodeLogits(z), images).mean();
        var kl = KlDivergence(mu, logVar).mean();
        var total = reconstruction.add(kl.mul(Config.Beta));
        return new VaeLoss(scope.MoveToOuter(total), scope.MoveToOuter(reconstruction), scope.MoveToOuter(kl));
    }

    static void CheckSameShape(Tensor mu, Tensor logVar)
    {
        if (!mu.shape.SequenceEqual(logVar.shape))
            throw new ArgumentException(
                $"mu and logVar must have the same shape; got mu {ShapeText.Of(mu)} and logVar {ShapeText.Of(logVar)}.", nameof(logVar));
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>A network that predicts the noise in x_t given the step and, optionally, a class (ClassCount = the null class).</summary>
public interface INoisePredictingNetwork
{
    /// <summary>Number of classes it can be conditioned on (0: unconditional).</summary>
    int ClassCount { get; }

    /// <summary>x_t, steps t (int64 [N]) and labels (int64 [N] or null) -> predicted noise of x_t's shape.</summary>
    Tensor PredictNoise(Tensor xt, Tensor t, Tensor? labels);
}

/// <summary>Sizes of a <see cref="LatentDenoiser"/>.</summary>
/// <param name="LatentDim">Length d of the latent vectors it denoises.</param>
/// <param name="HiddenDim">Units of each hidden layer.</param>
/// <param name="Layers">Hidden layers (at least 1).</param>
/// <param name="ClassCount">Classes for conditioning; 0 for none. Label ClassCount is the null class.</param>
public sealed record LatentDenoiserConfig(int LatentDim, int HiddenDim = 256, int Layers = 3, int ClassCount = 0)
{
    public void Validate()
    {
        if (LatentDim < 1) throw new ArgumentException($"LatentDim must be at least 1; got {LatentDim}.", nameof(LatentDim));
        if (HiddenDim < 2 || HiddenDim % 2 != 0) throw new ArgumentException($"HiddenDim must be even and at least 2 (it is also the width of the sinusoidal step embedding); got {HiddenDim}.", nameof(HiddenDim));
        if (Layers < 1) throw new ArgumentException($"Layers must be at least 1; got {Layers}.", nameof(Layers));
        if (ClassCount < 0) throw new ArgumentException($"ClassCount must be at least 0; got {ClassCount}.", nameof(ClassCount));
    }
}

/// <summary>
/// The noise predictor of latent diffusion on flat codes z [N, d] (an autoencoder's latent space): an MLP whose
/// hidden layers each receive the step embedding (sinusoidal, then a linear layer) and, with classes, a class
/// embedding with a null row, added before the SiLU. The same schedules and samplers as the pixel U-Net apply.
/// </summary>
public sealed class LatentDenoiser : nn.Module<Tensor, Tensor, Tensor>, INoisePredictingNetwork
{
    readonly Linear input;
    readonly Linear timeProjection;
    readonly Embedding? classEmbedding;
    readonly ModuleList<Linear> hidden;
    readonly Linear output;

    public LatentDenoiserConfig Config { get; }

    public int ClassCount => Config.ClassCount;

    public LatentDenoiser(LatentDenoiserConfig config, Device? device = null) : base(nameof(LatentDenoiser))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int h = config.HiddenDim;
        input = nn.Linear(config.LatentDim, h, device: device);
        timeProjection = nn.Linear(h, h, device: device);
        if (config.ClassCount > 0) classEmbedding = nn.Embedding(config.ClassCount + 1, h, device: device);
        hidden = new ModuleList<Linear>();
        for (int i = 0; i < config.Layers; i++) hidden.Add(nn.Linear(h, h, device: device));
        output = nn.Linear(h, config.LatentDim, device: device);
        RegisterComponents();
    }

    /// <summary>Unconditional (null class): z_t [N, d], t int64 [N] -> eps_hat [N, d].</summary>
    public override Tensor forward(Tensor zt, Tensor t) => PredictNoise(zt, t, null);

    public Tensor PredictNoise(Tensor zt, Tensor t, Tensor? labels)
    {
        if (zt.ndim != 2 || zt.shape[1] != Config.LatentDim)
            throw new ArgumentException($"Expected latents of shape [N, {Config.LatentDim}]; got {ShapeText.Of(zt)}.", nameof(zt));
        if (t.ndim != 1 || t.shape[0] != zt.shape[0])
            throw new ArgumentException($"Expected one step per latent, shape [{zt.shape[0]}]; got {ShapeText.Of(t)}.", nameof(t));
        if (labels is not null && classEmbedding is null)
            throw new ArgumentException("This denoiser has ClassCount = 0 and takes no labels.", nameof(labels));
        if (labels is not null && (labels.ndim != 1 || labels.shape[0] != zt.shape[0] || labels.dtype != ScalarType.Int64))
            throw new ArgumentException($"Expected int64 labels of shape [{zt.shape[0]}]; got {labels.dtype} {ShapeText.Of(labels)}.", nameof(labels));
        using var scope = NewDisposeScope();
        var embedding = timeProjection.call(TimestepEmbedding.Sinusoidal(t, Config.HiddenDim));
        if (classEmbedding is not null)
            embedding = embedding + classEmbedding.call(labels ?? torch.full(zt.shape[0], (long)Config.ClassCount, dtype: ScalarType.Int64, device: zt.device));
        var h = input.call(zt);
        foreach (var layer in hidden)
            h = h + layer.call(nn.functional.silu(h + embedding));   // residual: h <- h + W silu(h + emb)
        return scope.MoveToOuter(output.call(nn.functional.silu(h)));
    }

    /// <summary>This network as a sampler's noise predictor (unconditional).</summary>
    public GenAI.Diffusion.NoisePredictor AsPredictor() => (zt, t) => call(zt, t);

    /// <summary>This network with labels, for classifier-free guidance.</summary>
    public Func<Tensor, Tensor, Tensor, Tensor> AsConditionalPredictor() => (zt, t, labels) => PredictNoise(zt, t, labels);
}

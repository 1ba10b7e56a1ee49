using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Diffusion;

/// <summary>How to train a noise predictor.</summary>
/// <param name="Steps">Optimiser steps (mini-batches).</param>
/// <param name="BatchSize">Images per mini-batch.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="LabelDropout">Probability of replacing a label by the null class (classifier-free guidance; 0.1 in Ho and Salimans).</param>
/// <param name="MaxGradientNorm">Clip the gradient's global norm to this before each step (diffusers' training scripts use 1.0); null for none.</param>
public sealed record DiffusionTrainingOptions(int Steps = 1000, int BatchSize = 64, double LearningRate = 2e-3, double LabelDropout = 0.1, double? MaxGradientNorm = null)
{
    public void Validate()
    {
        if (Steps < 1) throw new ArgumentException($"Steps must be at least 1; got {Steps}.", nameof(Steps));
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be at least 1; got {BatchSize}.", nameof(BatchSize));
        if (!(LearningRate > 0)) throw new ArgumentException($"LearningRate must be positive; got {LearningRate}.", nameof(LearningRate));
        if (!(LabelDropout >= 0 && LabelDropout <= 1)) throw new ArgumentException($"LabelDropout must lie in [0, 1]; got {LabelDropout}.", nameof(LabelDropout));
        if (MaxGradientNorm is { } m && !(m > 0)) throw new ArgumentException($"MaxGradientNorm must be positive or null; got {m}.", nameof(MaxGradientNorm));
    }
}

/// <summary>
/// DDPM's training objective (Ho et al., 2020, Algorithm 1): for each example draw a step t uniformly and noise
/// eps ~ N(0, I), form x_t = sqrt(alphaBar_t) x_0 + sqrt(1 - alphaBar_t) eps in one jump, and regress the network's
/// prediction onto eps with the mean squared error (the "simple" loss).
/// </summary>
public static class DiffusionTraining
{
    /// <summary>
    /// The simple loss of one mini-batch: mean over examples and pixels of (eps - eps_hat(x_t, t))².
    /// <paramref name="predict"/> takes (x_t, t, labels or null).
    /// </summary>
    public static Tensor NoisePredictionLoss(Func<Tensor, Tensor, Tensor?, Tensor> predict, NoiseSchedule schedule, Tensor x0, Tensor? labels = null, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(schedule);
        using var scope = NewDisposeScope();
        var t = schedule.RandomTimesteps(x0.shape[0], generator, x0.device);
        var noise = torch.randn(x0.shape, generator: generator).to(x0.device);
        var xt = schedule.AddNoise(x0, noise, t);
        var loss = nn.functional.mse_loss(predict(xt, t, labels), noise);
        return scope.MoveToOuter(loss);
    }

    /// <summary>Each label replaced by <paramref name="nullClass"/> with probability <paramref name="p"/>.</summary>
    public static Tensor DropLabels(Tensor labels, double p, long nullClass, Generator? generator = null)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentException($"p must lie in [0, 1]; got {p}.", nameof(p));
        using var scope = NewDisposeScope();
        var drop = (torch.rand(labels.shape, generator: generator) < p).to(labels.device);
        return scope.MoveToOuter(torch.where(drop, torch.full_like(labels, nullClass), labels));
    }

    /// <summary>
    /// Trains <paramref name="model"/> (a U-Net on images, a latent denoiser on codes) with Adam on random mini-batches of
    /// <paramref name="images"/> (images [N, C, H, W] scaled to [-1, 1], or latents [N, d]);
    /// with <paramref name="labels"/> the model must have classes, and each label is dropped to the null class with
    /// <see cref="DiffusionTrainingOptions.LabelDropout"/>. <paramref name="onStep"/> gets (step, loss) after every step.
    /// Returns the loss of every step.
    /// </summary>
    public static List<double> Train<TModel>(TModel model, NoiseSchedule schedule, Tensor images, DiffusionTrainingOptions options,
        Tensor? labels = null, Generator? generator = null, Action<int, double>? onStep = null)
        where TModel : nn.Module, GenAI.Models.INoisePredictingNetwork
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (images.ndim < 2)
            throw new ArgumentException($"Expected training data of shape [N, ...]; got {ShapeText.Of(images)}.", nameof(images));
        if (labels is not null && (labels.ndim != 1 || labels.shape[0] != images.shape[0]))
            throw new ArgumentException($"Expected one label per image, shape [{images.shape[0]}]; got {ShapeText.Of(labels)}.", nameof(labels));
        if (labels is not null && model.ClassCount == 0)
            throw new ArgumentException("Labels were given but the model has ClassCount = 0.", nameof(labels));
        var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var losses = new List<double>(options.Steps);
        long n = images.shape[0];
        model.train();
        for (int step = 0; step < options.Steps; step++)
        {
            using var scope = NewDisposeScope();
            var index = torch.randint(0, n, new long[] { Math.Min(options.BatchSize, n) }, dtype: ScalarType.Int64, generator: generator).to(images.device);
            var x0 = images.index_select(0, index);
            Tensor? batchLabels = labels is null ? null
                : DropLabels(labels.index_select(0, index), options.LabelDropout, model.ClassCount, generator);
            optimizer.zero_grad();
            var loss = NoisePredictionLoss(model.PredictNoise, schedule, x0, batchLabels, generator);
            loss.backward();
            if (options.MaxGradientNorm is { } maxNorm)
                nn.utils.clip_grad_norm_(model.parameters(), maxNorm);   // rescale all gradients together if their norm exceeds maxNorm
            optimizer.step();
            double value = loss.item<float>();
            losses.Add(value);
            onStep?.Invoke(step, value);
        }
        model.eval();
        return losses;
    }
}

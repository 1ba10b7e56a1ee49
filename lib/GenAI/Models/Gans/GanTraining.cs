using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Which objective the generator minimises.</summary>
public enum GeneratorLoss
{
    /// <summary>−log D(G(z)): the flipped-label trick (train G as if its fakes were labelled real); strong gradients when D rejects the fakes.</summary>
    NonSaturating,

    /// <summary>log(1 − D(G(z))): the original minimax objective; its gradient vanishes when D confidently rejects the fakes.</summary>
    Saturating,
}

/// <summary>Settings of the alternating GAN step.</summary>
/// <param name="GeneratorLoss">Non-saturating (default) or saturating generator loss.</param>
/// <param name="RealLabel">Target for real images in the discriminator's loss: 1, or e.g. 0.9 for one-sided label smoothing.</param>
/// <param name="InstanceNoise">Standard deviation of Gaussian noise added to every image the discriminator sees (0: none).</param>
public sealed record GanTrainingOptions(GeneratorLoss GeneratorLoss = GeneratorLoss.NonSaturating, double RealLabel = 1.0, double InstanceNoise = 0.0)
{
    public void Validate()
    {
        if (RealLabel is <= 0.5 or > 1) throw new ArgumentException($"RealLabel must be in (0.5, 1]; got {RealLabel}.", nameof(RealLabel));
        if (InstanceNoise < 0) throw new ArgumentException($"InstanceNoise must be at least 0; got {InstanceNoise}.", nameof(InstanceNoise));
    }
}

/// <summary>One alternating step's numbers: both losses, the generator's gradient norm, and the mean D(x) on real and fake images.</summary>
public sealed record GanStepRecord(double DiscriminatorLoss, double GeneratorLoss, double GeneratorGradientNorm, double RealScore, double FakeScore);

/// <summary>
/// The alternating GAN update. Discriminator step: fakes G(z) made without gradient (the generator gets none),
/// L_D = BCE(D(x), RealLabel) + BCE(D(G(z)), 0), one step of the discriminator's optimiser. Generator step: the
/// discriminator's parameters frozen (no gradient reaches them and they do not change), L_G on D(G(z)), one step of the
/// generator's optimiser. Both networks output logits ℓ with D = sigmoid(ℓ); the losses use the matching stable forms
/// (−log sigmoid(ℓ) = softplus(−ℓ), log(1 − sigmoid(ℓ)) = −softplus(ℓ)). Real images go in as [B, 1, S, S] in [−1, 1].
/// </summary>
public sealed class GanTraining
{
    readonly nn.Module<Tensor, Tensor> generator;
    readonly nn.Module<Tensor, Tensor> discriminator;
    readonly optim.Optimizer generatorOptimizer;
    readonly optim.Optimizer discriminatorOptimizer;
    readonly Device device;

    public GanTraining(nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> discriminator,
        optim.Optimizer generatorOptimizer, optim.Optimizer discriminatorOptimizer, int latentDim, GanTrainingOptions? options = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentNullException.ThrowIfNull(generatorOptimizer);
        ArgumentNullException.ThrowIfNull(discriminatorOptimizer);
        if (latentDim < 1) throw new ArgumentOutOfRangeException(nameof(latentDim), latentDim, "latentDim must be at least 1.");
        Options = options ?? new GanTrainingOptions();
        Options.Validate();
        this.generator = generator;
        this.discriminator = discriminator;
        this.generatorOptimizer = generatorOptimizer;
        this.discriminatorOptimizer = discriminatorOptimizer;
        LatentDim = latentDim;
        this.device = device ?? CPU;
    }

    public GanTrainingOptions Options { get; }
    public int LatentDim { get; }

    /// <summary>Gaussian noise z [n, LatentDim], drawn on the CPU from <paramref name="noise"/> and moved to the device.</summary>
    public Tensor Noise(long n, Generator? noise = null) => randn([n, LatentDim], generator: noise).to(device);

    /// <summary>One discriminator update on a batch of real images; returns (L_D, mean D(real), mean D(fake)).</summary>
    public (double Loss, double RealScore, double FakeScore) DiscriminatorStep(Tensor realImages, Generator? noise = null)
    {
        ArgumentNullException.ThrowIfNull(realImages);
        if (realImages.ndim != 4) throw new ArgumentException($"Expected real images [B, 1, S, S]; got {ShapeText.Of(realImages)}.", nameof(realImages));
        using var scope = NewDisposeScope();
        generator.train();
        discriminator.train();
        long b = realImages.shape[0];
        Tensor fake;
        using (no_grad()) fake = generator.call(Noise(b, noise));   // no graph through G: the generator gets no gradient
        generatorOptimizer.zero_grad();   // nor keeps one from its own last step
        discriminatorOptimizer.zero_grad();
        var realLogits = discriminator.call(Noisy(realImages, noise));
        var fakeLogits = discriminator.call(Noisy(fake, noise));
        var loss = nn.functional.binary_cross_entropy_with_logits(realLogits, full_like(realLogits, Options.RealLabel))
                 + nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
        loss.backward();
        discriminatorOptimizer.step();
        return (loss.item<float>(), realLogits.sigmoid().mean().item<float>(), fakeLogits.sigmoid().mean().item<float>());
    }

    /// <summary>One generator update on <paramref name="batchSize"/> fresh fakes; returns (L_G, ‖∇_θG L_G‖).</summary>
    public (double Loss, double GradientNorm) GeneratorStep(long batchSize, Generator? noise = null)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        using var scope = NewDisposeScope();
        var (loss, norm) = GeneratorBackward(Options.GeneratorLoss, Noise(batchSize, noise), noise);
        generatorOptimizer.step();
        return (loss, norm);
    }

    /// <summary>
    /// ‖∇_θG L_G‖ that <paramref name="loss"/> would give the generator on the fixed noise <paramref name="z"/> [n, LatentDim]
    /// against the discriminator as it is now, with no optimiser step: a probe for comparing the two losses on the same fakes
    /// (the generator's gradients are left set, as after <c>backward()</c>).
    /// </summary>
    public double GeneratorGradientNorm(GeneratorLoss loss, Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.ndim != 2 || z.shape[1] != LatentDim) throw new ArgumentException($"Expected noise z [n, {LatentDim}]; got {ShapeText.Of(z)}.", nameof(z));
        using var scope = NewDisposeScope();
        return GeneratorBackward(loss, z.to(device), null).GradientNorm;
    }

    // L_G on D(G(z)) with D's parameters frozen (D is a fixed function: no gradient reaches it), then backward.
    (double Loss, double GradientNorm) GeneratorBackward(GeneratorLoss kind, Tensor z, Generator? noise)
    {
        generator.train();
        discriminator.train();
        var frozen = discriminator.parameters().Where(p => p.requires_grad).ToList();
        foreach (var p in frozen) p.requires_grad = false;
        try
        {
            discriminatorOptimizer.zero_grad();   // clears D's gradient from its own step; none is added here
            generatorOptimizer.zero_grad();
            var logits = discriminator.call(Noisy(generator.call(z), noise));
            var loss = kind == GeneratorLoss.NonSaturating
                ? nn.functional.softplus(-logits).mean()     // −log D(G(z))
                : -nn.functional.softplus(logits).mean();   // log(1 − D(G(z)))
            loss.backward();
            return (loss.item<float>(), GradientNorm(generator));
        }
        finally
        {
            foreach (var p in frozen) p.requires_grad = true;
        }
    }

    /// <summary>A discriminator step then a generator step on the same batch size.</summary>
    public GanStepRecord Step(Tensor realImages, Generator? noise = null)
    {
        var (dLoss, real, fake) = DiscriminatorStep(realImages, noise);
        var (gLoss, norm) = GeneratorStep(realImages.shape[0], noise);
        return new GanStepRecord(dLoss, gLoss, norm, real, fake);
    }

    /// <summary>n images from the generator in eval mode (batch norm's running statistics), in [0, 1] for the judge and charts.</summary>
    public Tensor Sample(long n, Generator? noise = null)
    {
        bool wasTraining = generator.training;
        generator.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            return scope.MoveToOuter((generator.call(Noise(n, noise)) + 1) / 2);
        }
        finally
        {
            generator.train(wasTraining);
        }
    }

    /// <summary>√(Σ ‖∂L/∂θ‖²) over a module's parameters that have a gradient (0 when none has).</summary>
    public static double GradientNorm(nn.Module module)
    {
        using var scope = NewDisposeScope();
        double sum = 0;
        foreach (var p in module.parameters())
            if (p.grad is Tensor g) sum += g.square().sum().item<float>();
        return Math.Sqrt(sum);
    }

    Tensor Noisy(Tensor images, Generator? noise) =>
        Options.InstanceNoise > 0 ? images + Options.InstanceNoise * randn(images.shape, generator: noise).to(images.device) : images;
}

using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Diffusion;

/// <summary>
/// The noise levels of a diffusion model's forward process (Ho et al., 2020) and everything derived from them.
/// Step t adds Gaussian noise of variance beta_t: q(x_t | x_{t-1}) = N(sqrt(1 - beta_t) x_{t-1}, beta_t I).
/// With alpha_t = 1 - beta_t and alphaBar_t = Π_{s≤t} alpha_s, any step can be reached in one jump:
/// q(x_t | x_0) = N(sqrt(alphaBar_t) x_0, (1 - alphaBar_t) I).
/// Steps are indexed 0 .. T-1 in code (index i is the papers' t = i + 1), as diffusers does;
/// alphaBar before the first step is 1.
/// The schedule knows nothing about networks; samplers combine it with a noise predictor.
/// </summary>
public sealed class NoiseSchedule
{
    readonly double[] betas;
    readonly double[] alphaBars;

    /// <summary>A schedule from explicit betas, each in (0, 1).</summary>
    public NoiseSchedule(IReadOnlyList<double> betas, string name = "custom")
    {
        ArgumentNullException.ThrowIfNull(betas);
        if (betas.Count < 1)
            throw new ArgumentException("A schedule needs at least one step; got 0 betas.", nameof(betas));
        for (int i = 0; i < betas.Count; i++)
            if (!(betas[i] > 0 && betas[i] < 1))
                throw new ArgumentException($"Every beta must lie in (0, 1); beta[{i}] = {betas[i]}.", nameof(betas));
        this.betas = betas.ToArray();
        alphaBars = new double[this.betas.Length];
        double product = 1;
        for (int i = 0; i < this.betas.Length; i++)
        {
            product *= 1 - this.betas[i];   // alphaBar_t = Π_{s≤t} (1 - beta_s)
            alphaBars[i] = product;
        }
        Name = name;
    }

    /// <summary>"linear" or "cosine" (or what the constructor was given).</summary>
    public string Name { get; }

    /// <summary>Number of steps T.</summary>
    public int Steps => betas.Length;

    /// <summary>beta_t for t = 0 .. T-1.</summary>
    public IReadOnlyList<double> Betas => betas;

    /// <summary>alpha_t = 1 - beta_t.</summary>
    public IReadOnlyList<double> Alphas => betas.Select(b => 1 - b).ToArray();

    /// <summary>alphaBar_t = Π_{s≤t} alpha_s: the share of the signal's variance left at step t.</summary>
    public IReadOnlyList<double> AlphaBars => alphaBars;

    /// <summary>alphaBar before step t: 1 for t = 0, else alphaBar_{t-1}.</summary>
    public double AlphaBarBefore(int t) => t == 0 ? 1.0 : alphaBars[t - 1];

    /// <summary>
    /// DDPM's linear schedule: beta rises linearly from <paramref name="betaStart"/> to <paramref name="betaEnd"/>
    /// (1e-4 .. 0.02 with T = 1000 in the paper). With fewer steps use <see cref="LinearScaled"/>, or
    /// alphaBar_T stays far from 0 and the last step is not pure noise.
    /// </summary>
    public static NoiseSchedule Linear(int steps, double betaStart = 1e-4, double betaEnd = 0.02)
    {
        CheckSteps(steps);
        if (!(betaStart > 0 && betaEnd < 1 && betaStart <= betaEnd))
            throw new ArgumentException($"Need 0 < betaStart <= betaEnd < 1; got betaStart = {betaStart}, betaEnd = {betaEnd}.", nameof(betaStart));
        var b = new double[steps];
        for (int i = 0; i < steps; i++)
            b[i] = steps == 1 ? betaStart : betaStart + (betaEnd - betaStart) * i / (steps - 1);
        return new NoiseSchedule(b, "linear");
    }

    /// <summary>
    /// The linear schedule for T steps with both ends multiplied by 1000/T (Nichol and Dhariwal, 2021),
    /// so that T steps destroy the signal about as completely as DDPM's 1000: 1e-4·1000/T .. 0.02·1000/T.
    /// </summary>
    public static NoiseSchedule LinearScaled(int steps)
    {
        CheckSteps(steps);
        double scale = 1000.0 / steps;
        return Linear(steps, 1e-4 * scale, Math.Min(0.02 * scale, 0.999));
    }

    /// <summary>
    /// The cosine schedule of Nichol and Dhariwal (2021): alphaBar(t) = f(t)/f(0) with
    /// f(t) = cos²((t/T + s)/(1 + s) · π/2), s = 0.008, and beta_t = 1 - alphaBar_t/alphaBar_{t-1} clipped at 0.999.
    /// The signal fades slowly at both ends instead of being mostly gone half-way.
    /// </summary>
    public static NoiseSchedule Cosine(int steps, double s = 0.008)
    {
        CheckSteps(steps);
        if (!(s >= 0))
            throw new ArgumentException($"The offset s must be at least 0; got {s}.", nameof(s));
        double F(double t) => Math.Pow(Math.Cos((t / steps + s) / (1 + s) * Math.PI / 2), 2);
        var b = new double[steps];
        for (int i = 0; i < steps; i++)
            b[i] = Math.Min(1 - F(i + 1) / F(i), 0.999);
        return new NoiseSchedule(b, "cosine");
    }

    /// <summary>
    /// The jump q(x_t | x_0): x_t = sqrt(alphaBar_t) x_0 + sqrt(1 - alphaBar_t) eps, one step t per example.
    /// <paramref name="x0"/> [N, ...], <paramref name="noise"/> eps of the same shape, <paramref name="t"/> int64 [N].
    /// </summary>
    public Tensor AddNoise(Tensor x0, Tensor noise, Tensor t)
    {
        if (!x0.shape.SequenceEqual(noise.shape))
            throw new ArgumentException($"The noise must have the images' shape {ShapeText.Of(x0)}; got {ShapeText.Of(noise)}.", nameof(noise));
        CheckTimesteps(t, x0, nameof(t));
        using var scope = NewDisposeScope();
        var alphaBar = Gather(alphaBars, t, x0);
        var xt = alphaBar.sqrt() * x0 + (1 - alphaBar).sqrt() * noise;
        return scope.MoveToOuter(xt);
    }

    /// <summary>
    /// The clean image implied by a noise prediction: x0_hat = (x_t - sqrt(1 - alphaBar_t) eps) / sqrt(alphaBar_t).
    /// </summary>
    public Tensor PredictX0(Tensor xt, Tensor noise, Tensor t)
    {
        if (!xt.shape.SequenceEqual(noise.shape))
            throw new ArgumentException($"The noise must have x_t's shape {ShapeText.Of(xt)}; got {ShapeText.Of(noise)}.", nameof(noise));
        CheckTimesteps(t, xt, nameof(t));
        using var scope = NewDisposeScope();
        var alphaBar = Gather(alphaBars, t, xt);
        return scope.MoveToOuter((xt - (1 - alphaBar).sqrt() * noise) / alphaBar.sqrt());
    }

    /// <summary>
    /// Mean of the posterior q(x_{t-1} | x_t, x_0) (DDPM eq. 7):
    /// mu_tilde = sqrt(alphaBar_{t-1}) beta_t / (1 - alphaBar_t) · x_0 + sqrt(alpha_t) (1 - alphaBar_{t-1}) / (1 - alphaBar_t) · x_t.
    /// </summary>
    public Tensor PosteriorMean(Tensor x0, Tensor xt, Tensor t)
    {
        if (!x0.shape.SequenceEqual(xt.shape))
            throw new ArgumentException($"x_0 and x_t must have the same shape; got {ShapeText.Of(x0)} and {ShapeText.Of(xt)}.", nameof(xt));
        CheckTimesteps(t, xt, nameof(t));
        using var scope = NewDisposeScope();
        var (x0Coefficients, xtCoefficients) = PosteriorCoefficients();
        var c0 = Gather(x0Coefficients, t, xt);
        var ct = Gather(xtCoefficients, t, xt);
        return scope.MoveToOuter(c0 * x0 + ct * xt);
    }

    /// <summary>The two coefficients of <see cref="PosteriorMean"/>, per step.</summary>
    public (double[] X0, double[] Xt) PosteriorCoefficients()
    {
        var c0 = new double[Steps];
        var ct = new double[Steps];
        for (int i = 0; i < Steps; i++)
        {
            double alphaBarPrev = AlphaBarBefore(i), beta = betas[i];
            c0[i] = Math.Sqrt(alphaBarPrev) * beta / (1 - alphaBars[i]);
            ct[i] = Math.Sqrt(1 - beta) * (1 - alphaBarPrev) / (1 - alphaBars[i]);
        }
        return (c0, ct);
    }

    /// <summary>
    /// Variance of the posterior (DDPM eq. 7): betaTilde_t = (1 - alphaBar_{t-1}) / (1 - alphaBar_t) · beta_t;
    /// 0 at the first step, where x_0 is known once x_1 and the noise are.
    /// </summary>
    public IReadOnlyList<double> PosteriorVariances() =>
        Enumerable.Range(0, Steps).Select(i => (1 - AlphaBarBefore(i)) / (1 - alphaBars[i]) * betas[i]).ToArray();

    /// <summary>Signal-to-noise ratio alphaBar_t / (1 - alphaBar_t) per step.</summary>
    public IReadOnlyList<double> SignalToNoise() => alphaBars.Select(a => a / (1 - a)).ToArray();

    /// <summary>One random step per example, uniform on 0 .. T-1: int64 [count].</summary>
    public Tensor RandomTimesteps(long count, Generator? generator = null, Device? device = null)
    {
        var t = torch.randint(0, Steps, new long[] { count }, dtype: ScalarType.Int64, generator: generator);
        return device is null || device.type == DeviceType.CPU ? t : t.to(device);
    }

    /// <summary>alphaBar at each step in <paramref name="t"/>, shaped [N, 1, 1, ...] to broadcast over <paramref name="like"/>.</summary>
    static Tensor Gather(double[] table, Tensor t, Tensor like)
    {
        using var scope = NewDisposeScope();
        var values = torch.tensor(table, dtype: like.dtype, device: like.device).index_select(0, t.to(like.device));
        var shape = new long[like.ndim];
        shape[0] = t.shape[0];
        for (int i = 1; i < shape.Length; i++) shape[i] = 1;
        return scope.MoveToOuter(values.view(shape));
    }

    void CheckTimesteps(Tensor t, Tensor like, string parameter)
    {
        if (t.ndim != 1 || t.shape[0] != like.shape[0])
            throw new ArgumentException($"Expected one step per example, shape [{like.shape[0]}]; got {ShapeText.Of(t)}.", parameter);
        if (t.dtype != ScalarType.Int64)
            throw new ArgumentException($"Steps must be int64; got {t.dtype}.", parameter);
        if (t.numel() > 0)
        {
            long min = t.min().item<long>(), max = t.max().item<long>();
            if (min < 0 || max >= Steps)
                throw new ArgumentException($"Steps must lie in 0 .. {Steps - 1} (T = {Steps}); got values from {min} to {max}.", parameter);
        }
    }

    static void CheckSteps(int steps)
    {
        if (steps < 1)
            throw new ArgumentException($"The number of steps T must be at least 1; got {steps}.", nameof(steps));
    }
}

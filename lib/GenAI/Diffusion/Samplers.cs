using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Diffusion;

/// <summary>
/// Anything that predicts the noise eps in x_t = sqrt(alphaBar_t) x_0 + sqrt(1 - alphaBar_t) eps:
/// x_t [N, ...] and steps t (int64 [N]) in, eps_hat of x_t's shape out. A U-Net's forward, a guided pair of
/// calls (<see cref="ClassifierFreeGuidance"/>) or a small MLP on latents all fit.
/// </summary>
public delegate Tensor NoisePredictor(Tensor xt, Tensor t);

/// <summary>What a sampler returns: the final samples and, if asked for, snapshots of x_t along the way.</summary>
/// <param name="Samples">x_0 [N, ...].</param>
/// <param name="Snapshots">(step t, x_t after that step) pairs, earliest (noisiest) first; empty unless requested.</param>
public sealed record SamplingResult(Tensor Samples, IReadOnlyList<(int Step, Tensor Images)> Snapshots) : IDisposable
{
    public void Dispose()
    {
        Samples.Dispose();
        foreach (var (_, images) in Snapshots) images.Dispose();
    }
}

/// <summary>
/// DDPM's ancestral sampler (Ho et al., 2020, Algorithm 2): start from x_T ~ N(0, I) and walk every step back,
/// x_{t-1} = mu_tilde(x_t, x0_hat) + sigma_t z with z ~ N(0, I), x0_hat the clean image the predicted noise implies,
/// mu_tilde the posterior mean and sigma_t² the posterior variance betaTilde_t (no noise at the last step).
/// With x0_hat unclipped this equals the paper's x_{t-1} = 1/sqrt(alpha_t) (x_t - beta_t / sqrt(1 - alphaBar_t) eps_hat) + sigma_t z.
/// Works with any schedule and any noise predictor.
/// </summary>
public sealed class DdpmSampler
{
    /// <param name="schedule">The noise levels the predictor was trained with.</param>
    /// <param name="clipSample">Clip x0_hat to [-clipSample, clipSample] each step (data in [-1, 1]: 1); null for no clipping.</param>
    public DdpmSampler(NoiseSchedule schedule, double? clipSample = 1.0)
    {
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        if (clipSample is { } c && !(c > 0))
            throw new ArgumentException($"clipSample must be positive or null; got {c}.", nameof(clipSample));
        ClipSample = clipSample;
    }

    public NoiseSchedule Schedule { get; }
    public double? ClipSample { get; }

    /// <summary>
    /// Draws samples of <paramref name="shape"/> ([N, C, H, W] or [N, d]) with all T steps.
    /// <paramref name="snapshotEvery"/> &gt; 0 keeps x_t every that many steps (and the last).
    /// </summary>
    public SamplingResult Sample(NoisePredictor predictor, long[] shape, Generator? generator = null, Device? device = null, int snapshotEvery = 0)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        Samplers.CheckShape(shape);
        device ??= CPU;
        var (c0, ct) = Schedule.PosteriorCoefficients();
        var variances = Schedule.PosteriorVariances();
        var snapshots = new List<(int, Tensor)>();
        var x = Samplers.Normal(shape, generator, device);
        using (no_grad())
        {
            for (int t = Schedule.Steps - 1; t >= 0; t--)
            {
                using var scope = NewDisposeScope();
                var steps = torch.full(shape[0], t, dtype: ScalarType.Int64, device: device);
                var eps = predictor(x, steps);
                var x0 = Samplers.Clip(Schedule.PredictX0(x, eps, steps), ClipSample);
                // mu_tilde = c0_t x0_hat + ct_t x_t;  x_{t-1} = mu_tilde + sqrt(betaTilde_t) z
                var next = c0[t] * x0 + ct[t] * x;
                if (t > 0)
                    next = next + Math.Sqrt(variances[t]) * Samplers.Normal(shape, generator, device);
                x.Dispose();
                x = scope.MoveToOuter(next);
                if (snapshotEvery > 0 && (t % snapshotEvery == 0 || t == 0))
                    snapshots.Add((t, scope.MoveToOuter(x.clone())));
            }
        }
        return new SamplingResult(x, snapshots);
    }
}

/// <summary>
/// The DDIM sampler (Song, Meng and Ermon, 2020): a non-Markovian walk back over any subsequence of the
/// training steps, so 10 to 50 network calls replace T. From x_t and the predicted noise eps_hat:
/// x0_hat = (x_t - sqrt(1 - alphaBar_t) eps_hat) / sqrt(alphaBar_t),
/// x_prev = sqrt(alphaBar_prev) x0_hat + sqrt(1 - alphaBar_prev - sigma²) eps_hat + sigma z,
/// sigma = eta · sqrt((1 - alphaBar_prev)/(1 - alphaBar_t)) · sqrt(1 - alphaBar_t/alphaBar_prev).
/// eta = 0 is deterministic (the same x_T always gives the same image); eta = 1 has DDPM's variance.
/// </summary>
public sealed class DdimSampler
{
    /// <param name="schedule">The noise levels the predictor was trained with.</param>
    /// <param name="steps">Number of network calls, 1 .. T; the steps used are evenly spaced over 0 .. T-1.</param>
    /// <param name="eta">0 for deterministic sampling, 1 for DDPM-like noise.</param>
    /// <param name="clipSample">Clip x0_hat to [-clipSample, clipSample]; null for no clipping.</param>
    public DdimSampler(NoiseSchedule schedule, int steps, double eta = 0.0, double? clipSample = 1.0)
    {
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        if (steps < 1 || steps > schedule.Steps)
            throw new ArgumentException($"steps must lie in 1 .. T = {schedule.Steps}; got {steps}.", nameof(steps));
        if (!(eta >= 0))
            throw new ArgumentException($"eta must be at least 0; got {eta}.", nameof(eta));
        if (clipSample is { } c && !(c > 0))
            throw new ArgumentException($"clipSample must be positive or null; got {c}.", nameof(clipSample));
        Steps = steps;
        Eta = eta;
        ClipSample = clipSample;
        // Evenly spaced, always ending at T-1 and at 0: round(i (T-1)/(S-1)) for i = 0 .. S-1
        Timesteps = steps == 1
            ? new[] { schedule.Steps - 1 }
            : Enumerable.Range(0, steps).Select(i => (int)Math.Round((double)i * (schedule.Steps - 1) / (steps - 1))).Distinct().Reverse().ToArray();
    }

    public NoiseSchedule Schedule { get; }
    public int Steps { get; }
    public double Eta { get; }
    public double? ClipSample { get; }

    /// <summary>The training steps visited, from the noisiest (T-1) down.</summary>
    public IReadOnlyList<int> Timesteps { get; }

    /// <summary>Draws samples of <paramref name="shape"/> from fresh noise.</summary>
    public SamplingResult Sample(NoisePredictor predictor, long[] shape, Generator? generator = null, Device? device = null, int snapshotEvery = 0)
    {
        Samplers.CheckShape(shape);
        device ??= CPU;
        return SampleFrom(predictor, Samplers.Normal(shape, generator, device), generator, snapshotEvery);
    }

    /// <summary>Walks back from the given x_T (taken over; disposed). With eta = 0 the result depends on x_T only.</summary>
    public SamplingResult SampleFrom(NoisePredictor predictor, Tensor xT, Generator? generator = null, int snapshotEvery = 0)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(xT);
        var shape = xT.shape;
        var device = xT.device;
        var alphaBars = Schedule.AlphaBars;
        var snapshots = new List<(int, Tensor)>();
        var x = xT;
        using (no_grad())
        {
            for (int i = 0; i < Timesteps.Count; i++)
            {
                using var scope = NewDisposeScope();
                int t = Timesteps[i];
                double alphaBar = alphaBars[t];
                double alphaBarPrev = i + 1 < Timesteps.Count ? alphaBars[Timesteps[i + 1]] : 1.0;
                var steps = torch.full(shape[0], t, dtype: ScalarType.Int64, device: device);
                var eps = predictor(x, steps);
                var x0 = Samplers.Clip(Schedule.PredictX0(x, eps, steps), ClipSample);
                if (ClipSample is not null)   // the noise direction consistent with the clipped x0_hat
                    eps = (x - Math.Sqrt(alphaBar) * x0) / Math.Sqrt(1 - alphaBar);
                double sigma = Eta * Math.Sqrt((1 - alphaBarPrev) / (1 - alphaBar)) * Math.Sqrt(1 - alphaBar / alphaBarPrev);
                var next = Math.Sqrt(alphaBarPrev) * x0 + Math.Sqrt(Math.Max(1 - alphaBarPrev - sigma * sigma, 0)) * eps;
                if (sigma > 0)
                    next = next + sigma * Samplers.Normal(shape, generator, device);
                x.Dispose();
                x = scope.MoveToOuter(next);
                if (snapshotEvery > 0 && (i % snapshotEvery == snapshotEvery - 1 || i == Timesteps.Count - 1))
                    snapshots.Add((t, scope.MoveToOuter(x.clone())));
            }
        }
        return new SamplingResult(x, snapshots);
    }
}

/// <summary>
/// Classifier-free guidance (Ho and Salimans, 2022): one network trained with the label dropped to a null class
/// predicts both eps_c (with the label) and eps_u (with the null class); sampling uses
/// eps = eps_u + w (eps_c - eps_u). w = 0 is unconditional, w = 1 plain conditional, w &gt; 1 pushes further
/// towards what makes the image look like its class (more recognisable, less diverse).
/// </summary>
public static class ClassifierFreeGuidance
{
    /// <summary>eps_u + w (eps_c - eps_u), elementwise.</summary>
    public static Tensor Combine(Tensor unconditional, Tensor conditional, double w)
    {
        if (!unconditional.shape.SequenceEqual(conditional.shape))
            throw new ArgumentException($"The two predictions must have the same shape; got {ShapeText.Of(unconditional)} and {ShapeText.Of(conditional)}.", nameof(conditional));
        return unconditional + w * (conditional - unconditional);
    }

    /// <summary>
    /// A noise predictor that guides <paramref name="conditionalPredictor"/> (x_t, t, labels) towards <paramref name="labels"/>
    /// [N] with weight <paramref name="w"/>; <paramref name="nullClass"/> is the label meaning "no class".
    /// Both predictions come from one batched call of 2N examples.
    /// </summary>
    public static NoisePredictor Guide(Func<Tensor, Tensor, Tensor, Tensor> conditionalPredictor, Tensor labels, double w, long nullClass)
    {
        ArgumentNullException.ThrowIfNull(conditionalPredictor);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.ndim != 1 || labels.dtype != ScalarType.Int64)
            throw new ArgumentException($"Expected int64 labels of shape [N]; got {labels.dtype} {ShapeText.Of(labels)}.", nameof(labels));
        return (xt, t) =>
        {
            if (xt.shape[0] != labels.shape[0])
                throw new ArgumentException($"Guidance has {labels.shape[0]} labels but x_t has {xt.shape[0]} examples.", nameof(xt));
            using var scope = NewDisposeScope();
            if (w == 0)
                return scope.MoveToOuter(conditionalPredictor(xt, t, torch.full_like(labels, nullClass).to(xt.device)));
            var both = conditionalPredictor(torch.cat(new[] { xt, xt }), torch.cat(new[] { t, t }),
                torch.cat(new[] { torch.full_like(labels, nullClass), labels }).to(xt.device));
            var parts = both.chunk(2);
            return scope.MoveToOuter(Combine(parts[0], parts[1], w));
        };
    }
}

static class Samplers
{
    internal static Tensor Normal(long[] shape, Generator? generator, Device device)
    {
        // Drawn on the CPU with the course's generator, then moved (libtorch refuses a CPU generator on CUDA)
        var z = torch.randn(shape, generator: generator);
        return device.type == DeviceType.CPU ? z : z.to(device);
    }

    internal static Tensor Clip(Tensor x0, double? clip) => clip is { } c ? x0.clamp(-c, c) : x0;

    internal static void CheckShape(long[] shape)
    {
        if (shape is null || shape.Length < 2 || shape.Any(d => d < 1))
            throw new ArgumentException($"Expected a sample shape [N, ...] with every size at least 1; got [{string.Join(", ", shape ?? Array.Empty<long>())}].", nameof(shape));
    }
}

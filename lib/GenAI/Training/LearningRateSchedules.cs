namespace GenAI.Training;

/// <summary>
/// A learning rate as a function of the step t = 0, 1, 2, ... (the rate used for the update after
/// t completed steps). Set it on an optimiser before each step: <c>optimizer.LearningRate = schedule.At(t)</c>
/// (or <c>ParamGroups.First().LearningRate</c> on a torch.optim optimiser).
/// </summary>
public abstract record LearningRateSchedule
{
    /// <summary>η_t.</summary>
    public abstract double At(int step);

    /// <summary>η_0, η_1, ..., η_{steps-1}, e.g. to plot.</summary>
    public double[] Take(int steps) => [.. Enumerable.Range(0, steps).Select(At)];

    protected static void CheckStep(int step)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, "Steps count from 0.");
    }

    protected static void CheckPositive(double value, string name)
    {
        if (!(value > 0)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
    }
}

/// <summary>Time-based decay: η_t = η_0 / (1 + k t).</summary>
public sealed record TimeBasedDecay(double Initial, double Decay) : LearningRateSchedule
{
    public override double At(int step)
    {
        CheckStep(step);
        CheckPositive(Initial, nameof(Initial));
        if (!(Decay >= 0)) throw new ArgumentOutOfRangeException(nameof(Decay), Decay, "Decay k must be zero or positive.");
        // η_t = η_0 / (1 + k t)
        return Initial / (1 + Decay * step);
    }
}

/// <summary>Step decay: multiply by γ every <c>StepSize</c> steps, η_t = η_0 γ^⌊t / s⌋ (torch's StepLR).</summary>
public sealed record StepDecay(double Initial, int StepSize, double Gamma) : LearningRateSchedule
{
    public override double At(int step)
    {
        CheckStep(step);
        CheckPositive(Initial, nameof(Initial));
        if (StepSize < 1) throw new ArgumentOutOfRangeException(nameof(StepSize), StepSize, "StepSize must be at least 1.");
        // η_t = η_0 γ^⌊t / s⌋
        return Initial * Math.Pow(Gamma, step / StepSize);
    }
}

/// <summary>Exponential decay: η_t = η_0 γ^t (torch's ExponentialLR).</summary>
public sealed record ExponentialDecay(double Initial, double Gamma) : LearningRateSchedule
{
    public override double At(int step)
    {
        CheckStep(step);
        CheckPositive(Initial, nameof(Initial));
        // η_t = η_0 γ^t
        return Initial * Math.Pow(Gamma, step);
    }
}

/// <summary>
/// Cosine annealing: from η_0 down to η_min along half a cosine over T steps,
/// η_t = η_min + (η_0 - η_min)(1 + cos(π t / T)) / 2 (torch's CosineAnnealingLR for t ≤ T); η_min after T.
/// </summary>
public sealed record CosineAnnealing(double Initial, int TotalSteps, double Minimum = 0) : LearningRateSchedule
{
    public override double At(int step)
    {
        CheckStep(step);
        CheckPositive(Initial, nameof(Initial));
        if (TotalSteps < 1) throw new ArgumentOutOfRangeException(nameof(TotalSteps), TotalSteps, "TotalSteps must be at least 1.");
        if (step >= TotalSteps) return Minimum;
        // η_t = η_min + (η_0 - η_min)(1 + cos(π t / T)) / 2
        return Minimum + (Initial - Minimum) * (1 + Math.Cos(Math.PI * step / TotalSteps)) / 2;
    }
}

/// <summary>
/// Linear warm-up: start at <c>StartFactor</c>·η_peak and rise linearly to η_peak over W steps
/// (torch's LinearLR with end_factor 1), then follow <c>Then</c> (counted from the end of warm-up) or stay at η_peak.
/// </summary>
public sealed record LinearWarmup(double Peak, int WarmupSteps, double StartFactor = 0.1, LearningRateSchedule? Then = null) : LearningRateSchedule
{
    public override double At(int step)
    {
        CheckStep(step);
        CheckPositive(Peak, nameof(Peak));
        if (WarmupSteps < 1) throw new ArgumentOutOfRangeException(nameof(WarmupSteps), WarmupSteps, "WarmupSteps must be at least 1.");
        if (step >= WarmupSteps) return Then?.At(step - WarmupSteps) ?? Peak;
        // η_t = η_peak (f + (1 - f) t / W), f the start factor
        return Peak * (StartFactor + (1 - StartFactor) * step / WarmupSteps);
    }
}

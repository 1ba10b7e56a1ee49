using static TorchSharp.torch;

namespace GenAI.Optimizers;

/// <summary>Plain stochastic gradient descent: θ ← θ - η (g + λθ).</summary>
public sealed class ManualSgd(IEnumerable<Tensor> parameters, double learningRate, double weightDecay = 0)
    : ManualOptimizer(parameters, learningRate, weightDecay)
{
    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = WithWeightDecay(parameter, gradient);
        // θ ← θ - η g
        parameter.sub_(g * LearningRate);
    }
}

/// <summary>
/// SGD with momentum (heavy ball): a velocity accumulates past gradients, so steps grow along a
/// consistent direction and oscillations across a valley cancel. b ← μ b + g; θ ← θ - η b.
/// </summary>
public sealed class ManualMomentum : ManualOptimizer
{
    readonly Tensor[] velocity;

    public ManualMomentum(IEnumerable<Tensor> parameters, double learningRate, double momentum = 0.9, double weightDecay = 0)
        : base(parameters, learningRate, weightDecay)
    {
        if (!(momentum >= 0 && momentum < 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum μ lies in [0, 1).");
        MomentumFactor = momentum;
        velocity = StatePerParameter();
    }

    public double MomentumFactor { get; }

    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = WithWeightDecay(parameter, gradient);
        // b_t = μ b_{t-1} + g_t   (b_0 = 0, so b_1 = g_1)
        velocity[index].mul_(MomentumFactor).add_(g);
        // θ_t = θ_{t-1} - η b_t
        parameter.sub_(velocity[index] * LearningRate);
    }
}

/// <summary>
/// Adagrad: each weight's step is divided by the root of the sum of all its squared gradients,
/// so often-updated weights slow down. s ← s + g²; θ ← θ - η g / (√s + ε).
/// </summary>
public sealed class ManualAdagrad : ManualOptimizer
{
    readonly Tensor[] sumOfSquares;

    public ManualAdagrad(IEnumerable<Tensor> parameters, double learningRate = 0.01, double weightDecay = 0, double eps = 1e-10)
        : base(parameters, learningRate, weightDecay)
    {
        Eps = eps;
        sumOfSquares = StatePerParameter();
    }

    public double Eps { get; }

    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = WithWeightDecay(parameter, gradient);
        // s_t = s_{t-1} + g_t²
        sumOfSquares[index].add_(g.square());
        // θ_t = θ_{t-1} - η g_t / (√s_t + ε)
        parameter.sub_(g / (sumOfSquares[index].sqrt() + Eps) * LearningRate);
    }
}

/// <summary>
/// RMSprop: like Adagrad, but the squared gradients are averaged with exponential forgetting, so
/// the step size does not shrink for ever. v ← α v + (1 - α) g²; θ ← θ - η g / (√v + ε).
/// </summary>
public sealed class ManualRmsProp : ManualOptimizer
{
    readonly Tensor[] meanSquare;

    public ManualRmsProp(IEnumerable<Tensor> parameters, double learningRate = 0.01, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0)
        : base(parameters, learningRate, weightDecay)
    {
        if (!(alpha >= 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The decay α lies in [0, 1).");
        (Alpha, Eps) = (alpha, eps);
        meanSquare = StatePerParameter();
    }

    public double Alpha { get; }
    public double Eps { get; }

    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        var g = WithWeightDecay(parameter, gradient);
        // v_t = α v_{t-1} + (1 - α) g_t²
        meanSquare[index].mul_(Alpha).add_(g.square() * (1 - Alpha));
        // θ_t = θ_{t-1} - η g_t / (√v_t + ε)
        parameter.sub_(g / (meanSquare[index].sqrt() + Eps) * LearningRate);
    }
}

/// <summary>
/// Adam: momentum on the gradient (first moment m) and RMSprop's scaling (second moment v), both
/// corrected for starting at zero. With <paramref name="decoupledWeightDecay"/> it is AdamW.
/// </summary>
public class ManualAdam : ManualOptimizer
{
    readonly Tensor[] m;
    readonly Tensor[] v;
    readonly bool decoupled;

    public ManualAdam(IEnumerable<Tensor> parameters, double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupledWeightDecay: false) { }

    protected ManualAdam(IEnumerable<Tensor> parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay, bool decoupledWeightDecay)
        : base(parameters, learningRate, weightDecay)
    {
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β1 lies in [0, 1).");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "β2 lies in [0, 1).");
        (Beta1, Beta2, Eps, decoupled) = (beta1, beta2, eps, decoupledWeightDecay);
        m = StatePerParameter();
        v = StatePerParameter();
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }

    protected override void Update(int index, Tensor parameter, Tensor gradient)
    {
        int t = StepCount;
        // AdamW: θ ← θ (1 - η λ), the decay applied to the weights directly, not through g
        if (decoupled && WeightDecay != 0) parameter.mul_(1 - LearningRate * WeightDecay);
        // Adam: g ← g + λθ (L2 penalty in the gradient, then rescaled like the rest of g)
        var g = decoupled ? gradient : WithWeightDecay(parameter, gradient);
        // m_t = β1 m_{t-1} + (1 - β1) g_t
        m[index].mul_(Beta1).add_(g * (1 - Beta1));
        // v_t = β2 v_{t-1} + (1 - β2) g_t²
        v[index].mul_(Beta2).add_(g.square() * (1 - Beta2));
        // m̂_t = m_t / (1 - β1^t), v̂_t = v_t / (1 - β2^t)
        var mHat = m[index] / (1 - Math.Pow(Beta1, t));
        var vHat = v[index] / (1 - Math.Pow(Beta2, t));
        // θ_t = θ_{t-1} - η m̂_t / (√v̂_t + ε)
        parameter.sub_(mHat / (vHat.sqrt() + Eps) * LearningRate);
    }
}

/// <summary>
/// AdamW (Loshchilov and Hutter): Adam with decoupled weight decay, θ ← θ(1 - ηλ) before the Adam
/// step, so every weight decays at the same rate whatever its gradient history.
/// </summary>
public sealed class ManualAdamW(IEnumerable<Tensor> parameters, double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
    : ManualAdam(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupledWeightDecay: true);

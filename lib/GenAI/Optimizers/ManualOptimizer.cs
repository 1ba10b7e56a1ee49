using static TorchSharp.torch;

namespace GenAI.Optimizers;

/// <summary>
/// What every optimiser here shares: the parameters it updates, a learning rate a schedule may
/// change between steps, and a step counter. Each subclass writes out one update rule; they agree
/// step for step with TorchSharp's <c>torch.optim</c> classes of the same name (see the tests), and
/// exist so the rule is readable, not to replace those classes.
/// </summary>
public abstract class ManualOptimizer : IDisposable
{
    readonly List<Tensor> state = [];

    protected ManualOptimizer(IEnumerable<Tensor> parameters, double learningRate, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        if (Parameters.Count == 0)
            throw new ArgumentException("An optimiser needs at least one parameter to update; got none.", nameof(parameters));
        foreach (var (p, i) in Parameters.Select((p, i) => (p, i)))
            if (!p.requires_grad)
                throw new ArgumentException($"Parameter {i} (shape {ShapeText.Of(p)}) does not require gradients, so it would never move.", nameof(parameters));
        if (!(learningRate > 0))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive.");
        if (!(weightDecay >= 0))
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "Weight decay must be zero or positive.");
        LearningRate = learningRate;
        WeightDecay = weightDecay;
    }

    /// <summary>The tensors this optimiser updates, in order.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>η, read at every step (a schedule sets it between steps).</summary>
    public double LearningRate { get; set; }

    /// <summary>λ, the L2 penalty's coefficient (decoupled in AdamW).</summary>
    public double WeightDecay { get; }

    /// <summary>
    /// Steps taken so far; t in the formulas counts from 1 at the first step. torch.optim counts steps per
    /// parameter instead; the two differ only for a parameter that some steps leave without a gradient.
    /// </summary>
    public int StepCount { get; private set; }

    /// <summary>Clear every parameter's gradient before the next backward pass (gradients accumulate otherwise).</summary>
    public void ZeroGrad()
    {
        // .grad makes a new handle each time; the scope frees them instead of leaving them to the finaliser
        using var scope = NewDisposeScope();
        foreach (var p in Parameters) p.grad?.zero_();
    }

    /// <summary>Update every parameter that has a gradient, in place, by this optimiser's rule.</summary>
    public void Step()
    {
        StepCount++;
        using var noGrad = no_grad();
        for (int i = 0; i < Parameters.Count; i++)
        {
            using var scope = NewDisposeScope();   // opened first: it also frees the handle .grad returns
            if (Parameters[i].grad is not Tensor grad) continue;
            Update(i, Parameters[i], grad);
        }
    }

    /// <summary>Apply the rule to parameter <paramref name="index"/> in place; <paramref name="gradient"/> is ∇L for it.</summary>
    protected abstract void Update(int index, Tensor parameter, Tensor gradient);

    /// <summary>g + λθ: the gradient of L + (λ/2)‖θ‖², how torch.optim's weight_decay enters SGD, Adagrad, RMSprop and Adam.</summary>
    protected Tensor WithWeightDecay(Tensor parameter, Tensor gradient) =>
        WeightDecay == 0 ? gradient : gradient.add(parameter, WeightDecay);

    /// <summary>One zero-filled running-statistic tensor per parameter, kept alive outside every dispose scope until Dispose.</summary>
    protected Tensor[] StatePerParameter()
    {
        var tensors = Parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        state.AddRange(tensors);
        return tensors;
    }

    public void Dispose()
    {
        foreach (var t in state) t.Dispose();
        state.Clear();
        GC.SuppressFinalize(this);
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// Rosenblatt's perceptron: one artificial neuron with a weighted sum and a step activation,
/// ŷ = sign(w·x + b), labels -1 or +1. It learns with the classic rule, one example at a time:
/// whenever y (w·x + b) ≤ 0 (wrong side of the line, or on it), w ← w + η y x and b ← b + η y.
/// If a line separates the two classes the rule finds one after finitely many mistakes
/// (the perceptron convergence theorem); if none exists, as for XOR, it never stops making them.
/// </summary>
public sealed class Perceptron : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;
    readonly Parameter bias;

    /// <summary>A perceptron over <paramref name="inputs"/> features, starting from w = 0, b = 0.</summary>
    public Perceptron(int inputs, Device? device = null) : base(nameof(Perceptron))
    {
        if (inputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "inputs must be at least 1.");
        // The rule needs no gradients: the parameters are updated by hand.
        weight = nn.Parameter(zeros(inputs, dtype: ScalarType.Float32, device: device), requires_grad: false);
        bias = nn.Parameter(zeros(1, dtype: ScalarType.Float32, device: device), requires_grad: false);
        RegisterComponents();
    }

    /// <summary>w [d].</summary>
    public Tensor Weight => weight;

    /// <summary>b [1].</summary>
    public Tensor Bias => bias;

    /// <summary>The weighted sum s = x w + b for each row of <paramref name="x"/> [n, d]: [n].</summary>
    public Tensor Score(Tensor x)
    {
        CheckInputs(x, nameof(x));
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(x.to(weight.dtype).mv(weight).add(bias));
    }

    /// <summary>The step activation applied to the weighted sum: +1 where s &gt; 0, else -1, [n].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var s = Score(x);
        return scope.MoveToOuter(where(s.gt(0), ones_like(s), ones_like(s).neg()));
    }

    /// <summary>
    /// One pass over the examples in order, applying the rule after each; returns the number of mistakes
    /// (examples with y s ≤ 0 when they were visited, each of which caused an update).
    /// </summary>
    public int TrainEpoch(Tensor x, Tensor y, double learningRate = 1.0)
    {
        CheckExamples(x, y);
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be positive.");
        int mistakes = 0;
        using var noGrad = no_grad();
        for (long n = 0; n < x.shape[0]; n++)
        {
            using var scope = NewDisposeScope();
            var xn = x[n].to(weight.dtype);
            var yn = y[n].to(weight.dtype);
            // s = w·x + b; a mistake when y s ≤ 0
            var s = xn.dot(weight).add(bias);
            if (yn.mul(s).item<float>() <= 0)
            {
                mistakes++;
                // w ← w + η y x,  b ← b + η y
                weight.add_(xn.mul(yn), alpha: learningRate);
                bias.add_(yn, alpha: learningRate);
            }
        }
        return mistakes;
    }

    /// <summary>
    /// Epochs of <see cref="TrainEpoch"/> until one makes no mistake or <paramref name="maxEpochs"/> have run.
    /// Returns the mistakes of each epoch; the last entry is 0 exactly when the perceptron converged.
    /// </summary>
    public IReadOnlyList<int> Fit(Tensor x, Tensor y, int maxEpochs, double learningRate = 1.0)
    {
        if (maxEpochs < 1) throw new ArgumentOutOfRangeException(nameof(maxEpochs), maxEpochs, "maxEpochs must be at least 1.");
        var mistakes = new List<int>();
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            mistakes.Add(TrainEpoch(x, y, learningRate));
            if (mistakes[^1] == 0) break;
        }
        return mistakes;
    }

    void CheckInputs(Tensor x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.ndim != 2 || x.shape[1] != weight.shape[0])
            throw new ArgumentException($"{name} must be [n, {weight.shape[0]}] (one example per row, {weight.shape[0]} features); got shape {ShapeText.Of(x)}.", name);
    }

    void CheckExamples(Tensor x, Tensor y)
    {
        CheckInputs(x, nameof(x));
        ArgumentNullException.ThrowIfNull(y);
        if (y.ndim != 1 || y.shape[0] != x.shape[0])
            throw new ArgumentException($"y needs one label per row of x: expected shape [{x.shape[0]}], got {ShapeText.Of(y)} (x is {ShapeText.Of(x)}).", nameof(y));
        using var scope = NewDisposeScope();
        if (!y.abs().eq(1).all().item<bool>())
            throw new ArgumentException("Perceptron labels must be -1 or +1 (turn 0/1 labels into -1/+1 with 2y - 1).", nameof(y));
    }
}

using GenAI.Optimizers;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 03's exercise: Adam's update rule, with its moving averages and bias correction.</summary>
public static class Notebook03Exercises
{
    /// <summary>β1, β2 and ε of the exercise: Adam's defaults, as in the notebook.</summary>
    public const double Beta1 = 0.9, Beta2 = 0.999, Eps = 1e-8;

    /// <summary>
    /// T steps of Adam from θ [d], the gradient of step t being row t - 1 of <c>gradients</c> [T, d]:
    /// m ← β1 m + (1 - β1) g, v ← β2 v + (1 - β2) g², θ ← θ - η m̂ / (√v̂ + ε) with m̂ = m / (1 - β1^t),
    /// v̂ = v / (1 - β2^t), t counting from 1. The learner returns θ after the last step.
    /// </summary>
    public static ExerciseResult CheckAdamSteps(Func<Tensor, Tensor, double, Tensor> adamSteps) =>
        Exercise.Check("Adam's steps", (Problem p) => adamSteps(p.Theta, p.Gradients, p.LearningRate),
            p => AdamSteps(p.Theta, p.Gradients, p.LearningRate),
            (expected, actual) => Answers.Tensors(expected, actual, rtol: 1e-6, atol: 1e-9), Cases, Mistakes);

    /// <summary>
    /// The reference: the library's <see cref="ManualAdam"/> (the optimiser the notebook runs), fed each gradient
    /// through the loss θ·g, whose gradient is g.
    /// </summary>
    public static Tensor AdamSteps(Tensor theta, Tensor gradients, double learningRate)
    {
        var p = theta.detach().clone().requires_grad_(true);
        using var adam = new ManualAdam([p], learningRate, Beta1, Beta2, Eps);
        for (long t = 0; t < gradients.shape[0]; t++)
        {
            using var scope = NewDisposeScope();
            adam.ZeroGrad();
            (p * gradients[t]).sum().backward();
            adam.Step();
        }
        return p.detach().clone();
    }

    /// <summary>One input of the checker: the start θ, the gradient of each step, and η.</summary>
    public sealed record Problem(Tensor Theta, Tensor Gradients, double LearningRate);

    static Tensor D(double[] values, params long[] shape) => tensor(values, shape, dtype: ScalarType.Float64);

    static readonly ExerciseCase<Problem>[] Cases =
    [
        new("one step from θ = [1, -2, 0.5] with g = [0.3, -4, 0] and η = 0.1 (the first step moves each weight by η against the sign of g: θ = [0.9, -1.9, 0.5])",
            () => new(D([1, -2, 0.5], 3), D([0.3, -4, 0], 1, 3), 0.1)),
        new("two steps from θ = [0] with g = 1, then g = -1, and η = 0.1 (θ = -0.1, then -0.1 + 0.1 · 0.01/0.19 = -0.0947368)",
            () => new(D([0], 1), D([1, -1], 2, 1), 0.1)),
        new("20 steps on 4 weights with random gradients and η = 0.05 (seed 1)",
            () => new(ExerciseInputs.Normal(1, 4).to(ScalarType.Float64), ExerciseInputs.Normal(2, 20, 4).to(ScalarType.Float64), 0.05)),
    ];

    /// <summary>Adam written out with the variations the mistakes need.</summary>
    static Tensor Written(Problem p, bool correct = true, int firstT = 1, double direction = -1)
    {
        var theta = p.Theta.clone();
        var m = zeros_like(theta);
        var v = zeros_like(theta);
        for (int i = 0; i < p.Gradients.shape[0]; i++)
        {
            var g = p.Gradients[i];
            int t = i + firstT;
            m = Beta1 * m + (1 - Beta1) * g;
            v = Beta2 * v + (1 - Beta2) * g.square();
            var mHat = correct ? m / (1 - Math.Pow(Beta1, t)) : m;
            var vHat = correct ? v / (1 - Math.Pow(Beta2, t)) : v;
            theta = theta + direction * p.LearningRate * mHat / (vHat.sqrt() + Eps);
        }
        return theta;
    }

    static readonly ExerciseMistake<Problem, Tensor>[] Mistakes =
    [
        new("this is Adam without the bias correction: m and v start at 0, so early on they are too small; divide them by 1 - β1^t and 1 - β2^t.",
            p => Written(p, correct: false)),
        new("this is what counting the steps from t = 0 gives (1 - β^0 = 0 divides by zero): t is 1 at the first step.",
            p => Written(p, firstT: 0)),
        new("this climbs the gradient: Adam subtracts η m̂ / (√v̂ + ε) from θ.",
            p => Written(p, direction: +1)),
    ];
}

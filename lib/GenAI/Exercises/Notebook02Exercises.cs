using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 02's exercise: the analytic gradient of the mean squared error of linear regression.</summary>
public static class Notebook02Exercises
{
    /// <summary>
    /// The gradient of L(w) = (1/n) ‖X w - y‖² with respect to w: (2/n) Xᵀ (X w - y), for X [n, d], y [n], w [d].
    /// </summary>
    public static ExerciseResult CheckMseGradient(Func<Tensor, Tensor, Tensor, Tensor> mseGradient) =>
        Exercise.Check("the gradient of the mean squared error", (Problem p) => mseGradient(p.X, p.Y, p.W),
            p => MseGradient(p.X, p.Y, p.W), (expected, actual) => Answers.Tensors(expected, actual, rtol: 1e-6, atol: 1e-9),
            Cases, Mistakes);

    /// <summary>The reference: the library's <see cref="LinearRegression.Gradient"/> at the weights w.</summary>
    public static Tensor MseGradient(Tensor X, Tensor y, Tensor w)
    {
        using var model = new LinearRegression((int)w.shape[0], w.dtype, w.device);
        using (no_grad()) model.Weight.copy_(w);
        return model.Gradient(X, y);
    }

    /// <summary>One input of the checker: the design matrix, the targets and the weights at which to differentiate.</summary>
    public sealed record Problem(Tensor X, Tensor Y, Tensor W);

    static Tensor D(double[] values, params long[] shape) => tensor(values, shape, dtype: ScalarType.Float64);

    static readonly ExerciseCase<Problem> [] Cases =
    [
        new("X = [[1, 1], [2, 1]], y = [3, 5], w = [1, 0] (residuals [-2, -3], gradient [-8, -5])",
            () => new(D([1, 1, 2, 1], 2, 2), D([3, 5], 2), D([1, 0], 2))),
        new("X = [[0, 1], [1, 1], [2, 1]], y = [1, 2, 6], w = [1, 1] (residuals [0, 0, -3], gradient [-4, -2])",
            () => new(D([0, 1, 1, 1, 2, 1], 3, 2), D([1, 2, 6], 3), D([1, 1], 2))),
        new("a random X [30, 3], y [30] and w [3] (seed 1)", () =>
        {
            var r = ExerciseInputs.Normal(1, 30 * 3 + 30 + 3).to(ScalarType.Float64);
            return new(r[..90].reshape(30, 3), r[90..120], r[120..]);
        }),
    ];

    static readonly ExerciseMistake<Problem, Tensor>[] Mistakes =
    [
        new("this is half the gradient: the derivative of the square r² is 2r, so the factor is 2/n, not 1/n.",
            p => p.X.t().mv(p.X.mv(p.W) - p.Y) / p.X.shape[0]),
        new("this is the gradient with the wrong sign: the residual is X w - y (prediction minus target), and the gradient points uphill.",
            p => p.X.t().mv(p.Y - p.X.mv(p.W)) * (2.0 / p.X.shape[0])),
        new("this is the gradient of the sum of squares, not of the mean: divide by n, the number of rows of X.",
            p => p.X.t().mv(p.X.mv(p.W) - p.Y) * 2.0),
    ];
}

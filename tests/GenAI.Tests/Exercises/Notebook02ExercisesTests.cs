using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook02ExercisesTests
{
    static Tensor D(params double[] values) => tensor(values, dtype: ScalarType.Float64);

    [Fact]
    public void The_reference_is_two_over_n_X_transpose_residuals_and_passes()
    {
        // X = [[1, 1], [2, 1]], w = [1, 0]: X w = [1, 2], residuals [-2, -3], Xᵀ r = [-8, -5], times 2/n = 1.
        var gradient = Notebook02Exercises.MseGradient(D(1, 1, 2, 1).reshape(2, 2), D(3, 5), D(1, 0));
        Assert.True(gradient.allclose(D(-8, -5)));
        Assert.True(Notebook02Exercises.CheckMseGradient(Notebook02Exercises.MseGradient).Passed);
    }

    [Theory]
    [InlineData("half", "this is half the gradient")]
    [InlineData("sign", "the wrong sign")]
    [InlineData("sum", "the sum of squares, not of the mean")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<Tensor, Tensor, Tensor, Tensor> answer = mistake switch
        {
            "half" => (X, y, w) => X.t().mm((X.mm(w.unsqueeze(1)) - y.unsqueeze(1))).squeeze(1) / X.shape[0],
            "sign" => (X, y, w) => X.t().mv(y - X.mv(w)) * 2 / X.shape[0],
            _ => (X, y, w) => 2 * X.t().mv(X.mv(w) - y),
        };
        var result = Notebook02Exercises.CheckMseGradient(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith("On X = [[1, 1], [2, 1]], y = [3, 5], w = [1, 0]", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_the_loss_instead_of_its_gradient_is_a_shape_error_that_says_so()
    {
        var result = Notebook02Exercises.CheckMseGradient((X, y, w) => (X.mv(w) - y).pow(2).mean());
        Assert.Equal("On X = [[1, 1], [2, 1]], y = [3, 5], w = [1, 0] (residuals [-2, -3], gradient [-8, -5]), the shape is [], expected [2].", result.Message);
    }
}

using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook03ExercisesTests
{
    static Tensor D(params double[] values) => tensor(values, dtype: ScalarType.Float64);

    [Fact]
    public void The_reference_gives_the_hand_worked_second_step_and_passes()
    {
        // Step 1, g = 1: m = 0.1, v = 0.001, m̂ = 1, v̂ = 1, θ = -0.1. Step 2, g = -1: m = 0.09 - 0.1 = -0.01,
        // v = 0.000999 + 0.001 = 0.001999, m̂ = -0.01 / 0.19, v̂ = 0.001999 / 0.001999 = 1, θ = -0.1 + 0.1 · 0.01 / 0.19.
        var theta = Notebook03Exercises.AdamSteps(D(0), D(1, -1).reshape(2, 1), 0.1);
        Assert.Equal(-0.1 + 0.1 * 0.01 / 0.19, theta.item<double>(), 1e-8);
        Assert.True(Notebook03Exercises.CheckAdamSteps(Notebook03Exercises.AdamSteps).Passed);
    }

    [Theory]
    [InlineData("no-correction", "without the bias correction")]
    [InlineData("t-from-0", "counting the steps from t = 0")]
    [InlineData("ascent", "this climbs the gradient")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Tensor Adam(Tensor theta, Tensor gradients, double lr)
        {
            Tensor m = zeros_like(theta), v = zeros_like(theta);
            for (int t = 1; t <= gradients.shape[0]; t++)
            {
                var g = gradients[t - 1];
                m = m * 0.9 + g * 0.1;
                v = v * 0.999 + g * g * 0.001;
                int power = mistake == "t-from-0" ? t - 1 : t;
                var mHat = mistake == "no-correction" ? m : m / (1 - Math.Pow(0.9, power));
                var vHat = mistake == "no-correction" ? v : v / (1 - Math.Pow(0.999, power));
                var step = lr * mHat / (vHat.sqrt() + 1e-8);
                theta = mistake == "ascent" ? theta + step : theta - step;
            }
            return theta;
        }
        var result = Notebook03Exercises.CheckAdamSteps(Adam);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith("On one step from θ = [1, -2, 0.5]", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Plain_gradient_descent_names_the_first_weight_that_differs()
    {
        var result = Notebook03Exercises.CheckAdamSteps((theta, gradients, lr) => theta - lr * gradients.sum([0]));
        Assert.Equal("On one step from θ = [1, -2, 0.5] with g = [0.3, -4, 0] and η = 0.1 (the first step moves each weight by η against the sign of g: θ = [0.9, -1.9, 0.5]), the value at [0] is 0.97, expected 0.9.", result.Message);
    }
}

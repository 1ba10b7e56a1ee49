using GenAI.Models;
using static GenAI.Tests.Models.SklearnReference;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class LinearRegressionTests
{
    /// <summary>The fixture's 50 examples: X [50, 4] with the bias column, y [50] (float64).</summary>
    static (Tensor X, Tensor Y) Reference()
    {
        var reference = Get("linear_regression");
        return (LinearRegression.WithBiasColumn(Matrix(reference, "x")), tensor(Vector(reference, "y")));
    }

    [Fact]
    public void The_hand_gradient_and_one_step_give_the_worked_numbers()
    {
        // X = [[1, 1], [2, 1]] (a feature and the bias column), y = [1, 2], w = 0:
        // X w - y = [-1, -2];  Xᵀ(X w - y) = [1·-1 + 2·-2, -1 - 2] = [-5, -3];  (2/2)·that = [-5, -3].
        // L(0) = (1 + 4) / 2 = 2.5;  one step with α = 0.1: w = [0.5, 0.3].
        using var x = tensor(new double[] { 1, 1, 2, 1 }, [2, 2]);
        using var y = tensor(new double[] { 1, 2 });
        using var model = new LinearRegression(2, ScalarType.Float64);
        using var grad = model.Gradient(x, y);
        Assert.Equal(new double[] { -5, -3 }, Values(grad));
        Assert.Equal(2.5, model.Step(x, y, 0.1), 12);
        var w = Values(model.Weight);
        Assert.Equal(0.5, w[0], 12);
        Assert.Equal(0.3, w[1], 12);
    }

    [Fact]
    public void The_hand_gradient_agrees_with_autograd_to_1e_6_along_the_descent()
    {
        var (x, y) = Reference();
        using var model = new LinearRegression(4, ScalarType.Float64);
        for (int step = 0; step < 20; step++)
        {
            using var hand = model.Gradient(x, y);
            using var auto = model.AutogradGradient(x, y);
            Assert.True(hand.allclose(auto, rtol: 0, atol: 1e-6), $"step {step}: hand {hand.ToString(TorchSharp.TensorStringStyle.Numpy)} vs autograd {auto.ToString(TorchSharp.TensorStringStyle.Numpy)}");
            model.Step(x, y, 0.05);
        }
    }

    [Fact]
    public void The_closed_form_is_sklearns_least_squares_solution_and_gradient_descent_reaches_it()
    {
        var (x, y) = Reference();
        using var best = LinearRegression.ClosedForm(x, y);
        var reference = Get("linear_regression");
        var expected = Vector(reference, "coef").Append(Number(reference, "intercept")).ToArray();
        var closed = Values(best);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], closed[i], 9);

        using var model = new LinearRegression(4, ScalarType.Float64);
        var losses = model.FitFullBatch(x, y, learningRate: 0.1, steps: 500);
        Assert.Equal(501, losses.Count);
        Assert.True(model.Weight.allclose(best, rtol: 0, atol: 1e-6), $"GD ended at {model.Weight.ToString(TorchSharp.TensorStringStyle.Numpy)}, least squares is {best.ToString(TorchSharp.TensorStringStyle.Numpy)}");
        for (int i = 1; i < losses.Count; i++) Assert.True(losses[i] <= losses[i - 1] + 1e-12, $"full-batch loss rose at step {i}");
    }

    [Fact]
    public void A_step_beyond_two_over_the_largest_curvature_diverges()
    {
        // For L(w) = (1/n)||Xw - y||² the Hessian is H = (2/n) XᵀX; GD is stable only for α < 2 / λmax(H).
        var (x, y) = Reference();
        using var hessian = x.t().mm(x).mul(2.0 / x.shape[0]);
        double lambdaMax = linalg.eigvalsh(hessian).max().item<double>();
        using var stable = new LinearRegression(4, ScalarType.Float64);
        var calm = stable.FitFullBatch(x, y, 1.9 / lambdaMax, 50);
        Assert.True(calm[^1] < calm[0]);
        using var unstable = new LinearRegression(4, ScalarType.Float64);
        var wild = unstable.FitFullBatch(x, y, 2.2 / lambdaMax, 50);
        Assert.True(wild[^1] > 100 * wild[0], $"α = 2.2/λmax should diverge: loss {wild[0]} -> {wild[^1]}");
    }

    [Fact]
    public void Mini_batch_SGD_takes_one_step_per_batch_and_ends_near_the_least_squares_loss()
    {
        var (x, y) = Reference();
        using var best = LinearRegression.ClosedForm(x, y);
        using var optimum = new LinearRegression(4, ScalarType.Float64);
        using (no_grad()) optimum.Weight.copy_(best);
        double floor = optimum.MeanSquaredError(x, y);

        using var model = new LinearRegression(4, ScalarType.Float64);
        var (steps, epochs) = model.FitMiniBatch(x, y, learningRate: 0.05, batchSize: 16, epochs: 40, generator: new Generator(1));
        Assert.Equal(40 * 4, steps.Count);  // 50 examples in batches of 16: 16, 16, 16, 2
        Assert.Equal(40, epochs.Count);
        Assert.True(epochs[^1] >= floor - 1e-12, "no weights beat least squares");
        Assert.True(epochs[^1] < floor * 1.5, $"after 40 epochs the loss {epochs[^1]} should be near the least-squares {floor}");
        using var again = new LinearRegression(4, ScalarType.Float64);
        var (_, epochsAgain) = again.FitMiniBatch(x, y, 0.05, 16, 40, new Generator(1));
        Assert.Equal(epochs, epochsAgain);
    }

    [Fact]
    public void Shapes_that_do_not_fit_are_errors_naming_them()
    {
        using var model = new LinearRegression(3);
        using var x = zeros(5, 2);
        using var y = zeros(5);
        var e = Assert.Throws<ArgumentException>(() => model.Gradient(x, y));
        Assert.Contains("[5, 2]", e.Message);
        using var x3 = zeros(5, 3);
        using var y4 = zeros(4);
        e = Assert.Throws<ArgumentException>(() => model.Loss(x3, y4));
        Assert.Contains("[4]", e.Message);
        Assert.Equal("y", e.ParamName);
        using var doubles = zeros(5, 3, dtype: ScalarType.Float64);
        e = Assert.Throws<ArgumentException>(() => model.call(doubles));
        Assert.Contains("Float64", e.Message);
        Assert.Contains("Float32", e.Message);
        using var vector = zeros(5);
        Assert.Contains("[5]", Assert.Throws<ArgumentException>(() => LinearRegression.WithBiasColumn(vector)).Message);
        using var column = zeros(5, 1);
        Assert.Contains("[5, 1]", Assert.Throws<ArgumentException>(() => LinearRegression.ClosedForm(x3, column)).Message);
    }
}

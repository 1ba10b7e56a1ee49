using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook07ExercisesTests
{
    static Tensor F(float[] values, params long[] shape) => tensor(values, shape);

    [Fact]
    public void The_reference_gives_the_hand_worked_step_and_passes()
    {
        // r = σ(0) = 1/2, z = σ(2), n = tanh(1·1 + 0 + r·(1·0.5 + 1)) = tanh(1.75), h' = (1 - z) n + z · 0.5.
        var h = Notebook07Exercises.GruStep(F([1], 1, 1), F([0.5f], 1, 1), F([0, 2, 1], 3, 1), F([0, 0, 1], 3, 1), zeros(3), F([0, 0, 1], 3));
        double z = 1 / (1 + Math.Exp(-2));
        Assert.Equal((1 - z) * Math.Tanh(1.75) + z * 0.5, h.item<float>(), 1e-6);
        Assert.True(Notebook07Exercises.CheckGruStep(Notebook07Exercises.GruStep).Passed);
    }

    [Theory]
    [InlineData("classic", "On one unit", "this is the classic GRU")]
    [InlineData("swap", "On one unit", "z mixes the other way round")]
    [InlineData("order", "On one unit", "the gates are taken in the wrong order")]
    [InlineData("no-tanh", "On one unit", "missing its tanh")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string where, string hint)
    {
        Tensor Answer(Tensor x, Tensor h, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh)
        {
            long H = h.shape[1];
            Tensor Block(Tensor w, int i) => w.narrow(0, i * H, H);
            int rBlock = mistake == "order" ? 1 : 0, zBlock = 1 - rBlock;
            var r = (x.matmul(Block(wIh, rBlock).t()) + Block(bIh, rBlock) + h.matmul(Block(wHh, rBlock).t()) + Block(bHh, rBlock)).sigmoid();
            var z = (x.matmul(Block(wIh, zBlock).t()) + Block(bIh, zBlock) + h.matmul(Block(wHh, zBlock).t()) + Block(bHh, zBlock)).sigmoid();
            var fromHidden = mistake == "classic"
                ? (r * h).matmul(Block(wHh, 2).t()) + Block(bHh, 2)
                : r * (h.matmul(Block(wHh, 2).t()) + Block(bHh, 2));
            var pre = x.matmul(Block(wIh, 2).t()) + Block(bIh, 2) + fromHidden;
            var n = mistake == "no-tanh" ? pre : pre.tanh();
            return mistake == "swap" ? z * n + (1 - z) * h : (1 - z) * n + z * h;
        }
        var result = Notebook07Exercises.CheckGruStep(Answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith(where, result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_every_gate_instead_of_the_state_is_a_shape_error_that_says_so()
    {
        var result = Notebook07Exercises.CheckGruStep((x, h, wIh, wHh, bIh, bHh) =>
            (nn.functional.linear(x, wIh, bIh) + nn.functional.linear(h, wHh, bHh)).sigmoid());
        Assert.Equal("On all weights and biases 0, x = [[1, 2]], h = [[1, -2, 4]] (r = z = σ(0) = 1/2 and n = 0, so h' = h / 2 = [[0.5, -1, 2]]), the shape is [1, 9], expected [1, 3].", result.Message);
    }
}

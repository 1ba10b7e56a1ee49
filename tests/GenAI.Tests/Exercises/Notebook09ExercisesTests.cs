using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook09ExercisesTests
{
    static readonly Tensor Q = tensor(new float[] { 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0 }, [3, 4]);
    static readonly Tensor V = tensor(new float[] { 1, 0, 0, 1, 1, 1 }, [3, 2]);

    [Fact]
    public void The_reference_weighs_only_the_past_and_passes()
    {
        var output = Notebook09Exercises.CausalAttention(Q, Q, V);
        // Scores q_i·k_j / sqrt(4) are 2 on the diagonal and 0 elsewhere. Row 0 sees only itself: v0 = [1, 0].
        // Row 1: weights (1, e²) / (1 + e²) = (0.1192, 0.8808). Row 2: (1, 1, e²) / (2 + e²) = (0.10651, 0.10651, 0.78699),
        // so 0.10651·[1, 0] + 0.10651·[0, 1] + 0.78699·[1, 1] = [0.89349, 0.89349].
        var expected = tensor(new float[] { 1, 0, 0.1192029f, 0.8807971f, 0.8934931f, 0.8934931f }, [3, 2]);
        Assert.True(output.allclose(expected, rtol: 1e-5, atol: 1e-6), string.Join(", ", output.data<float>().ToArray()));
        Assert.True(Notebook09Exercises.CheckCausalAttention(Notebook09Exercises.CausalAttention).Passed);
    }

    [Theory]
    [InlineData("no-mask", "without the causal mask")]
    [InlineData("upper", "the mask turned the wrong way")]
    [InlineData("no-scale", "not divided by sqrt(d_k)")]
    [InlineData("by-d", "divided by d_k instead of sqrt(d_k)")]
    [InlineData("queries-axis", "the softmax runs over the queries")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Tensor Attend(Tensor q, Tensor k, Tensor v, bool lowerTriangle, double scale, long softmaxDim, bool masked = true)
        {
            long t = q.shape[^2];
            var scores = q.matmul(k.transpose(-2, -1)) / scale;
            var allowed = lowerTriangle ? ones(t, t, ScalarType.Bool).tril() : ones(t, t, ScalarType.Bool).triu();
            if (masked) scores = scores.masked_fill(allowed.logical_not(), double.NegativeInfinity);
            return scores.softmax(softmaxDim).matmul(v);
        }
        Func<Tensor, Tensor, Tensor, Tensor> answer = mistake switch
        {
            "no-mask" => (q, k, v) => Attend(q, k, v, true, Math.Sqrt(q.shape[^1]), -1, masked: false),
            "upper" => (q, k, v) => Attend(q, k, v, false, Math.Sqrt(q.shape[^1]), -1),
            "no-scale" => (q, k, v) => Attend(q, k, v, true, 1, -1),
            "by-d" => (q, k, v) => Attend(q, k, v, true, q.shape[^1], -1),
            _ => (q, k, v) => Attend(q, k, v, true, Math.Sqrt(q.shape[^1]), -2),
        };
        var result = Notebook09Exercises.CheckCausalAttention(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On 3 tokens with q = k = 2·(one-hot of the position)", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_the_weights_instead_of_the_output_is_a_shape_error_that_says_so()
    {
        var result = Notebook09Exercises.CheckCausalAttention((q, k, v) =>
            q.matmul(k.transpose(-2, -1)).div(Math.Sqrt(q.shape[^1])).softmax(-1));
        Assert.Equal("On 3 tokens with q = k = 2·(one-hot of the position) in d_k = 4, v = [[1, 0], [0, 1], [1, 1]], "
            + "the shape is [3, 3], expected [3, 2].", result.Message);
    }
}

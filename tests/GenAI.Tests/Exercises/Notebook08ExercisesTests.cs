using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook08ExercisesTests
{
    static Tensor F(float[] values, params long[] shape) => tensor(values, shape);

    [Fact]
    public void The_reference_gives_padding_no_weight_and_passes()
    {
        // Source 1: scores s·h_j = [1, 1, 10], the third position is padding: [0.5, 0.5, 0]. Source 2: softmax([0, 2, 3]).
        var mask = tensor(new[] { true, true, false, true, true, true }, [2, 3]);
        var weights = Notebook08Exercises.AttentionWeights(F([1, 1, 0, 1], 2, 2), F([1, 0, 0, 1, 5, 5, 1, 0, 0, 2, 0, 3], 2, 3, 2), mask);
        double total = 1 + Math.Exp(2) + Math.Exp(3);
        var expected = F([0.5f, 0.5f, 0, (float)(1 / total), (float)(Math.Exp(2) / total), (float)(Math.Exp(3) / total)], 2, 3);
        Assert.True(weights.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.True(Notebook08Exercises.CheckAttentionWeights(Notebook08Exercises.AttentionWeights).Passed);
    }

    [Theory]
    [InlineData("no-mask", "On two sources", "the padding got weight")]
    [InlineData("zero-fill", "On two sources", "the padding got the score 0")]
    [InlineData("inverted", "On s = [[1, 0]]", "this masks the real positions")]
    [InlineData("batch-axis", "On s = [[1, 0]]", "a softmax over the batch")]
    [InlineData("scaled", "On s = [[1, 0]]", "divided by √H")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string where, string hint)
    {
        Tensor Answer(Tensor query, Tensor keys, Tensor mask)
        {
            var scores = (keys * query.unsqueeze(1)).sum(2);                 // [B, S]: s · h_j
            if (mistake == "scaled") scores = scores / Math.Sqrt(query.shape[1]);
            var masked = mistake switch
            {
                "no-mask" => scores,
                "zero-fill" => scores.masked_fill(mask.logical_not(), 0),
                "inverted" => scores.masked_fill(mask, float.NegativeInfinity),
                _ => scores.masked_fill(mask.logical_not(), float.NegativeInfinity),
            };
            return masked.softmax(mistake == "batch-axis" ? 0 : -1);
        }
        var result = Notebook08Exercises.CheckAttentionWeights(Answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith(where, result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_the_context_instead_of_the_weights_is_a_shape_error_that_says_so()
    {
        var result = Notebook08Exercises.CheckAttentionWeights((query, keys, mask) =>
            keys.bmm(query.unsqueeze(2)).squeeze(2).softmax(1).unsqueeze(1).bmm(keys).squeeze(1));
        Assert.Equal("On s = [[1, 0]], h = [[1, 0], [0, 1], [2, 0]], no padding (scores [1, 0, 2], α = softmax of them), the shape is [1, 2], expected [1, 3].", result.Message);
    }
}

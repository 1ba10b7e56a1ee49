using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook06ExercisesTests
{
    [Fact]
    public void The_reference_keeps_the_k_largest_in_place_and_passes()
    {
        var filtered = Notebook06Exercises.TopKFilter(tensor(new float[] { 2, -1, 0.5f, 3, 0 }), 2);
        var inf = float.NegativeInfinity;
        Assert.Equal(new[] { 2, inf, inf, 3, inf }, filtered.data<float>().ToArray());
        Assert.True(Notebook06Exercises.CheckTopKFilter(Notebook06Exercises.TopKFilter).Passed);
    }

    [Theory]
    [InlineData("zeros", "On the logits [2, -1, 0.5, 3, 0]", "the removed tokens are 0")]
    [InlineData("lowest", "On the logits [2, -1, 0.5, 3, 0]", "keeps the k lowest")]
    [InlineData("columns", "On a batch of two rows", "down each column")]
    [InlineData("probabilities", "On the logits [2, -1, 0.5, 3, 0]", "these are probabilities")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string where, string hint)
    {
        Tensor Answer(Tensor logits, int k)
        {
            int dim = mistake == "columns" ? 0 : (int)logits.ndim - 1;
            var kth = logits.topk(k, dim: dim, largest: mistake != "lowest").values.narrow(dim, k - 1, 1);
            var kept = mistake == "lowest" ? logits.le(kth) : logits.ge(kth);
            var filtered = logits.masked_fill(kept.logical_not(), mistake == "zeros" ? 0 : float.NegativeInfinity);
            return mistake == "probabilities" ? filtered.softmax(-1) : filtered;
        }
        var result = Notebook06Exercises.CheckTopKFilter(Answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith(where, result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_the_logits_unfiltered_names_the_first_token_that_should_be_gone()
    {
        var result = Notebook06Exercises.CheckTopKFilter((logits, k) => logits.clone());
        Assert.Equal("On the logits [2, -1, 0.5, 3, 0] with k = 2 (keep 3 and 2: [2, -∞, -∞, 3, -∞]), the value at [1] is -1, expected -Infinity.", result.Message);
    }
}

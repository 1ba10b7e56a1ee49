using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook11ExercisesTests
{
    [Fact]
    public void The_reference_averages_only_the_real_tokens_and_passes()
    {
        var hidden = tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9 }, [2, 3, 2]);
        var ids = tensor(new long[] { 5, 6, 7, 5, 0, 0 }, [2, 3]);
        // Row 0: mean of [1, 2], [3, 4], [5, 6] = [3, 4]; row 1: only [7, 8] is real.
        var pooled = Notebook11Exercises.MeanPool(hidden, ids, 0);
        Assert.True(pooled.allclose(tensor(new float[] { 3, 4, 7, 8 }, [2, 2])));
        Assert.True(Notebook11Exercises.CheckMeanPool(Notebook11Exercises.MeanPool).Passed);
    }

    [Theory]
    [InlineData("all-positions", "padding included")]
    [InlineData("sum", "without dividing")]
    [InlineData("by-length", "divided by T, the full length")]
    [InlineData("inverted", "ARE padding")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<Tensor, Tensor, long, Tensor> answer = mistake switch
        {
            "all-positions" => (h, ids, pad) => h.mean([1]),
            "sum" => (h, ids, pad) => (h * ids.ne(pad).unsqueeze(-1).to(h.dtype)).sum(1),
            "by-length" => (h, ids, pad) => (h * ids.ne(pad).unsqueeze(-1).to(h.dtype)).sum(1) / h.shape[1],
            _ => (h, ids, pad) =>
            {
                var m = ids.eq(pad).unsqueeze(-1).to(h.dtype);
                return (h * m).sum(1) / m.sum(1).clamp_min(1);
            },
        };
        var result = Notebook11Exercises.CheckMeanPool(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On 2 sequences of 3 tokens, d = 2,", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Treating_id_0_as_padding_whatever_padId_says_fails_on_the_input_where_0_is_a_real_token()
    {
        var result = Notebook11Exercises.CheckMeanPool((h, ids, pad) =>
        {
            var m = ids.ne(0).unsqueeze(-1).to(h.dtype);
            return (h * m).sum(1) / m.sum(1);
        });
        // ids [0, 1, 4, 1] with padId 1: the answer averages rows 1 to 3, [9, 9, 9], [0, 4, 2], [9, 9, 9] → 6 first.
        Assert.Equal("On 1 sequence of 4 tokens, d = 3, ids [0, 1, 4, 1] with padId 1 (so id 0 is a real token), "
            + "the value at [0, 0] is 6, expected 1.", result.Message);
    }
}

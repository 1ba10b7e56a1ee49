using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook13ExercisesTests
{
    [Fact]
    public void The_reference_gives_ln2_for_the_reference_itself_and_a_hand_worked_margin_and_passes()
    {
        var same = Notebook13Exercises.DpoLoss(tensor(new float[] { -1, -2 }), tensor(new float[] { -3, -1 }),
            tensor(new float[] { -1, -2 }), tensor(new float[] { -3, -1 }), 0.1);
        Assert.Equal(Math.Log(2), same.item<float>(), 5);
        // log-ratios chosen [1, 0], rejected [-1, 1]; margins 0.5 [2, -1] = [1, -0.5]; (log(1 + e^-1) + log(1 + e^0.5)) / 2
        var worked = Notebook13Exercises.DpoLoss(tensor(new float[] { -1, -2 }), tensor(new float[] { -4, -2 }),
            tensor(new float[] { -2, -2 }), tensor(new float[] { -3, -3 }), 0.5);
        Assert.Equal((Math.Log(1 + Math.Exp(-1)) + Math.Log(1 + Math.Exp(0.5))) / 2, worked.item<float>(), 5);
        Assert.True(Notebook13Exercises.CheckDpoLoss(Notebook13Exercises.DpoLoss).Passed);
    }

    [Theory]
    [InlineData("swapped", "2 pairs, policy chosen", "chosen and rejected are swapped")]
    [InlineData("plus", "2 pairs where the policy equals the reference", "its negative")]
    [InlineData("no-beta", "2 pairs, policy chosen", "not multiplied by β")]
    [InlineData("no-reference", "2 pairs where the policy equals the reference", "reference's log-probabilities are left out")]
    [InlineData("sum", "2 pairs where the policy equals the reference", "the sum over the pairs")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string input, string hint)
    {
        Func<Tensor, Tensor, Tensor, Tensor, double, Tensor> answer = mistake switch
        {
            "swapped" => (pw, pl, rw, rl, b) => -nn.functional.logsigmoid(b * ((pl - rl) - (pw - rw))).mean(),
            "plus" => (pw, pl, rw, rl, b) => nn.functional.logsigmoid(b * ((pw - rw) - (pl - rl))).mean(),
            "no-beta" => (pw, pl, rw, rl, b) => -nn.functional.logsigmoid((pw - rw) - (pl - rl)).mean(),
            "no-reference" => (pw, pl, rw, rl, b) => -nn.functional.logsigmoid(b * (pw - pl)).mean(),
            _ => (pw, pl, rw, rl, b) => -nn.functional.logsigmoid(b * ((pw - rw) - (pl - rl))).sum(),
        };
        var result = Notebook13Exercises.CheckDpoLoss(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith($"On {input}", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_the_loss_of_every_pair_is_a_shape_error_that_says_so()
    {
        var result = Notebook13Exercises.CheckDpoLoss((pw, pl, rw, rl, b) => -nn.functional.logsigmoid(b * ((pw - rw) - (pl - rl))));
        Assert.Equal("On 2 pairs where the policy equals the reference (log-probabilities [-1, -2] chosen, [-3, -1] rejected), β = 0.1, "
            + "the shape is [2], expected [].", result.Message);
    }
}

using GenAI.Exercises;
using GenAI.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook21ExercisesTests
{
    static readonly float Ln3 = (float)Math.Log(3);

    [Fact]
    public void The_reference_gives_the_hand_worked_loss_and_passes()
    {
        // Rows [ln 3, ln 3] and [0, 0]: ln 2 each. Columns [ln 3, 0] (target 0): -ln 3/4; (target 1): -ln 1/4.
        var loss = ContrastiveLoss.SymmetricInfoNce(tensor(new float[] { Ln3, Ln3, 0, 0 }, [2, 2]));
        Assert.Equal((Math.Log(2) + (Math.Log(4) - Math.Log(0.75)) / 2) / 2, loss.item<float>(), 5);
        Assert.True(Notebook21Exercises.CheckSymmetricInfoNce(ContrastiveLoss.SymmetricInfoNce).Passed);
    }

    [Theory]
    [InlineData("rows", "only the image-to-text direction")]
    [InlineData("columns", "only the text-to-image direction")]
    [InlineData("sum", "the sum of the two directions")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        static Tensor Ce(Tensor logits) => nn.functional.cross_entropy(logits, arange(logits.shape[0], dtype: ScalarType.Int64));
        Func<Tensor, Tensor> answer = mistake switch
        {
            "rows" => l => Ce(l),
            "columns" => l => Ce(l.transpose(0, 1)),
            _ => l => Ce(l) + Ce(l.transpose(0, 1)),
        };
        var result = Notebook21Exercises.CheckSymmetricInfoNce(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_one_loss_per_row_is_a_shape_error_that_says_so()
    {
        var result = Notebook21Exercises.CheckSymmetricInfoNce(l =>
            nn.functional.cross_entropy(l, arange(l.shape[0], dtype: ScalarType.Int64), reduction: nn.Reduction.None));
        Assert.Equal("On the 2x2 logits of zeros (L = ln 2 = 0.693147), the shape is [2], expected [].", result.Message);
    }
}

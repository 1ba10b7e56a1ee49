using GenAI.Diffusion;
using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook20ExercisesTests
{
    [Fact]
    public void The_reference_gives_the_hand_worked_guidance_and_passes()
    {
        // [1, 0, -1] + 3 ([2, 0, 1] - [1, 0, -1]) = [4, 0, 5]
        var eps = ClassifierFreeGuidance.Combine(tensor(new float[] { 1, 0, -1 }), tensor(new float[] { 2, 0, 1 }), 3);
        Assert.True(eps.allclose(tensor(new float[] { 4, 0, 5 })));
        Assert.True(Notebook20Exercises.CheckGuidance(ClassifierFreeGuidance.Combine).Passed);
    }

    [Theory]
    [InlineData("one-plus-w", "the paper's (1 + w) convention")]
    [InlineData("reversed", "the direction is reversed")]
    [InlineData("no-difference", "this is w eps_c + eps_u")]
    [InlineData("no-base", "this is only w (eps_c - eps_u)")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<Tensor, Tensor, double, Tensor> answer = mistake switch
        {
            "one-plus-w" => (u, c, w) => (1 + w) * c - w * u,
            "reversed" => (u, c, w) => c + w * (u - c),
            "no-difference" => (u, c, w) => u + w * c,
            _ => (u, c, w) => w * (c - u),
        };
        var result = Notebook20Exercises.CheckGuidance(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On eps_u = [1, 0, -1], eps_c = [2, 0, 1], w = 3", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_the_conditional_prediction_names_the_first_value_that_is_off()
    {
        var result = Notebook20Exercises.CheckGuidance((u, c, w) => c);
        Assert.Equal("On eps_u = [1, 0, -1], eps_c = [2, 0, 1], w = 3 (eps = [4, 0, 5]), the value at [0] is 2, expected 4.", result.Message);
    }
}

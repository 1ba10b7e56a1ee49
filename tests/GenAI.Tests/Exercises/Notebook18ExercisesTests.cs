using GenAI.Exercises;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook18ExercisesTests
{
    static Tensor Column(params double[] logits) => tensor(logits.Select(v => (float)v).ToArray(), [logits.Length, 1]);

    [Fact]
    public void The_reference_gives_the_hand_worked_loss_and_passes()
    {
        // D(x) = sigmoid(ln 3) = 0.75 on the real image, D(G(z)) = sigmoid(-ln 3) = 0.25 on the fake: -ln 0.75 - ln(1 - 0.25).
        var loss = Notebook18Exercises.DiscriminatorLoss(Column(Math.Log(3)), Column(-Math.Log(3)));
        Assert.Equal(-2 * Math.Log(0.75), loss.item<float>(), 5);
        // real logits 0 (D = 1/2) and fakes with D = 3/4 and 1/2: ln 2 + (ln 4 + ln 2) / 2
        Assert.Equal(Math.Log(2) + (Math.Log(4) + Math.Log(2)) / 2,
            Notebook18Exercises.DiscriminatorLoss(Column(0, 0), Column(Math.Log(3), 0)).item<float>(), 5);
        Assert.True(Notebook18Exercises.CheckDiscriminatorLoss(Notebook18Exercises.DiscriminatorLoss).Passed);
    }

    [Theory]
    [InlineData("swapped", "the labels are swapped")]
    [InlineData("no-fakes", "only the real images' term")]
    [InlineData("sigmoid", "the sigmoid is applied twice")]
    [InlineData("generator", "the generator's non-saturating loss")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        static Tensor Bce(Tensor logits, float label) => nn.functional.binary_cross_entropy_with_logits(logits, full_like(logits, label));
        Func<Tensor, Tensor, Tensor> answer = mistake switch
        {
            "swapped" => (real, fake) => Bce(real, 0) + Bce(fake, 1),
            "no-fakes" => (real, fake) => Bce(real, 1),
            "sigmoid" => (real, fake) => Bce(real.sigmoid(), 1) + Bce(fake.sigmoid(), 0),
            _ => (real, fake) => Bce(real, 1) + Bce(fake, 1),
        };
        var result = Notebook18Exercises.CheckDiscriminatorLoss(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On one real logit ln 3 (D = 0.75) and one fake logit -ln 3", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_one_loss_per_image_is_a_shape_error_that_says_so()
    {
        var result = Notebook18Exercises.CheckDiscriminatorLoss((real, fake) =>
            nn.functional.binary_cross_entropy_with_logits(real, ones_like(real), reduction: nn.Reduction.None)
            + nn.functional.binary_cross_entropy_with_logits(fake, zeros_like(fake), reduction: nn.Reduction.None));
        Assert.Equal("On one real logit ln 3 (D = 0.75) and one fake logit -ln 3 (D = 0.25): L_D = -2 ln 0.75 = 0.575364, the shape is [1, 1], expected [].",
            result.Message);
    }
}

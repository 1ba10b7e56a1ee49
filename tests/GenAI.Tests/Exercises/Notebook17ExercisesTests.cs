using GenAI.Exercises;
using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook17ExercisesTests
{
    [Fact]
    public void The_reference_gives_the_hand_worked_KL_and_passes()
    {
        // mu = [1, -2, 0], logVar = [0, 0, 1]: 1/2 + 4/2 - 1/2 (1 + 1 - e) = 2.5 + (e - 2) / 2; a standard normal row gives 0.
        var kl = Vae.KlDivergence(tensor(new float[] { 0, 0, 0, 1, -2, 0 }, [2, 3]), tensor(new float[] { 0, 0, 0, 0, 0, 1 }, [2, 3]));
        Assert.True(kl.allclose(tensor(new float[] { 0, 2.5f + (float)(Math.E - 2) / 2 }), rtol: 1e-6, atol: 1e-6));
        Assert.True(Notebook17Exercises.CheckKlDivergence(Vae.KlDivergence).Passed);
    }

    [Theory]
    [InlineData("mean", "mean over the latent dimensions")]
    [InlineData("sign", "the sign is flipped")]
    [InlineData("no-one", "the 1 inside the sum is missing")]
    [InlineData("no-exp", "sigma² is exp(logVar)")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<Tensor, Tensor, Tensor> answer = mistake switch
        {
            "mean" => (mu, logVar) => -0.5 * (1 + logVar - mu * mu - logVar.exp()).mean([1]),
            "sign" => (mu, logVar) => 0.5 * (1 + logVar - mu * mu - logVar.exp()).sum([1]),
            "no-one" => (mu, logVar) => -0.5 * (logVar - mu * mu - logVar.exp()).sum([1]),
            _ => (mu, logVar) => -0.5 * (1 + logVar - mu * mu - logVar).sum([1]),
        };
        var result = Notebook17Exercises.CheckKlDivergence(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On mu = [[1, 2]], logVar = [[0, 0]]", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Summing_over_the_batch_too_is_a_shape_error_that_says_so()
    {
        var result = Notebook17Exercises.CheckKlDivergence((mu, logVar) => Vae.KlDivergence(mu, logVar).sum());
        Assert.Equal("On mu = [[1, 2]], logVar = [[0, 0]] (KL = [1/2 + 4/2] = [2.5]), the shape is [], expected [1].", result.Message);
    }
}

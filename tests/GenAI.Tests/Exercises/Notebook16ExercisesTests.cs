using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook16ExercisesTests
{
    [Fact]
    public void The_reference_gives_one_mean_squared_error_per_image_and_passes()
    {
        // Image 0: (1 + 0 + 0 + 1) / 4 = 0.5; image 1: (4 + 4 + 0 + 0) / 4 = 2.
        var errors = Notebook16Exercises.ReconstructionError(tensor(new float[] { 1, 0, 0, 1, 2, -2, 0, 0 }, [2, 1, 2, 2]), zeros(2, 1, 2, 2));
        Assert.True(errors.allclose(tensor(new float[] { 0.5f, 2 })));
        Assert.True(Notebook16Exercises.CheckReconstructionError(Notebook16Exercises.ReconstructionError).Passed);
    }

    [Theory]
    [InlineData("batch-mean", "one number for the whole batch")]
    [InlineData("sum", "the sum of squared errors")]
    [InlineData("signed", "not squared")]
    [InlineData("absolute", "mean absolute error")]
    [InlineData("over-batch", "averages over the batch")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<Tensor, Tensor, Tensor> answer = mistake switch
        {
            "batch-mean" => (r, t) => nn.functional.mse_loss(r, t),
            "sum" => (r, t) => (r - t).square().sum([1, 2, 3]),
            "signed" => (r, t) => (r - t).mean([1, 2, 3]),
            "absolute" => (r, t) => nn.functional.l1_loss(r, t, reduction: nn.Reduction.None).mean([1, 2, 3]),
            _ => (r, t) => (r - t).square().mean([0]),
        };
        var result = Notebook16Exercises.CheckReconstructionError(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On 2 images of 1x2x2 pixels", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void A_wrong_value_names_the_image_and_both_errors()
    {
        // the root mean squared error: sqrt(0.5) = 0.707107 for image 0
        var result = Notebook16Exercises.CheckReconstructionError((r, t) => (r - t).square().flatten(1).mean([1]).sqrt());
        Assert.Equal("On 2 images of 1x2x2 pixels, reconstructions [[1, 0, 0, 1], [2, -2, 0, 0]] against targets of zeros, "
            + "the value at [0] is 0.707107, expected 0.5.", result.Message);
    }
}

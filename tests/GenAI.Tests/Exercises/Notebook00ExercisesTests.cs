using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook00ExercisesTests
{
    [Fact]
    public void The_reference_gives_each_column_mean_0_and_population_std_1_and_passes()
    {
        var z = Notebook00Exercises.StandardiseColumns(tensor(new float[] { 1, 10, 2, 20, 3, 30 }, [3, 2]));
        // Column [1, 2, 3]: mean 2, population std sqrt(2/3) → [-1.2247, 0, 1.2247]; the second column is 10x it.
        var expected = tensor(new float[] { -1.2247449f, -1.2247449f, 0, 0, 1.2247449f, 1.2247449f }, [3, 2]);
        Assert.True(z.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.True(Notebook00Exercises.CheckStandardiseColumns(Notebook00Exercises.StandardiseColumns).Passed);
    }

    [Theory]
    [InlineData("rows", "this is what standardising the rows gives")]
    [InlineData("unbiased", "unbiased standard deviation")]
    [InlineData("no-std", "not divided by their standard deviation")]
    [InlineData("no-mean", "without subtracting the mean")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<Tensor, Tensor> answer = mistake switch
        {
            "rows" => x => (x - x.mean([1], keepdim: true)) / x.std(1, unbiased: false, keepdim: true),
            "unbiased" => x => (x - x.mean([0], keepdim: true)) / x.std(0, keepdim: true),
            "no-std" => x => x - x.mean([0], keepdim: true),
            _ => x => x / x.std(0, unbiased: false, keepdim: true),
        };
        var result = Notebook00Exercises.CheckStandardiseColumns(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On the 3x2 matrix [[1, 10], [2, 20], [3, 30]]", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_the_column_statistics_instead_of_the_matrix_is_a_shape_error_that_says_so()
    {
        var result = Notebook00Exercises.CheckStandardiseColumns(x => x.mean([0]));
        Assert.Equal("On the 3x2 matrix [[1, 10], [2, 20], [3, 30]], the shape is [2], expected [3, 2].", result.Message);
    }
}

using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook14ExercisesTests
{
    [Fact]
    public void The_reference_keeps_each_windows_maximum_and_passes()
    {
        // windows {0, 1, 4, 5}, {2, 3, 6, 7}, {8, 9, 12, 13}, {10, 11, 14, 15}
        var pooled = Notebook14Exercises.MaxPool2x2(arange(16f).reshape(1, 1, 4, 4));
        Assert.True(pooled.eq(tensor(new float[] { 5, 7, 13, 15 }, [1, 1, 2, 2])).all().item<bool>());
        Assert.True(Notebook14Exercises.CheckMaxPool2x2(Notebook14Exercises.MaxPool2x2).Passed);
    }

    [Theory]
    [InlineData("average", "this is average pooling")]
    [InlineData("split-wrong", "splits each axis the wrong way round")]
    [InlineData("height-only", "pools the height only")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<Tensor, Tensor> answer = mistake switch
        {
            "average" => x => nn.functional.avg_pool2d(x, 2, 2),
            "split-wrong" => x => x.reshape(x.shape[0], x.shape[1], 2, x.shape[2] / 2, 2, x.shape[3] / 2).amax([2, 4]),
            _ => x => x.reshape(x.shape[0], x.shape[1], x.shape[2] / 2, 2, x.shape[3]).amax([3]),
        };
        var result = Notebook14Exercises.CheckMaxPool2x2(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On the 1x1x4x4 image with pixels 0, 1, ..., 15 row by row", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Pooling_over_the_channels_as_well_is_a_shape_error_that_says_so()
    {
        var result = Notebook14Exercises.CheckMaxPool2x2(x => nn.functional.max_pool2d(x, 2, 2).amax([1]));
        Assert.Equal("On the 1x1x4x4 image with pixels 0, 1, ..., 15 row by row, the shape is [1, 2, 2], expected [1, 1, 2, 2].", result.Message);
    }
}

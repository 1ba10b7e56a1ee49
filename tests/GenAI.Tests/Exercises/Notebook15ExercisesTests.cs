using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook15ExercisesTests
{
    [Fact]
    public void The_reference_cuts_2x2_blocks_in_raster_order_channel_first_and_passes()
    {
        var patches = Notebook15Exercises.Patchify(arange(16f).reshape(1, 1, 4, 4), 2);
        var expected = tensor(new float[] { 0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15 }, [1, 4, 4]);
        Assert.True(patches.eq(expected).all().item<bool>());
        // Two channels: each patch is its 4 pixels of channel 0, then the same 4 of channel 1 (+ 100).
        var c = arange(8f).reshape(1, 1, 2, 4);
        var two = Notebook15Exercises.Patchify(cat([c, c + 100], 1), 2);
        Assert.True(two.equal(tensor(new float[] { 0, 1, 4, 5, 100, 101, 104, 105, 2, 3, 6, 7, 102, 103, 106, 107 }, [1, 2, 8])).all().item<bool>());
        Assert.True(Notebook15Exercises.CheckPatchify(Notebook15Exercises.Patchify).Passed);
    }

    [Theory]
    [InlineData("no-permute", "the 1x1x4x4 image", "without moving the axes")]
    [InlineData("column-order", "the 1x1x4x4 image", "column by column")]
    [InlineData("channel-last", "a 1x2x2x4 image", "the channel last")]
    [InlineData("transposed", "the 1x1x4x4 image", "the patch is transposed")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string input, string hint)
    {
        Func<Tensor, int, Tensor> answer = (x, p) =>
        {
            long b = x.shape[0], ch = x.shape[1], h = x.shape[2], w = x.shape[3];
            var grid = x.reshape(b, ch, h / p, p, w / p, p);
            var moved = mistake switch
            {
                "no-permute" => x,
                "column-order" => grid.permute(0, 4, 2, 1, 3, 5),
                "channel-last" => grid.permute(0, 2, 4, 3, 5, 1),
                _ => grid.permute(0, 2, 4, 1, 5, 3),
            };
            return moved.reshape(b, -1, ch * p * p);
        };
        var result = Notebook15Exercises.CheckPatchify(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith($"On {input}", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Forgetting_the_batch_dimension_is_a_shape_error_that_says_so()
    {
        var result = Notebook15Exercises.CheckPatchify((x, p) =>
            x.reshape(x.shape[2] / p, p, x.shape[3] / p, p).permute(0, 2, 1, 3).reshape(-1, p * p));
        Assert.Equal("On the 1x1x4x4 image with pixels 0, 1, ..., 15 row by row, P = 2, the shape is [4, 4], expected [1, 4, 4].", result.Message);
    }
}

using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook12ExercisesTests
{
    [Fact]
    public void The_reference_rounds_each_row_to_its_own_steps_and_passes()
    {
        // Row 0: s = 127 / 127 = 1, so round(W) = [127, -63, 10]. Row 1: s = 2.54 / 127 = 0.02, W / s = [127, -50, 0]: exact.
        var w = tensor(new float[] { 127, -63.2f, 10.4f, 2.54f, -1, 0 }, [2, 3]);
        var expected = tensor(new float[] { 127, -63, 10, 2.54f, -1, 0 }, [2, 3]);
        Assert.True(Notebook12Exercises.Int8RoundTrip(w).allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.True(Notebook12Exercises.CheckInt8RoundTrip(Notebook12Exercises.Int8RoundTrip).Passed);
    }

    [Theory]
    [InlineData("per-tensor", "one scale for the whole matrix")]
    [InlineData("per-column", "per column")]
    [InlineData("by-128", "divides by 128")]
    [InlineData("truncate", "truncated toward zero")]
    [InlineData("steps", "returns the int8 steps")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<Tensor, Tensor> answer = mistake switch
        {
            "per-tensor" => w => { var s = w.abs().max() / 127; return (w / s).round() * s; },
            "per-column" => w => { var s = w.abs().amax([0], keepdim: true) / 127; return (w / s).round() * s; },
            "by-128" => w => { var s = w.abs().amax([1], keepdim: true) / 128; return (w / s).round().clamp(-127, 127) * s; },
            "truncate" => w => { var s = w.abs().amax([1], keepdim: true) / 127; return (w / s).trunc() * s; },
            _ => w => (w / (w.abs().amax([1], keepdim: true) / 127)).round(),
        };
        var result = Notebook12Exercises.CheckInt8RoundTrip(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_the_steps_as_int8_is_a_dtype_error_that_says_so()
    {
        var result = Notebook12Exercises.CheckInt8RoundTrip(w => (w / (w.abs().amax([1], keepdim: true) / 127)).round().to(ScalarType.Int8));
        Assert.Equal("On the 2x3 weight [[127, -63.2, 10.4], [2.54, -1, 0]], the dtype is Int8, expected Float32.", result.Message);
    }
}

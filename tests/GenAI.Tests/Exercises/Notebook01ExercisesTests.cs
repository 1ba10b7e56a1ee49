using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook01ExercisesTests
{
    [Fact]
    public void The_reference_updates_only_on_mistakes_and_passes()
    {
        // (1,2) +1: score 0 is a mistake, so w = (1, 2), b = 1; (2,1) +1 scores 5 and (-1,-1) -1 scores -2: both right.
        var (w, b) = Notebook01Exercises.PerceptronEpoch(tensor(new float[] { 1, 2, 2, 1, -1, -1 }, [3, 2]), tensor(new float[] { 1, 1, -1 }));
        Assert.True(w.eq(tensor(new float[] { 1, 2 })).all().item<bool>());
        Assert.True(b.eq(tensor(new float[] { 1 })).all().item<bool>());
        Assert.True(Notebook01Exercises.CheckPerceptronEpoch(Notebook01Exercises.PerceptronEpoch).Passed);
    }

    [Theory]
    [InlineData("strict", "On the three examples", "A point on the line (y s = 0) is a mistake too")]
    [InlineData("sign", "On XOR", "the update with the wrong sign")]
    [InlineData("no-bias", "On the three examples", "b never moves")]
    [InlineData("always", "On the three examples", "updating on every example")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string where, string hint)
    {
        (Tensor, Tensor) Epoch(Tensor x, Tensor y)
        {
            var w = zeros(x.shape[1]);
            var b = zeros(1);
            for (long n = 0; n < x.shape[0]; n++)
            {
                var s = x[n].dot(w) + b;
                var wrong = (y[n] * s).item<float>();
                bool update = mistake switch { "strict" => wrong < 0, "always" => true, _ => wrong <= 0 };
                if (!update) continue;
                if (mistake == "sign") { w = w - y[n] * x[n]; b = b - y[n]; }
                else { w = w + y[n] * x[n]; if (mistake != "no-bias") b = b + y[n]; }
            }
            return (w, b);
        }
        var result = Notebook01Exercises.CheckPerceptronEpoch(Epoch);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith(where, result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void A_scalar_bias_is_a_shape_error_that_says_so()
    {
        var result = Notebook01Exercises.CheckPerceptronEpoch((x, y) =>
        {
            var (w, b) = Notebook01Exercises.PerceptronEpoch(x, y);
            return (w, b.squeeze());
        });
        Assert.Equal("On XOR, the four corners (0,0) (0,1) (1,0) (1,1) with labels -1, +1, +1, -1 (w = (0, 0), b = 0 after the epoch), for b the shape is [], expected [1].", result.Message);
    }
}

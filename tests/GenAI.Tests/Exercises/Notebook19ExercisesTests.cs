using GenAI.Diffusion;
using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook19ExercisesTests
{
    static readonly NoiseSchedule TwoSteps = new([0.36, 0.4375]);   // alphaBar = [0.64, 0.36]

    static Tensor AlphaBar(NoiseSchedule schedule, Tensor t, Tensor x0) =>
        tensor(schedule.AlphaBars.ToArray(), dtype: x0.dtype).index_select(0, t).view(-1, 1, 1, 1);

    [Fact]
    public void The_reference_gives_the_hand_worked_jump_and_passes()
    {
        // t = 0: 0.8 x0 + 0.6 eps; t = 1: 0.6 x0 + 0.8 eps, with x0 = [1, -1] and eps = [1, 1].
        var xt = TwoSteps.AddNoise(tensor(new float[] { 1, -1, 1, -1 }, [2, 1, 1, 2]), ones(2, 1, 1, 2), tensor(new long[] { 0, 1 }));
        Assert.True(xt.allclose(tensor(new float[] { 1.4f, -0.2f, 1.4f, 0.2f }, [2, 1, 1, 2]), rtol: 1e-5, atol: 1e-6));
        Assert.True(Notebook19Exercises.CheckAddNoise((schedule, x0, noise, t) => schedule.AddNoise(x0, noise, t)).Passed);
    }

    [Theory]
    [InlineData("no-sqrt", "the square roots are missing")]
    [InlineData("swapped", "the two weights are swapped")]
    [InlineData("step-before", "an off-by-one")]
    [InlineData("one-step", "one small step with alpha_t")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<NoiseSchedule, Tensor, Tensor, Tensor, Tensor> answer = mistake switch
        {
            "no-sqrt" => (s, x0, noise, t) => { var a = AlphaBar(s, t, x0); return a * x0 + (1 - a) * noise; },
            "swapped" => (s, x0, noise, t) => { var a = AlphaBar(s, t, x0); return (1 - a).sqrt() * x0 + a.sqrt() * noise; },
            "step-before" => (s, x0, noise, t) =>
            {
                var a = tensor(s.AlphaBars.Prepend(1.0).ToArray(), dtype: x0.dtype).index_select(0, t).view(-1, 1, 1, 1);
                return a.sqrt() * x0 + (1 - a).sqrt() * noise;
            },
            _ => (s, x0, noise, t) =>
            {
                var b = tensor(s.Betas.ToArray(), dtype: x0.dtype).index_select(0, t).view(-1, 1, 1, 1);
                return (1 - b).sqrt() * x0 + b.sqrt() * noise;
            },
        };
        var result = Notebook19Exercises.CheckAddNoise(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On two 1x1x2 images x0 = [1, -1]", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void A_float64_table_of_alphaBar_is_a_dtype_error_that_says_so()
    {
        var result = Notebook19Exercises.CheckAddNoise((s, x0, noise, t) =>
        {
            var a = tensor(s.AlphaBars.ToArray()).index_select(0, t).view(-1, 1, 1, 1);
            return a.sqrt() * x0 + (1 - a).sqrt() * noise;
        });
        Assert.Equal("On two 1x1x2 images x0 = [1, -1], eps = [1, 1] at t = [0, 1] with alphaBar = [0.64, 0.36] (x_t = [1.4, -0.2] and [1.4, 0.2]), "
            + "the dtype is Float64, expected Float32.", result.Message);
    }
}

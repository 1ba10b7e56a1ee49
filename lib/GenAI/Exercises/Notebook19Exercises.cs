using GenAI.Diffusion;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 19's exercise: the jump q(x_t | x_0) of the forward process for given noise.</summary>
public static class Notebook19Exercises
{
    /// <summary>
    /// x_t = sqrt(alphaBar_t) x_0 + sqrt(1 - alphaBar_t) eps for images x0 [N, 1, S, S], noise eps of the same shape and
    /// one step t per image (int64 [N]), with alphaBar from the schedule. The reference is the library's own
    /// <see cref="NoiseSchedule.AddNoise"/>, which the notebook's training uses.
    /// </summary>
    public static ExerciseResult CheckAddNoise(Func<NoiseSchedule, Tensor, Tensor, Tensor, Tensor> addNoise)
    {
        ArgumentNullException.ThrowIfNull(addNoise);
        return Exercise.Check<(NoiseSchedule Schedule, Tensor X0, Tensor Noise, Tensor T), Tensor>("the jump q(x_t | x_0)",
            x => addNoise(x.Schedule, x.X0, x.Noise, x.T), x => x.Schedule.AddNoise(x.X0, x.Noise, x.T),
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);
    }

    // betas 0.36 and 0.4375: alphaBar = [0.64, 0.36], so sqrt(alphaBar) = [0.8, 0.6] and sqrt(1 - alphaBar) = [0.6, 0.8].
    static NoiseSchedule TwoSteps() => new([0.36, 0.4375], "two steps");

    static readonly ExerciseCase<(NoiseSchedule, Tensor, Tensor, Tensor)>[] Cases =
    [
        new("two 1x1x2 images x0 = [1, -1], eps = [1, 1] at t = [0, 1] with alphaBar = [0.64, 0.36] (x_t = [1.4, -0.2] and [1.4, 0.2])",
            () => (TwoSteps(), tensor(new float[] { 1, -1, 1, -1 }, [2, 1, 1, 2]), ones(2, 1, 1, 2), tensor(new long[] { 0, 1 }))),
        new("one 1x2x2 image of 2s, eps = [[1, -1], [0, 0.5]] at t = [1] with alphaBar = [0.64, 0.36] (x_t = [[2, 0.4], [1.2, 1.6]])",
            () => (TwoSteps(), full(1, 1, 2, 2, 2f), tensor(new float[] { 1, -1, 0, 0.5f }, [1, 1, 2, 2]), tensor(new long[] { 1 }))),
        new("8 random 4x4 images at random steps of a 50-step cosine schedule (seeds 1, 2, 3)",
            () => (NoiseSchedule.Cosine(50), ExerciseInputs.Normal(1, 8, 1, 4, 4), ExerciseInputs.Normal(2, 8, 1, 4, 4), ExerciseInputs.Integers(3, 50, 8))),
    ];

    // A per-step table as a column [N, 1, 1, 1] for the given steps.
    static Tensor Column(IReadOnlyList<double> table, Tensor t, Tensor like) =>
        tensor(table.ToArray(), dtype: like.dtype).index_select(0, t).view(-1, 1, 1, 1);

    static readonly ExerciseMistake<(NoiseSchedule Schedule, Tensor X0, Tensor Noise, Tensor T), Tensor>[] Mistakes =
    [
        new("the square roots are missing: the mean is sqrt(alphaBar_t) x0 and the standard deviation sqrt(1 - alphaBar_t).",
            x => { var a = Column(x.Schedule.AlphaBars, x.T, x.X0); return a * x.X0 + (1 - a) * x.Noise; }),
        new("the two weights are swapped: the image gets sqrt(alphaBar_t), the noise sqrt(1 - alphaBar_t).",
            x => { var a = Column(x.Schedule.AlphaBars, x.T, x.X0); return (1 - a).sqrt() * x.X0 + a.sqrt() * x.Noise; }),
        new("this uses alphaBar of the step before (t - 1, an off-by-one): steps count from 0 and AlphaBars[t] already includes step t.",
            x => { var a = Column([1.0, .. x.Schedule.AlphaBars], x.T, x.X0); return a.sqrt() * x.X0 + (1 - a).sqrt() * x.Noise; }),
        new("this is one small step with alpha_t = 1 - beta_t; the jump from x0 uses the product alphaBar_t (AlphaBars).",
            x => { var a = Column(x.Schedule.Alphas, x.T, x.X0); return a.sqrt() * x.X0 + (1 - a).sqrt() * x.Noise; }),
    ];
}

using GenAI.Diffusion;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 20's exercise: classifier-free guidance, combining the two noise predictions.</summary>
public static class Notebook20Exercises
{
    /// <summary>
    /// eps = eps_u + w (eps_c - eps_u) from the unconditional and the conditional prediction and the weight w
    /// (w = 0 unconditional, w = 1 plain conditional). The reference is the library's own
    /// <see cref="ClassifierFreeGuidance.Combine"/>, which the notebook's guided sampler uses.
    /// </summary>
    public static ExerciseResult CheckGuidance(Func<Tensor, Tensor, double, Tensor> guide)
    {
        ArgumentNullException.ThrowIfNull(guide);
        return Exercise.Check<(Tensor Unconditional, Tensor Conditional, double W), Tensor>("classifier-free guidance",
            x => guide(x.Unconditional, x.Conditional, x.W), x => ClassifierFreeGuidance.Combine(x.Unconditional, x.Conditional, x.W),
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);
    }

    static readonly ExerciseCase<(Tensor, Tensor, double)>[] Cases =
    [
        new("eps_u = [1, 0, -1], eps_c = [2, 0, 1], w = 3 (eps = [4, 0, 5])",
            () => (tensor(new float[] { 1, 0, -1 }), tensor(new float[] { 2, 0, 1 }), 3.0)),
        new("eps_u = [0.5, -0.5], eps_c = [1, 1], w = 0 (eps = eps_u)",
            () => (tensor(new float[] { 0.5f, -0.5f }), tensor(new float[] { 1, 1 }), 0.0)),
        new("eps_u = [0.5, -0.5], eps_c = [1, 1], w = 1 (eps = eps_c)",
            () => (tensor(new float[] { 0.5f, -0.5f }), tensor(new float[] { 1, 1 }), 1.0)),
        new("random predictions for 4 images of 1x4x4 with w = 2.5 (seeds 1 and 2)",
            () => (ExerciseInputs.Normal(1, 4, 1, 4, 4), ExerciseInputs.Normal(2, 4, 1, 4, 4), 2.5)),
    ];

    static readonly ExerciseMistake<(Tensor U, Tensor C, double W), Tensor>[] Mistakes =
    [
        new("this is the paper's (1 + w) convention, eps_c + w (eps_c - eps_u); here w = 1 must give plain eps_c: start from eps_u.",
            x => x.C + x.W * (x.C - x.U)),
        new("the direction is reversed: guidance moves from eps_u towards eps_c, eps_u + w (eps_c - eps_u).",
            x => x.C + x.W * (x.U - x.C)),
        new("this is w eps_c + eps_u: the difference eps_c - eps_u is what w scales.",
            x => x.W * x.C + x.U),
        new("this is only w (eps_c - eps_u): add it to eps_u.",
            x => x.W * (x.C - x.U)),
    ];
}

using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 21's exercise: CLIP's symmetric InfoNCE loss from a batch's similarity logits.</summary>
public static class Notebook21Exercises
{
    /// <summary>
    /// L = (CE(rows) + CE(columns)) / 2 over logits [N, N] (row i: image i against every text; the matching pairs on the
    /// diagonal, so the target of row i and of column i is i), a scalar. The reference is the library's own
    /// <see cref="ContrastiveLoss.SymmetricInfoNce"/>, which <c>Clip.Loss</c> uses.
    /// </summary>
    public static ExerciseResult CheckSymmetricInfoNce(Func<Tensor, Tensor> infoNce) =>
        Exercise.Check("the symmetric InfoNCE loss", infoNce, ContrastiveLoss.SymmetricInfoNce,
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);

    static readonly float Ln3 = (float)Math.Log(3);

    static readonly ExerciseCase<Tensor>[] Cases =
    [
        new("the 2x2 logits of zeros (L = ln 2 = 0.693147)", () => zeros(2, 2)),
        new("the 2x2 logits [[ln 3, ln 3], [0, 0]] (rows ln 2, columns (ln 4 - ln 0.75) / 2, L = 0.765068)",
            () => tensor(new float[] { Ln3, Ln3, 0, 0 }, [2, 2])),
        new("random 8x8 logits (seed 1)", () => ExerciseInputs.Normal(1, 8, 8) * 3),
    ];

    static Tensor Targets(Tensor logits) => arange(logits.shape[0], dtype: ScalarType.Int64);

    static readonly ExerciseMistake<Tensor, Tensor>[] Mistakes =
    [
        new("this is only the image-to-text direction (the rows): average it with the text-to-image one, logits.t().",
            l => nn.functional.cross_entropy(l, Targets(l))),
        new("this is only the text-to-image direction (the columns): average it with the image-to-text one, the rows.",
            l => nn.functional.cross_entropy(l.t(), Targets(l))),
        new("this is the sum of the two directions: the symmetric loss is their mean, divided by 2.",
            l => nn.functional.cross_entropy(l, Targets(l)) + nn.functional.cross_entropy(l.t(), Targets(l))),
    ];
}

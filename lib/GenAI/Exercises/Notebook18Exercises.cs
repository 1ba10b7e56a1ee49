using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 18's exercise: the discriminator's loss from its logits.</summary>
public static class Notebook18Exercises
{
    /// <summary>
    /// L_D = BCE(D(x), 1) + BCE(D(G(z)), 0) on the discriminator's logits for real images and for fakes (each [B, 1],
    /// each term the mean over its batch), a scalar: what <c>GanTraining.DiscriminatorStep</c> minimises with RealLabel 1.
    /// </summary>
    public static ExerciseResult CheckDiscriminatorLoss(Func<Tensor, Tensor, Tensor> discriminatorLoss)
    {
        ArgumentNullException.ThrowIfNull(discriminatorLoss);
        return Exercise.Check<(Tensor Real, Tensor Fake), Tensor>("the discriminator's loss",
            x => discriminatorLoss(x.Real, x.Fake), x => DiscriminatorLoss(x.Real, x.Fake),
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);
    }

    /// <summary>The reference solution: the same two terms as <c>GanTraining.DiscriminatorStep</c>.</summary>
    public static Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits) =>
        nn.functional.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
        + nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));

    static (Tensor, Tensor) Logits(float[] real, float[] fake) =>
        (tensor(real, [real.Length, 1]), tensor(fake, [fake.Length, 1]));

    static readonly float Ln3 = (float)Math.Log(3);

    static readonly ExerciseCase<(Tensor Real, Tensor Fake)>[] Cases =
    [
        new("one real logit ln 3 (D = 0.75) and one fake logit -ln 3 (D = 0.25): L_D = -2 ln 0.75 = 0.575364",
            () => Logits([Ln3], [-Ln3])),
        new("real logits [0, 0] and fake logits [ln 3, 0]: L_D = ln 2 + (ln 4 + ln 2) / 2 = 1.73287",
            () => Logits([0, 0], [Ln3, 0])),
        new("random logits for 32 real and 32 fake images (seeds 1 and 2)",
            () => (ExerciseInputs.Normal(1, 32, 1) + 1, ExerciseInputs.Normal(2, 32, 1) - 1)),
    ];

    static readonly ExerciseMistake<(Tensor Real, Tensor Fake), Tensor>[] Mistakes =
    [
        new("the labels are swapped: real images are labelled 1 (ones_like) and fakes 0 (zeros_like).",
            x => DiscriminatorLoss(x.Fake, x.Real)),
        new("this is only the real images' term: add the fakes' BCE against label 0.",
            x => nn.functional.binary_cross_entropy_with_logits(x.Real, ones_like(x.Real))),
        new("the sigmoid is applied twice: binary_cross_entropy_with_logits takes the logits themselves, not sigmoid(logits).",
            x => DiscriminatorLoss(x.Real.sigmoid(), x.Fake.sigmoid())),
        new("this is the generator's non-saturating loss -log D(G(z)): the discriminator labels the fakes 0, not 1.",
            x => nn.functional.binary_cross_entropy_with_logits(x.Real, ones_like(x.Real))
                 + nn.functional.binary_cross_entropy_with_logits(x.Fake, ones_like(x.Fake))),
    ];
}

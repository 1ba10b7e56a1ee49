using GenAI.Alignment;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 13's exercise: the DPO loss from the four log-probabilities of a batch of preference pairs.</summary>
public static class Notebook13Exercises
{
    /// <summary>
    /// L = mean over pairs of −log σ(β [(log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))]), a scalar,
    /// from the policy's and the reference's log-probabilities [pairs] of the chosen (w) and rejected (l) responses.
    /// </summary>
    public static ExerciseResult CheckDpoLoss(Func<Tensor, Tensor, Tensor, Tensor, double, Tensor> dpoLoss)
    {
        ArgumentNullException.ThrowIfNull(dpoLoss);
        return Exercise.Check("the DPO loss", (Pairs x) => dpoLoss(x.PolicyChosen, x.PolicyRejected, x.ReferenceChosen, x.ReferenceRejected, x.Beta),
            x => DpoLoss(x.PolicyChosen, x.PolicyRejected, x.ReferenceChosen, x.ReferenceRejected, x.Beta),
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);
    }

    /// <summary>The reference solution: the library's <see cref="Dpo.Loss"/>.</summary>
    public static Tensor DpoLoss(Tensor policyChosen, Tensor policyRejected, Tensor referenceChosen, Tensor referenceRejected, double beta) =>
        Dpo.Loss(policyChosen, policyRejected, referenceChosen, referenceRejected, beta);

    /// <summary>One input: the four log-probabilities [pairs] and β.</summary>
    public sealed record Pairs(Tensor PolicyChosen, Tensor PolicyRejected, Tensor ReferenceChosen, Tensor ReferenceRejected, double Beta);

    static Tensor Of(params float[] values) => tensor(values);

    static readonly ExerciseCase<Pairs>[] Cases =
    [
        // Policy = reference: every margin is 0, so the loss is −log σ(0) = ln 2 = 0.693147, whatever β.
        new("2 pairs where the policy equals the reference (log-probabilities [-1, -2] chosen, [-3, -1] rejected), β = 0.1",
            () => new Pairs(Of(-1, -2), Of(-3, -1), Of(-1, -2), Of(-3, -1), 0.1)),
        // Log-ratios: chosen [−1 + 2, −2 + 2] = [1, 0], rejected [−4 + 3, −2 + 3] = [−1, 1]; margins 0.5·[2, −1] = [1, −0.5]:
        // (−log σ(1) − log σ(−0.5)) / 2 = (0.313262 + 0.974077) / 2 = 0.643670.
        new("2 pairs, policy chosen [-1, -2], rejected [-4, -2], reference chosen [-2, -2], rejected [-3, -3], β = 0.5",
            () => new Pairs(Of(-1, -2), Of(-4, -2), Of(-2, -2), Of(-3, -3), 0.5)),
        new("a random batch of 16 pairs with β = 0.1 (seed 13)", () => new Pairs(
            ExerciseInputs.Normal(13, 16) - 5, ExerciseInputs.Normal(14, 16) - 5, ExerciseInputs.Normal(15, 16) - 5, ExerciseInputs.Normal(16, 16) - 5, 0.1)),
    ];

    static Tensor Margin(Pairs x) => ((x.PolicyChosen - x.ReferenceChosen) - (x.PolicyRejected - x.ReferenceRejected)) * x.Beta;

    static readonly ExerciseMistake<Pairs, Tensor>[] Mistakes =
    [
        new("chosen and rejected are swapped: the margin is the chosen response's log-ratio MINUS the rejected one's.",
            x => nn.functional.logsigmoid(Margin(x).neg()).mean().neg()),
        new("this is +log σ(margin), a number below 0: the loss is its negative, −log σ(margin).",
            x => nn.functional.logsigmoid(Margin(x)).mean()),
        new("the margin is not multiplied by β.",
            x => nn.functional.logsigmoid(Margin(x) / x.Beta).mean().neg()),
        new("the reference's log-probabilities are left out: each response's implicit reward is β (log π − log π_ref).",
            x => nn.functional.logsigmoid((x.PolicyChosen - x.PolicyRejected) * x.Beta).mean().neg()),
        new("this is the sum over the pairs; the loss is their mean.",
            x => nn.functional.logsigmoid(Margin(x)).sum().neg()),
    ];
}

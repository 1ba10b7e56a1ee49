using static TorchSharp.torch;

namespace GenAI.Alignment;

/// <summary>
/// Direct Preference Optimization (Rafailov et al., 2023): the reward model and the RL loop replaced by one classification
/// loss on the preference pairs, with the policy's own log-ratio to a frozen reference as the implicit reward
/// r̂(x, y) = β (log π(y|x) − log π_ref(y|x)).
/// </summary>
public static class Dpo
{
    /// <summary>Implicit reward β (log π(y|x) − log π_ref(y|x)), elementwise.</summary>
    public static Tensor ImplicitReward(Tensor policyLogProbs, Tensor referenceLogProbs, double beta)
    {
        CheckBeta(beta);
        if (!policyLogProbs.shape.SequenceEqual(referenceLogProbs.shape))
            throw new ArgumentException($"Policy and reference log-probabilities must have the same shape; got {ShapeText.Of(policyLogProbs)} and {ShapeText.Of(referenceLogProbs)}.");
        using var scope = NewDisposeScope();
        return scope.MoveToOuter((policyLogProbs - referenceLogProbs) * beta);
    }

    /// <summary>
    /// Mean over pairs of −log σ(β [(log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))]).
    /// </summary>
    public static Tensor Loss(Tensor policyChosen, Tensor policyRejected, Tensor referenceChosen, Tensor referenceRejected, double beta)
    {
        Preference.CheckPair(policyChosen, policyRejected, "policy log-probabilities");
        Preference.CheckPair(referenceChosen, referenceRejected, "reference log-probabilities");
        if (policyChosen.shape[0] != referenceChosen.shape[0])
            throw new ArgumentException($"Policy and reference need the same pairs; got {policyChosen.shape[0]} and {referenceChosen.shape[0]}.");
        using var scope = NewDisposeScope();
        var margin = ImplicitReward(policyChosen, referenceChosen, beta) - ImplicitReward(policyRejected, referenceRejected, beta);
        return scope.MoveToOuter(nn.functional.logsigmoid(margin).mean().neg());
    }

    internal static void CheckBeta(double beta)
    {
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be a positive finite number.");
    }
}

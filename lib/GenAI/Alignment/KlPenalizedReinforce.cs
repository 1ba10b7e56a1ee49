using GenAI.Models;
using GenAI.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Alignment;

/// <summary>What one policy update saw: mean reward-model score, mean log π − log π_ref (the sampled KL), mean penalised reward, the loss.</summary>
public sealed record PolicyUpdate(int Step, double Reward, double Kl, double PenalizedReward, double Loss);

/// <summary>
/// RLHF's step 3 with REINFORCE and a baseline: sample responses y ~ π(·|x), score them with a reward r(x, y), penalise
/// the drift from a frozen reference, R = r − β (log π(y|x) − log π_ref(y|x)), and follow the policy gradient
/// ∇ E[R] ≈ mean_i (R_i − b) ∇ log π(y_i|x_i) with the batch mean b of R as the baseline. The reference is frozen in the
/// constructor (no gradients, eval mode) and never changes.
/// </summary>
public sealed class KlPenalizedReinforce
{
    readonly Gpt policy;
    readonly Gpt reference;
    readonly Func<PromptResponseBatch, Tensor> reward;
    readonly optim.Optimizer optimizer;
    int steps;

    public KlPenalizedReinforce(Gpt policy, Gpt reference, Func<PromptResponseBatch, Tensor> reward, optim.Optimizer optimizer,
        double beta, long endToken, int maxNewTokens, SamplingOptions? sampling = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(reward);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (ReferenceEquals(policy, reference)) throw new ArgumentException("The reference must be a separate (frozen) copy of the policy; use ResponseSampler.Copy(policy, frozen: true).", nameof(reference));
        if (!(beta >= 0) || double.IsInfinity(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be zero or a positive finite number.");
        this.policy = policy;
        this.reference = reference;
        this.reward = reward;
        this.optimizer = optimizer;
        Beta = beta;
        EndToken = endToken;
        MaxNewTokens = maxNewTokens;
        Sampling = sampling ?? SamplingOptions.Multinomial;
        foreach (var p in reference.parameters()) p.requires_grad = false;
        reference.eval();
    }

    public double Beta { get; }
    public long EndToken { get; }
    public int MaxNewTokens { get; }
    public SamplingOptions Sampling { get; }

    /// <summary>R = r − β (log π − log π_ref), per sample.</summary>
    public static Tensor PenalizedReward(Tensor reward, Tensor policyLogProbs, Tensor referenceLogProbs, double beta)
    {
        if (!reward.shape.SequenceEqual(policyLogProbs.shape) || !reward.shape.SequenceEqual(referenceLogProbs.shape))
            throw new ArgumentException($"Reward, policy and reference log-probabilities need the same shape; got {ShapeText.Of(reward)}, {ShapeText.Of(policyLogProbs)}, {ShapeText.Of(referenceLogProbs)}.");
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(reward - (policyLogProbs - referenceLogProbs) * beta);
    }

    /// <summary>REINFORCE with a baseline: −mean_i (R_i − mean R) log π(y_i|x_i); R carries no gradient.</summary>
    public static Tensor Loss(Tensor policyLogProbs, Tensor penalizedReward)
    {
        if (policyLogProbs.ndim != 1 || !policyLogProbs.shape.SequenceEqual(penalizedReward.shape))
            throw new ArgumentException($"Log-probabilities and rewards must be two vectors [N] of the same length; got {ShapeText.Of(policyLogProbs)} and {ShapeText.Of(penalizedReward)}.");
        using var scope = NewDisposeScope();
        var R = penalizedReward.detach();
        var advantage = R - R.mean();
        return scope.MoveToOuter((advantage * policyLogProbs).mean().neg());
    }

    /// <summary>One update on responses sampled for <paramref name="prompts"/>.</summary>
    public PolicyUpdate Step(IReadOnlyList<long[]> prompts, Generator? generator = null)
    {
        using var scope = NewDisposeScope();
        using var batch = ResponseSampler.Sample(policy, prompts, MaxNewTokens, EndToken, generator, Sampling);
        Tensor r, logRef;
        using (no_grad())
        {
            r = reward(batch).detach().to(ScalarType.Float32);
            logRef = SequenceLogProbs.OfResponses(reference, batch);
        }
        policy.train();
        var logPi = SequenceLogProbs.OfResponses(policy, batch);
        var R = PenalizedReward(r, logPi.detach(), logRef, Beta);
        var loss = Loss(logPi, R);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        steps++;
        return new PolicyUpdate(steps, r.mean().item<float>(), (logPi.detach() - logRef).mean().item<float>(), R.mean().item<float>(), loss.item<float>());
    }
}

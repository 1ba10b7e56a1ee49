using GenAI.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Alignment;

/// <summary>
/// A reward model r(x, y) (InstructGPT's step 2): the course's <see cref="Gpt"/> as its trunk and a scalar head on the GPT's
/// final hidden state (<see cref="Gpt.HiddenStates"/>: after the last block and ln_f, before the output layer) at the last
/// token of prompt + response. Causal attention lets that token see the whole text and nothing of the padding after it.
/// <see cref="FromGpt"/> starts the trunk from a copy of a trained language model (its whole state dict); the GPT's output
/// layer is not used (with tied embeddings it is the token embedding matrix, which the trunk uses as such).
/// </summary>
public sealed class RewardModel : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Gpt trunk;     // embeddings, L causal blocks, ln_f
    readonly Linear head;   // d -> 1

    public GptConfig Config => trunk.Config;

    /// <summary>The GPT whose final hidden states the head reads.</summary>
    public Gpt Trunk => trunk;

    /// <summary>A reward model with a freshly initialised GPT trunk (GPT-2's initialisation) and a zero head, so every reward starts at 0.</summary>
    public RewardModel(GptConfig config, Device? device = null) : base(nameof(RewardModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        trunk = new Gpt(config, device);
        head = nn.Linear(config.EmbeddingDim, 1, device: device);
        RegisterComponents();
        using var noGrad = no_grad();
        nn.init.zeros_(head.weight!);
        nn.init.zeros_(head.bias!);
    }

    /// <summary>
    /// A reward model whose trunk is a copy of <paramref name="gpt"/> (its state dict, loaded strictly: every tensor, same
    /// names and shapes) and whose head starts at zero; on <paramref name="device"/>, or the GPT's device when it is null.
    /// The GPT itself is not changed by training the reward model.
    /// </summary>
    public static RewardModel FromGpt(Gpt gpt, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(gpt);
        var model = new RewardModel(gpt.Config, device ?? gpt.parameters().First().device);
        model.trunk.load_state_dict(gpt.state_dict());
        return model;
    }

    /// <summary>Token ids [B, T] and the index of each row's last real token [B] -> rewards [B].</summary>
    public override Tensor forward(Tensor tokens, Tensor lastIndex)
    {
        if (tokens.ndim != 2 || tokens.shape[1] > Config.ContextLength)
            throw new ArgumentException($"Expected token ids [B, T] with T <= ContextLength ({Config.ContextLength}); got {ShapeText.Of(tokens)}.", nameof(tokens));
        if (lastIndex.ndim != 1 || lastIndex.shape[0] != tokens.shape[0])
            throw new ArgumentException($"Expected one last-token index per row, [{tokens.shape[0]}]; got {ShapeText.Of(lastIndex)}.", nameof(lastIndex));
        using var scope = NewDisposeScope();
        var x = trunk.HiddenStates(tokens);                                           // [B, T, d], after ln_f
        var index = lastIndex.view(-1, 1, 1).expand(-1, 1, x.shape[2]);
        var last = x.gather(1, index).squeeze(1);                                     // [B, d]: the last token's hidden state
        return scope.MoveToOuter(head.call(last).squeeze(-1));                        // r(x, y): [B]
    }

    /// <summary>The rewards of a packed batch.</summary>
    public Tensor Score(PromptResponseBatch batch) => forward(batch.Tokens, batch.LastIndex);
}

/// <summary>The losses and metrics of learning from preference pairs (chosen y_w preferred to rejected y_l).</summary>
public static class Preference
{
    /// <summary>Bradley-Terry loss: mean of −log σ(r_chosen − r_rejected), i.e. P(y_w ≻ y_l) = σ(r_w − r_l) maximised.</summary>
    public static Tensor BradleyTerryLoss(Tensor rewardChosen, Tensor rewardRejected)
    {
        CheckPair(rewardChosen, rewardRejected);
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(nn.functional.logsigmoid(rewardChosen - rewardRejected).mean().neg());
    }

    /// <summary>The fraction of pairs whose chosen response scores strictly higher than the rejected one.</summary>
    public static double PairwiseAccuracy(Tensor rewardChosen, Tensor rewardRejected)
    {
        CheckPair(rewardChosen, rewardRejected);
        using var scope = NewDisposeScope();
        return rewardChosen.gt(rewardRejected).to(ScalarType.Float64).mean().item<double>();
    }

    internal static void CheckPair(Tensor chosen, Tensor rejected, string what = "rewards")
    {
        if (chosen.ndim != 1 || rejected.ndim != 1 || chosen.shape[0] != rejected.shape[0] || chosen.shape[0] == 0)
            throw new ArgumentException($"Chosen and rejected {what} must be two non-empty vectors of the same length [N]; got {ShapeText.Of(chosen)} and {ShapeText.Of(rejected)}.");
    }
}

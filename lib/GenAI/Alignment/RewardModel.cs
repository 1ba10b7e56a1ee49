using GenAI.Models;
using GenAI.Transformers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Alignment;

/// <summary>
/// A reward model r(x, y) (InstructGPT's step 2): the shared transformer of the course's GPT (token + position embeddings,
/// causal <see cref="TransformerStack"/> with its final layer norm) and a scalar head on the hidden state of the last
/// token of prompt + response. Causal attention lets that token see the whole text and nothing of the padding after it.
/// Its layers carry the GPT's names (wte, wpe, h), so <see cref="FromGpt"/> starts it from a language model's weights.
/// </summary>
public sealed class RewardModel : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Embedding wte;
    readonly Embedding wpe;
    readonly TransformerStack h;
    readonly Linear head;   // d -> 1

    public GptConfig Config { get; }

    public RewardModel(GptConfig config, Device? device = null) : base(nameof(RewardModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        wte = nn.Embedding(config.VocabSize, config.EmbeddingDim, device: device);
        wpe = nn.Embedding(config.ContextLength, config.EmbeddingDim, device: device);
        h = new TransformerStack(config.BlockConfig, config.Layers, finalNorm: true, device: device);
        head = nn.Linear(config.EmbeddingDim, 1, device: device);
        RegisterComponents();
        using var noGrad = no_grad();
        nn.init.normal_(wte.weight!, 0, 0.02);
        nn.init.normal_(wpe.weight!, 0, 0.02);
        nn.init.zeros_(head.weight!);
        nn.init.zeros_(head.bias!);
    }

    /// <summary>A reward model whose embeddings and transformer are copies of <paramref name="gpt"/>'s (the head starts at zero).</summary>
    public static RewardModel FromGpt(Gpt gpt, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(gpt);
        if (!gpt.Config.TiedEmbeddings) throw new ArgumentException("FromGpt expects a GPT with tied embeddings (its lm_head is not copied).", nameof(gpt));
        var model = new RewardModel(gpt.Config, device);
        var (missing, unexpected) = model.load_state_dict(gpt.state_dict(), strict: false);
        if (unexpected.Count > 0 || missing.Any(m => !m.StartsWith("head.")))
            throw new InvalidOperationException($"The GPT's weights do not fit the reward model: missing {string.Join(", ", missing)}; unexpected {string.Join(", ", unexpected)}.");
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
        var pos = arange(tokens.shape[1], dtype: ScalarType.Int64, device: tokens.device);
        var x = h.Forward(wte.call(tokens) + wpe.call(pos));                          // [B, T, d]
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

using static TorchSharp.torch;

namespace GenAI.Alignment;

/// <summary>
/// Supervised fine-tuning (SFT, InstructGPT's step 1): next-token cross-entropy on prompt/response pairs, with the loss on
/// the response tokens only. The model sees the prompt but is never asked to predict it: prompt and padding positions
/// carry <see cref="IgnoreIndex"/> as their target, which <c>cross_entropy</c> skips.
/// </summary>
public static class SupervisedFineTuning
{
    /// <summary>The target that cross-entropy ignores (PyTorch's default ignore_index).</summary>
    public const long IgnoreIndex = -100;

    /// <summary>
    /// Inputs [B, T-1] = tokens without the last position; targets [B, T-1] = the next token where it is a response
    /// token, else <see cref="IgnoreIndex"/>.
    /// </summary>
    public static (Tensor Inputs, Tensor Targets) InputsAndTargets(PromptResponseBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Tokens.shape[1] < 2) throw new ArgumentException($"Need at least two positions (a prompt and a response token); got {ShapeText.Of(batch.Tokens)}.", nameof(batch));
        using var scope = NewDisposeScope();
        var inputs = batch.Tokens[.., ..^1];
        var next = batch.Tokens[.., 1..];
        // target_t = x_{t+1} if x_{t+1} is part of the response, else ignore
        var targets = where(batch.ResponseMask[.., 1..].gt(0), next, full_like(next, IgnoreIndex));
        return (scope.MoveToOuter(inputs.contiguous()), scope.MoveToOuter(targets));
    }

    /// <summary>Mean cross-entropy over the response tokens of <paramref name="batch"/> under <paramref name="model"/> (logits [B, t, V]).</summary>
    public static Tensor Loss(nn.Module<Tensor, Tensor> model, PromptResponseBatch batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var (inputs, targets) = InputsAndTargets(batch);
        var logits = model.call(inputs);
        if (logits.ndim != 3 || logits.shape[0] != inputs.shape[0] || logits.shape[1] != inputs.shape[1])
            throw new ArgumentException($"The model must map token ids {ShapeText.Of(inputs)} to logits [B, t, V]; got {ShapeText.Of(logits)}.", nameof(model));
        var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), targets.reshape(-1), ignore_index: IgnoreIndex);
        return scope.MoveToOuter(loss);
    }
}

using static TorchSharp.torch;

namespace GenAI.Alignment;

/// <summary>
/// log π(y | x) of whole responses: the sum over the response's tokens of log p(y_t | x, y_&lt;t), read from one forward pass
/// of the model on prompt + response. RLHF's KL penalty and DPO's loss are both built from these numbers.
/// </summary>
public static class SequenceLogProbs
{
    /// <summary>Per-token log-probabilities [B, T-1] of tokens 1..T-1 given the ones before, zero outside the response.</summary>
    public static Tensor PerToken(nn.Module<Tensor, Tensor> model, PromptResponseBatch batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Tokens.shape[1] < 2) throw new ArgumentException($"Need at least two positions (a prompt and a response token); got {ShapeText.Of(batch.Tokens)}.", nameof(batch));
        using var scope = NewDisposeScope();
        var inputs = batch.Tokens[.., ..^1];
        var next = batch.Tokens[.., 1..];
        var logits = model.call(inputs);
        if (logits.ndim != 3 || logits.shape[0] != inputs.shape[0] || logits.shape[1] != inputs.shape[1])
            throw new ArgumentException($"The model must map token ids {ShapeText.Of(inputs)} to logits [B, t, V]; got {ShapeText.Of(logits)}.", nameof(model));
        // log p(x_{t+1} | x_<=t) = log_softmax(logits_t)[x_{t+1}]
        var logp = nn.functional.log_softmax(logits, -1).gather(-1, next.unsqueeze(-1)).squeeze(-1);
        return scope.MoveToOuter(logp * batch.ResponseMask[.., 1..]);
    }

    /// <summary>log π(y | x) = Σ_t log p(y_t | x, y_&lt;t) over each response: [B].</summary>
    public static Tensor OfResponses(nn.Module<Tensor, Tensor> model, PromptResponseBatch batch)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(PerToken(model, batch).sum(1));
    }
}

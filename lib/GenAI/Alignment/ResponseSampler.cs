using GenAI.Models;
using GenAI.Sampling;
using static TorchSharp.torch;

namespace GenAI.Alignment;

/// <summary>Samples responses from a GPT for a batch of prompts at once, and copies a GPT (a frozen reference, a policy to train).</summary>
public static class ResponseSampler
{
    /// <summary>
    /// One response per prompt (all prompts of the same length), drawn token by token for the whole batch at once; a response
    /// ends with its first <paramref name="endToken"/> (kept) or after <paramref name="maxNewTokens"/> tokens. Padding is the end token.
    /// </summary>
    public static PromptResponseBatch Sample(Gpt model, IReadOnlyList<long[]> prompts, int maxNewTokens, long endToken,
        Generator? generator = null, SamplingOptions? sampling = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0) throw new ArgumentException("Give at least one prompt.", nameof(prompts));
        int P = prompts[0].Length;
        if (P == 0 || prompts.Any(p => p.Length != P))
            throw new ArgumentException($"All prompts must have the same non-zero length (the first has {P} tokens).", nameof(prompts));
        if (maxNewTokens < 1) throw new ArgumentOutOfRangeException(nameof(maxNewTokens), maxNewTokens, "maxNewTokens must be at least 1.");
        if (P + maxNewTokens > model.Config.ContextLength)
            throw new ArgumentException($"Prompt ({P}) + maxNewTokens ({maxNewTokens}) exceeds the model's ContextLength ({model.Config.ContextLength}).", nameof(maxNewTokens));
        var device = model.parameters().First().device;
        sampling ??= SamplingOptions.Multinomial;
        long[] drawn;
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var x = tensor(prompts.SelectMany(p => p).ToArray(), [prompts.Count, P], ScalarType.Int64, device);
            for (int step = 0; step < maxNewTokens; step++)
            {
                var logits = model.call(x)[.., -1];                          // [B, V]
                var next = TokenSampler.Sample(logits, sampling, generator);  // [B]
                x = cat([x, next.view(-1, 1)], 1);
            }
            drawn = x[.., P..].cpu().contiguous().data<long>().ToArray();
        }
        finally
        {
            model.train(wasTraining);
        }
        var pairs = new List<(IReadOnlyList<long>, IReadOnlyList<long>)>(prompts.Count);
        for (int b = 0; b < prompts.Count; b++)
        {
            var row = drawn.AsSpan(b * maxNewTokens, maxNewTokens).ToArray();
            int end = Array.IndexOf(row, endToken);
            pairs.Add((prompts[b], end < 0 ? row : row[..(end + 1)]));
        }
        return PromptResponseBatch.Create(pairs, endToken, device);
    }

    /// <summary>A copy of <paramref name="gpt"/> with the same weights; with <paramref name="frozen"/>, no gradients and eval mode (a reference model).</summary>
    public static Gpt Copy(Gpt gpt, bool frozen, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(gpt);
        var copy = new Gpt(gpt.Config, device ?? gpt.parameters().First().device);
        copy.load_state_dict(gpt.state_dict());
        if (frozen)
        {
            foreach (var p in copy.parameters()) p.requires_grad = false;
            copy.eval();
        }
        return copy;
    }
}

using static TorchSharp.torch;

namespace GenAI.Sampling;

/// <summary>
/// Picks next tokens from logits over the last dimension: [V] gives a scalar token id,
/// [B, V] gives one id per row. Pass a seeded <see cref="Generator"/> for reproducible draws.
/// </summary>
public static class TokenSampler
{
    /// <summary>The most likely token (argmax). Deterministic, and prone to loops of the same few tokens.</summary>
    public static Tensor Greedy(Tensor logits)
    {
        LogitFilters.CheckVocabularyDimension(logits, nameof(logits));
        return logits.argmax(-1);
    }

    /// <summary>Draw one token from softmax(logits).</summary>
    public static Tensor Multinomial(Tensor logits, Generator? generator = null)
    {
        LogitFilters.CheckVocabularyDimension(logits, nameof(logits));
        using var scope = NewDisposeScope();
        var probabilities = logits.softmax(-1);
        // A course Generator is a CPU generator, and libtorch refuses it for a draw on CUDA: draw on the CPU, then move.
        if (generator is not null) probabilities = probabilities.cpu();
        var drawn = multinomial(probabilities, 1, replacement: true, generator: generator).squeeze(-1).to(logits.device);
        return scope.MoveToOuter(drawn);
    }

    /// <summary>The distribution that <see cref="Sample"/> draws from after all filters ([V] or [B, V]).</summary>
    public static Tensor Probabilities(Tensor logits, SamplingOptions options)
    {
        LogitFilters.CheckVocabularyDimension(logits, nameof(logits));
        using var scope = NewDisposeScope();
        if (options.Greedy)
        {
            var onehot = nn.functional.one_hot(logits.argmax(-1), logits.shape[^1]).to(logits.dtype);
            return scope.MoveToOuter(onehot);
        }
        return scope.MoveToOuter(Filter(logits, options).softmax(-1));
    }

    /// <summary>Pick next tokens as <paramref name="options"/> says.</summary>
    public static Tensor Sample(Tensor logits, SamplingOptions options, Generator? generator = null)
    {
        LogitFilters.CheckVocabularyDimension(logits, nameof(logits));
        if (options.Greedy) return Greedy(logits);
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Multinomial(Filter(logits, options), generator));
    }

    static Tensor Filter(Tensor logits, SamplingOptions options)
    {
        var filtered = LogitFilters.Temperature(logits, options.Temperature);
        if (options.TopK is int k) filtered = LogitFilters.TopK(filtered, k);
        if (options.TopP is double p) filtered = LogitFilters.TopP(filtered, p);
        return filtered;
    }
}

using GenAI.Sampling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a Bengio-style MLP language model.</summary>
/// <param name="VocabSize">Number of tokens V.</param>
/// <param name="ContextLength">How many previous tokens the model sees (the "block size").</param>
/// <param name="EmbeddingDim">Length d of each token's learned vector.</param>
/// <param name="HiddenDim">Units in the tanh hidden layer.</param>
public sealed record MlpLanguageModelConfig(int VocabSize, int ContextLength = 3, int EmbeddingDim = 10, int HiddenDim = 200)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot make a model.</summary>
    public void Validate()
    {
        const string r = nameof(MlpLanguageModelConfig);
        ConfigChecks.AtLeast(r, nameof(VocabSize), VocabSize, 1);
        ConfigChecks.AtLeast(r, nameof(ContextLength), ContextLength, 1);
        ConfigChecks.AtLeast(r, nameof(EmbeddingDim), EmbeddingDim, 1);
        ConfigChecks.AtLeast(r, nameof(HiddenDim), HiddenDim, 1);
    }

    /// <summary>Parameters: V*d (embeddings) + (n*d*H + H) (hidden) + (H*V + V) (output).</summary>
    public long ParameterCount =>
        (long)VocabSize * EmbeddingDim + ((long)ContextLength * EmbeddingDim * HiddenDim + HiddenDim) + ((long)HiddenDim * VocabSize + VocabSize);
}

/// <summary>
/// A neural probabilistic language model after Bengio et al. (2003): look up an embedding for each
/// of the last n tokens, concatenate them, pass them through one tanh hidden layer, and score every
/// vocabulary token. Unlike the bigram table it sees n tokens, and similar tokens can share
/// statistics because they get similar embeddings.
/// </summary>
public sealed class MlpLanguageModel : nn.Module<Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly Linear hidden;
    readonly Linear output;

    public MlpLanguageModelConfig Config { get; }

    public MlpLanguageModel(MlpLanguageModelConfig config, Device? device = null) : base(nameof(MlpLanguageModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        embedding = nn.Embedding(config.VocabSize, config.EmbeddingDim, device: device);
        hidden = nn.Linear(config.ContextLength * config.EmbeddingDim, config.HiddenDim, device: device);
        output = nn.Linear(config.HiddenDim, config.VocabSize, device: device);
        RegisterComponents();
    }

    /// <summary>The embedding table C [V, d]: row i is token i's learned vector.</summary>
    public Tensor Embeddings => embedding.weight ?? throw new InvalidOperationException("The embedding has no weight.");

    /// <summary>Contexts [B, n] of token ids -> next-token logits [B, V].</summary>
    public override Tensor forward(Tensor contexts)
    {
        if (contexts.ndim != 2 || contexts.shape[1] != Config.ContextLength)
            throw new ArgumentException(
                $"Expected contexts of shape [B, {Config.ContextLength}] (context length {Config.ContextLength}); got {ShapeText.Of(contexts)}.",
                nameof(contexts));
        using var scope = NewDisposeScope();
        long batch = contexts.shape[0];
        // x = [C(w_{t-n}); ...; C(w_{t-1})]: the n embeddings side by side, [B, n*d]
        var x = embedding.call(contexts).view(batch, Config.ContextLength * Config.EmbeddingDim);
        // h = tanh(x H + d)
        var h = hidden.call(x).tanh();
        // logits = h U + b; softmax(logits) = P(w_t | context)
        return scope.MoveToOuter(output.call(h));
    }

    /// <summary>
    /// The autoregressive loop: feed the last n tokens, pick the next with <paramref name="sampling"/>,
    /// append it, repeat until the boundary token or <paramref name="maxTokens"/>. Returns the new tokens.
    /// </summary>
    public IReadOnlyList<long> Generate(long boundaryToken, int maxTokens, SamplingOptions sampling, Generator? generator = null, IReadOnlyList<long>? prompt = null)
    {
        var context = Enumerable.Repeat(boundaryToken, Config.ContextLength).Concat(prompt ?? []).TakeLast(Config.ContextLength).ToArray();
        var generated = new List<long>();
        using var noGrad = no_grad();
        while (generated.Count < maxTokens)
        {
            using var scope = NewDisposeScope();
            var logits = forward(tensor(context, [1, Config.ContextLength], ScalarType.Int64, Embeddings.device));
            long next = TokenSampler.Sample(logits, sampling, generator).item<long>();
            if (next == boundaryToken) break;
            generated.Add(next);
            context = [.. context.Skip(1), next];
        }
        return generated;
    }

    /// <summary>Next-token logits [V] after <paramref name="sequence"/> (the boundary-padded last n tokens are used); for beam search.</summary>
    public Tensor NextTokenLogits(IReadOnlyList<long> sequence, long boundaryToken)
    {
        var context = Enumerable.Repeat(boundaryToken, Config.ContextLength).Concat(sequence).TakeLast(Config.ContextLength).ToArray();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var logits = forward(tensor(context, [1, Config.ContextLength], ScalarType.Int64, Embeddings.device));
        return scope.MoveToOuter(logits.squeeze(0));
    }
}

using GenAI.Text;
using GenAI.Sampling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a character-level LSTM language model.</summary>
/// <param name="VocabSize">Number of tokens V.</param>
/// <param name="EmbeddingDim">Length of each token's learned vector.</param>
/// <param name="HiddenDim">Size H of the LSTM's hidden and cell states.</param>
/// <param name="NumLayers">Stacked LSTM layers.</param>
public sealed record CharLstmConfig(int VocabSize, int EmbeddingDim = 32, int HiddenDim = 128, int NumLayers = 1)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot make a model.</summary>
    public void Validate()
    {
        const string r = nameof(CharLstmConfig);
        ConfigChecks.AtLeast(r, nameof(VocabSize), VocabSize, 1);
        ConfigChecks.AtLeast(r, nameof(EmbeddingDim), EmbeddingDim, 1);
        ConfigChecks.AtLeast(r, nameof(HiddenDim), HiddenDim, 1);
        ConfigChecks.AtLeast(r, nameof(NumLayers), NumLayers, 1);
    }

    /// <summary>V·E (embeddings) + the LSTM (PyTorch's two biases) + (H·V + V) (output layer).</summary>
    public long ParameterCount =>
        (long)VocabSize * EmbeddingDim
        + RecurrentParameterCount.PyTorch(RecurrentKind.Lstm, EmbeddingDim, HiddenDim, numLayers: NumLayers)
        + ((long)HiddenDim * VocabSize + VocabSize);
}

/// <summary>
/// A character-level language model with memory: unlike the MLP of notebook 06, which sees a fixed
/// window of n characters, the LSTM reads the whole prefix and carries it in its hidden and cell
/// states. At each position: embed the character, one LSTM step, score every next character.
/// </summary>
public sealed class CharLstmLanguageModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Target value that cross_entropy skips (PyTorch's default ignore_index).</summary>
    public const long IgnoreIndex = -100;

    readonly Embedding embedding;
    readonly LSTM lstm;
    readonly Linear output;

    public CharLstmConfig Config { get; }

    public CharLstmLanguageModel(CharLstmConfig config, Device? device = null) : base(nameof(CharLstmLanguageModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        embedding = nn.Embedding(config.VocabSize, config.EmbeddingDim, device: device);
        lstm = nn.LSTM(config.EmbeddingDim, config.HiddenDim, config.NumLayers, batchFirst: true, device: device);
        output = nn.Linear(config.HiddenDim, config.VocabSize, device: device);
        RegisterComponents();
    }

    /// <summary>Tokens [B, T] -> next-token logits [B, T, V] (position t has seen tokens 0..t).</summary>
    public override Tensor forward(Tensor tokens)
    {
        if (tokens.ndim != 2)
            throw new ArgumentException($"Expected tokens of shape [B, T]; got {ShapeText.Of(tokens)}.", nameof(tokens));
        using var scope = NewDisposeScope();
        var (h, _, _) = lstm.call(embedding.call(tokens));   // h_t for every t: [B, T, H]
        return scope.MoveToOuter(output.call(h));           // logits_t = W_o h_t + b_o
    }

    /// <summary>Mean cross-entropy per real target character (padding ignored), in nats.</summary>
    public Tensor Loss(Tensor inputs, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var logits = forward(inputs);
        var loss = nn.functional.cross_entropy(logits.reshape(-1, Config.VocabSize), targets.reshape(-1), ignore_index: IgnoreIndex);
        return scope.MoveToOuter(loss);
    }

    /// <summary>
    /// Sample a sequence one token at a time, carrying the LSTM state (no re-reading of the prefix):
    /// start from the boundary token, stop when it comes back or after <paramref name="maxTokens"/>.
    /// </summary>
    public IReadOnlyList<long> Generate(long boundaryToken, int maxTokens, SamplingOptions sampling, Generator? generator = null)
    {
        var generated = new List<long>();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var device = output.weight!.device;
        (Tensor, Tensor)? state = null;
        long token = boundaryToken;
        while (generated.Count < maxTokens)
        {
            // one scope per token frees its embedding, output and logits; only the state moves on
            using var step = NewDisposeScope();
            var x = embedding.call(tensor(new[] { token }, [1, 1], device: device));
            var (h, hN, cN) = lstm.call(x, state);
            state = (step.MoveToOuter(hN), step.MoveToOuter(cN));
            token = TokenSampler.Sample(output.call(h[0, 0]), sampling, generator).item<long>();
            if (token == boundaryToken) break;
            generated.Add(token);
        }
        return generated;
    }

    /// <summary>
    /// Every sequence as one row: inputs "." + s, targets s + ".", right-padded to the longest
    /// (inputs with the boundary token, targets with <see cref="IgnoreIndex"/> so the loss skips them).
    /// </summary>
    public static PaddedSequences Pad(IEnumerable<IReadOnlyList<long>> sequences, long boundaryToken, Device? device = null)
    {
        var rows = sequences.ToList();
        if (rows.Count == 0) throw new ArgumentException("Need at least one sequence.", nameof(sequences));
        int length = rows.Max(r => r.Count) + 1;
        var inputs = new long[rows.Count * length];
        var targets = new long[rows.Count * length];
        for (int i = 0; i < rows.Count; i++)
            for (int t = 0; t < length; t++)
            {
                inputs[i * length + t] = t == 0 ? boundaryToken : t - 1 < rows[i].Count ? rows[i][t - 1] : boundaryToken;
                targets[i * length + t] = t < rows[i].Count ? rows[i][t] : t == rows[i].Count ? boundaryToken : IgnoreIndex;
            }
        return new PaddedSequences(tensor(inputs, [rows.Count, length], device: device), tensor(targets, [rows.Count, length], device: device));
    }
}

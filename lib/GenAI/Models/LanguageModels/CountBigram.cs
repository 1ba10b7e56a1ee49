using GenAI.Text;
using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>
/// The count-based bigram language model: the next token depends only on the current one, and
/// P(next | current) is read off a table of how often each pair occurred in the training data.
/// </summary>
public sealed class CountBigram : IDisposable
{
    /// <summary>N[i, j] = how many times token j followed token i (int64 [V, V]).</summary>
    public Tensor Counts { get; }

    /// <summary>P[i, j] = P(next = j | current = i) after smoothing; every row sums to 1 (float32 [V, V]).</summary>
    public Tensor Probabilities { get; }

    /// <summary>Pseudo-count alpha added to every cell, so no pair the data never showed gets probability 0.</summary>
    public double Smoothing { get; }

    public int VocabSize => (int)Counts.shape[0];

    CountBigram(Tensor counts, double smoothing)
    {
        Counts = counts;
        Smoothing = smoothing;
        using var scope = NewDisposeScope();
        var smoothed = counts.to(ScalarType.Float32).add(smoothing);
        // P(j | i) = (N_ij + alpha) / Σ_k (N_ik + alpha)
        Probabilities = scope.MoveToOuter(smoothed.div(smoothed.sum(1, keepdim: true)));
    }

    /// <summary>Count the pairs (current -> next) of bigram examples (context length 1).</summary>
    public static CountBigram Fit(NextTokenExamples bigrams, int vocabSize, double smoothing = 1.0)
    {
        CheckContextLength(bigrams);
        return Fit(bigrams.Contexts.squeeze(1), bigrams.Targets, vocabSize, smoothing);
    }

    /// <summary>Count the pairs current[n] -> next[n] (two int64 [N] tensors of token ids).</summary>
    public static CountBigram Fit(Tensor current, Tensor next, int vocabSize, double smoothing = 1.0)
    {
        if (smoothing < 0 || double.IsNaN(smoothing)) throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Smoothing is a pseudo-count and cannot be negative.");
        if (vocabSize < 1) throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize, "vocabSize must be at least 1.");
        if (current.ndim != 1 || next.ndim != 1 || current.shape[0] != next.shape[0])
            throw new ArgumentException($"current and next must be 1-D and equally long; got {ShapeText.Of(current)} and {ShapeText.Of(next)}.");
        if (current.dtype != ScalarType.Int64 || next.dtype != ScalarType.Int64)
            throw new ArgumentException($"Token ids must be int64; got {current.dtype} and {next.dtype}.");
        CheckRange(current, vocabSize, nameof(current));
        CheckRange(next, vocabSize, nameof(next));

        Tensor counts;
        using (var scope = NewDisposeScope())
        {
            // Each pair (i, j) gets the cell number i * V + j; counting cell numbers fills the V x V table.
            var cells = current.mul(vocabSize).add(next);
            counts = scope.MoveToOuter(bincount(cells, minlength: (long)vocabSize * vocabSize).view(vocabSize, vocabSize));
            if (smoothing == 0 && counts.sum(1).eq(0).any().item<bool>())
            {
                counts.Dispose();
                throw new ArgumentException("With smoothing 0 some token never appears as 'current', so its row has no probabilities; use smoothing > 0.", nameof(smoothing));
            }
        }
        return new CountBigram(counts, smoothing);
    }

    /// <summary>Mean NLL in nats of the examples' targets given their single-token contexts.</summary>
    public double NegativeLogLikelihood(NextTokenExamples bigrams)
    {
        // Longer contexts [N, n] would reach index_select as a matrix of indices, and libtorch's
        // "Index is supposed to be a vector" would not say what was wrong.
        CheckContextLength(bigrams);
        using var scope = NewDisposeScope();
        var current = bigrams.Contexts.squeeze(1);
        // NLL = -(1/N) Σ_n log P(next_n | current_n); row current_n of P holds the whole distribution.
        return Metrics.NegativeLogLikelihood.FromProbabilities(Probabilities.index_select(0, current), bigrams.Targets);
    }

    /// <summary>
    /// Generate one sequence: start after <paramref name="boundaryToken"/>, draw next tokens from the
    /// current token's row until the boundary comes back or <paramref name="maxLength"/> tokens are out.
    /// </summary>
    public IReadOnlyList<long> Sample(long boundaryToken, int maxLength, Generator? generator = null)
    {
        var tokens = new List<long>();
        long current = boundaryToken;
        while (tokens.Count < maxLength)
        {
            using var scope = NewDisposeScope();
            long next = multinomial(Probabilities[current], 1, generator: generator).item<long>();
            if (next == boundaryToken) break;
            tokens.Add(next);
            current = next;
        }
        return tokens;
    }

    static void CheckContextLength(NextTokenExamples bigrams)
    {
        if (bigrams.ContextLength != 1)
            throw new ArgumentException(
                $"A bigram model needs examples with context length 1 (contexts [N, 1]); got context length {bigrams.ContextLength} (contexts {ShapeText.Of(bigrams.Contexts)}).",
                nameof(bigrams));
    }

    static void CheckRange(Tensor ids, int vocabSize, string name)
    {
        if (ids.numel() == 0) throw new ArgumentException($"{name} is empty: there is nothing to count.", name);
        long lowest = ids.min().item<long>(), highest = ids.max().item<long>();
        if (lowest < 0 || highest >= vocabSize)
            throw new ArgumentException($"{name} holds token ids in [{lowest}, {highest}] but vocabSize is {vocabSize}.", name);
    }

    public void Dispose()
    {
        Counts.Dispose();
        Probabilities.Dispose();
    }
}

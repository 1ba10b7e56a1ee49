using GenAI.Data;
using static TorchSharp.torch;

namespace GenAI.Text;

/// <summary>
/// Training pairs for next-token prediction: every position of every sequence becomes one
/// example (the <c>ContextLength</c> tokens before it -> the token itself). Each sequence is
/// framed by a boundary token: the context starts as all boundary tokens and the last target
/// is the boundary again, so a model also learns how sequences start and end.
/// With ContextLength 1 the pairs are exactly the bigrams of the sequences.
/// </summary>
public sealed class NextTokenExamples : IDisposable
{
    /// <summary>Contexts, int64 [N, ContextLength].</summary>
    public Tensor Contexts { get; }

    /// <summary>Next tokens, int64 [N].</summary>
    public Tensor Targets { get; }

    public int ContextLength { get; }

    public long Count => Targets.shape[0];

    NextTokenExamples(Tensor contexts, Tensor targets, int contextLength)
    {
        Contexts = contexts;
        Targets = targets;
        ContextLength = contextLength;
    }

    /// <summary>Build the examples of <paramref name="sequences"/> (token ids without boundaries).</summary>
    public static NextTokenExamples Build(IEnumerable<IReadOnlyList<long>> sequences, int contextLength, long boundaryToken, Device? device = null)
    {
        if (contextLength < 1) throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength, "contextLength must be at least 1.");
        var contexts = new List<long>();
        var targets = new List<long>();
        var window = new long[contextLength];
        foreach (var sequence in sequences)
        {
            Array.Fill(window, boundaryToken);
            for (int i = 0; i <= sequence.Count; i++)
            {
                long next = i < sequence.Count ? sequence[i] : boundaryToken;
                contexts.AddRange(window);
                targets.Add(next);
                // Slide the window one token to the left and append the token just predicted.
                Array.Copy(window, 1, window, 0, contextLength - 1);
                window[^1] = next;
            }
        }
        if (targets.Count == 0) throw new ArgumentException("No sequences given: cannot build next-token examples.", nameof(sequences));
        var x = tensor(contexts.ToArray(), [targets.Count, contextLength], ScalarType.Int64, device);
        var y = tensor(targets.ToArray(), ScalarType.Int64, device);
        return new NextTokenExamples(x, y, contextLength);
    }

    /// <summary>A random mini-batch (contexts [B, ContextLength], targets [B]) drawn with <paramref name="generator"/>.</summary>
    public (Tensor Contexts, Tensor Targets) RandomBatch(int batchSize, Generator? generator = null)
    {
        return RandomRows.Batch(Contexts, Targets, batchSize, generator);
    }

    public void Dispose()
    {
        Contexts.Dispose();
        Targets.Dispose();
    }
}

namespace GenAI.Sampling;

/// <summary>
/// How to turn next-token logits into a token. Filters apply in the order temperature, top-k,
/// top-p; <see cref="Greedy"/> ignores them all and takes the most likely token.
/// </summary>
/// <param name="Temperature">Divide logits by this before softmax (1 leaves them unchanged).</param>
/// <param name="TopK">Keep only the k most likely tokens; null keeps all.</param>
/// <param name="TopP">Keep the smallest set of tokens with total probability >= p; null keeps all.</param>
/// <param name="Greedy">Always pick the single most likely token.</param>
public sealed record SamplingOptions(double Temperature = 1.0, int? TopK = null, double? TopP = null, bool Greedy = false)
{
    /// <summary>Plain multinomial sampling from the model's distribution.</summary>
    public static SamplingOptions Multinomial { get; } = new();

    /// <summary>Argmax decoding.</summary>
    public static SamplingOptions GreedyDecoding { get; } = new(Greedy: true);

    public override string ToString() =>
        Greedy ? "greedy" : string.Join(", ", new[]
        {
            $"T={Temperature:0.##}",
            TopK is int k ? $"top-k={k}" : null,
            TopP is double p ? $"top-p={p:0.##}" : null,
        }.Where(s => s is not null));
}

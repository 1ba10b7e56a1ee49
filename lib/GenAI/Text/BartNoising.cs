namespace GenAI.Text;

/// <summary>
/// BART's five ways of corrupting a document (Lewis et al., 2020); the model is trained to reconstruct the original from
/// the corrupted tokens. Each random method draws its choices from the given <see cref="Random"/> and then calls the
/// deterministic method of the same name, so the corruption can be worked out by hand.
/// </summary>
public static class BartNoising
{
    /// <summary>Token masking: each token becomes the mask token with probability p (as BERT, without the random/kept cases).</summary>
    public static long[] TokenMasking(IReadOnlyList<long> tokens, long maskId, double p, Random random)
    {
        CheckProbability(p);
        return tokens.Select(t => random.NextDouble() < p ? maskId : t).ToArray();
    }

    /// <summary>Token deletion: each token is removed with probability p; the model must find where something is missing.</summary>
    public static long[] TokenDeletion(IReadOnlyList<long> tokens, double p, Random random)
    {
        CheckProbability(p);
        return tokens.Where(_ => random.NextDouble() >= p).ToArray();
    }

    /// <summary>
    /// Text infilling: spans whose lengths are drawn from Poisson(λ) are each replaced by ONE mask token, until about
    /// <paramref name="ratio"/> of the tokens are covered; a zero-length span inserts a mask token. The model must also
    /// predict how many tokens each mask stands for.
    /// </summary>
    /// <returns>The noised tokens and the spans (start, length) that were replaced, in order.</returns>
    public static (long[] Tokens, IReadOnlyList<(int Start, int Length)> Spans) TextInfilling(IReadOnlyList<long> tokens, long maskId,
        Random random, double ratio = 0.3, double lambda = 3.0)
    {
        if (ratio is < 0 or > 1 || double.IsNaN(ratio)) throw new ArgumentException($"ratio must be in [0, 1]; got {ratio}.", nameof(ratio));
        if (!(lambda > 0)) throw new ArgumentException($"lambda must be positive; got {lambda}.", nameof(lambda));
        int n = tokens.Count, target = (int)Math.Round(ratio * n), covered = 0;
        var spans = new List<(int Start, int Length)>();
        for (int attempt = 0; covered < target && attempt < 100 * (n + 1); attempt++)
        {
            int length = Math.Min(Poisson(lambda, random), target - covered);
            int start = random.Next(0, n - length + 1);
            // spans neither overlap nor touch, so that every mask token stands for one span
            if (spans.Any(s => start <= s.Start + s.Length && s.Start <= start + length)) continue;
            spans.Add((start, length));
            covered += length;
        }
        spans.Sort();
        return (TextInfilling(tokens, spans, maskId), spans);
    }

    /// <summary>Replaces each span (start, length) by one mask token; length 0 inserts a mask before position start.</summary>
    public static long[] TextInfilling(IReadOnlyList<long> tokens, IReadOnlyList<(int Start, int Length)> spans, long maskId)
    {
        var ordered = spans.OrderBy(s => s.Start).ToList();
        for (int i = 0; i < ordered.Count; i++)
        {
            var (s, l) = ordered[i];
            if (s < 0 || l < 0 || s + l > tokens.Count)
                throw new ArgumentException($"Span (start {s}, length {l}) does not fit in {tokens.Count} tokens.", nameof(spans));
            if (i > 0 && s < ordered[i - 1].Start + ordered[i - 1].Length)
                throw new ArgumentException($"Spans overlap: ({ordered[i - 1].Start}, {ordered[i - 1].Length}) and ({s}, {l}).", nameof(spans));
        }
        var result = new List<long>();
        int position = 0;
        foreach (var (start, length) in ordered)
        {
            for (; position < start; position++) result.Add(tokens[position]);
            result.Add(maskId);
            position = start + length;
        }
        for (; position < tokens.Count; position++) result.Add(tokens[position]);
        return result.ToArray();
    }

    /// <summary>Sentence permutation: the sentences (each ending with one of <paramref name="sentenceEnds"/>) in a random order.</summary>
    public static long[] SentencePermutation(IReadOnlyList<long> tokens, IReadOnlyCollection<long> sentenceEnds, Random random)
    {
        var sentences = Sentences(tokens, sentenceEnds);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        random.Shuffle(order);
        return SentencePermutation(tokens, sentenceEnds, order);
    }

    /// <summary>The sentences put in the given order (order[i] = which original sentence comes i-th).</summary>
    public static long[] SentencePermutation(IReadOnlyList<long> tokens, IReadOnlyCollection<long> sentenceEnds, IReadOnlyList<int> order)
    {
        var sentences = Sentences(tokens, sentenceEnds);
        if (order.Count != sentences.Count || order.OrderBy(i => i).Where((v, i) => v != i).Any())
            throw new ArgumentException($"order must be a permutation of 0..{sentences.Count - 1}; got [{string.Join(", ", order)}].", nameof(order));
        return order.SelectMany(i => sentences[i]).ToArray();
    }

    /// <summary>Document rotation: a token chosen uniformly becomes the start; the model must find the true beginning.</summary>
    public static long[] DocumentRotation(IReadOnlyList<long> tokens, Random random) =>
        tokens.Count == 0 ? [] : DocumentRotation(tokens, random.Next(tokens.Count));

    /// <summary>The document rotated to begin at <paramref name="start"/>: tokens[start..] then tokens[..start].</summary>
    public static long[] DocumentRotation(IReadOnlyList<long> tokens, int start)
    {
        if (start < 0 || (start >= tokens.Count && tokens.Count > 0))
            throw new ArgumentException($"start must be in 0..{tokens.Count - 1}; got {start}.", nameof(start));
        return tokens.Skip(start).Concat(tokens.Take(start)).ToArray();
    }

    /// <summary>The document cut after every sentence-end token (a trailing piece without one is a sentence too).</summary>
    public static List<long[]> Sentences(IReadOnlyList<long> tokens, IReadOnlyCollection<long> sentenceEnds)
    {
        var result = new List<long[]>();
        var current = new List<long>();
        foreach (var t in tokens)
        {
            current.Add(t);
            if (sentenceEnds.Contains(t)) { result.Add(current.ToArray()); current.Clear(); }
        }
        if (current.Count > 0) result.Add(current.ToArray());
        return result;
    }

    /// <summary>A draw from Poisson(λ) by Knuth's method: count uniform draws until their product falls below e^-λ.</summary>
    public static int Poisson(double lambda, Random random)
    {
        double limit = Math.Exp(-lambda), product = random.NextDouble();
        int k = 0;
        while (product > limit) { k++; product *= random.NextDouble(); }
        return k;
    }

    static void CheckProbability(double p)
    {
        if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentException($"p must be in [0, 1]; got {p}.", nameof(p));
    }
}

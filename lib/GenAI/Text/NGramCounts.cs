namespace GenAI.Text;

/// <summary>
/// How often each run of <c>N</c> consecutive tokens occurs. Bigram counts of characters are the
/// whole "model" of notebook 05; n-gram counts of words are the oldest language model there is.
/// </summary>
public sealed class NGramCounts
{
    readonly Dictionary<string[], long> _counts;

    NGramCounts(int n, Dictionary<string[], long> counts, long total)
    {
        N = n;
        _counts = counts;
        Total = total;
    }

    /// <summary>Length of each gram (1 = unigrams, 2 = bigrams, ...).</summary>
    public int N { get; }

    /// <summary>Number of grams counted (with repeats): sum over sequences of max(0, length - N + 1).</summary>
    public long Total { get; }

    /// <summary>Number of distinct grams.</summary>
    public int Distinct => _counts.Count;

    /// <summary>Counts the <paramref name="n"/>-grams of one token sequence.</summary>
    public static NGramCounts Count(IEnumerable<string> tokens, int n) => Count([tokens], n);

    /// <summary>
    /// Counts the <paramref name="n"/>-grams of several sequences; grams never span two sequences
    /// (the last word of one sentence and the first of the next are not a bigram).
    /// </summary>
    public static NGramCounts Count(IEnumerable<IEnumerable<string>> sequences, int n)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n-grams need n >= 1.");
        var counts = new Dictionary<string[], long>(GramComparer.Instance);
        long total = 0;
        foreach (var sequence in sequences)
        {
            var tokens = sequence.ToArray();
            for (int i = 0; i + n <= tokens.Length; i++)
            {
                var gram = tokens[i..(i + n)];
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
                total++;
            }
        }
        return new NGramCounts(n, counts, total);
    }

    /// <summary>How often <paramref name="gram"/> occurred (0 if never); it must have exactly N tokens.</summary>
    public long this[params string[] gram]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(gram);
            if (gram.Length != N) throw new ArgumentException($"These are {N}-gram counts; the gram asked for has {gram.Length} tokens.", nameof(gram));
            return _counts.GetValueOrDefault(gram);
        }
    }

    /// <summary>The <paramref name="k"/> most frequent grams, most frequent first (ties in ordinal order of the tokens).</summary>
    public IReadOnlyList<(IReadOnlyList<string> Gram, long Count)> MostCommon(int k = int.MaxValue) =>
        _counts.OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, GramComparer.Instance)
            .Take(k)
            .Select(p => ((IReadOnlyList<string>)p.Key, p.Value))
            .ToArray();

    /// <summary>Relative frequency of a gram: its count divided by <see cref="Total"/>.</summary>
    public double Frequency(params string[] gram) => Total == 0 ? 0 : (double)this[gram] / Total;

    /// <summary>Equality and ordinal ordering of token arrays, element by element.</summary>
    sealed class GramComparer : IEqualityComparer<string[]>, IComparer<string[]>
    {
        public static readonly GramComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(string[] gram)
        {
            var hash = new HashCode();
            foreach (var token in gram) hash.Add(token, StringComparer.Ordinal);
            return hash.ToHashCode();
        }

        public int Compare(string[]? x, string[]? y)
        {
            if (x is null || y is null) return (x is null).CompareTo(y is null);
            for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                int c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0) return c;
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}

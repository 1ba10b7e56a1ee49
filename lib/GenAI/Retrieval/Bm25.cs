using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>
/// The analyser BM25 uses: lower-cased runs of letters and digits (the regular expression <c>[\p{L}\p{N}_]+</c>),
/// optionally without stop words. The Lucene.Net reference in the tests builds the same analyser from
/// PatternTokenizer (this expression, group 0), LowerCaseFilter and StopFilter.
/// </summary>
public sealed class Bm25Analyzer
{
    /// <summary>The expression every token matches.</summary>
    public const string TokenPattern = @"[\p{L}\p{N}_]+";

    static readonly Regex Token = new(TokenPattern, RegexOptions.Compiled);

    /// <summary>Lucene's English stop words (StopAnalyzer.ENGLISH_STOP_WORDS_SET, 33 words).</summary>
    public static IReadOnlySet<string> EnglishStopWords { get; } = new HashSet<string>(
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
    ]);

    public Bm25Analyzer(IReadOnlySet<string>? stopWords = null) => StopWords = stopWords ?? new HashSet<string>();

    /// <summary>The course's default: Lucene's English stop words removed.</summary>
    public static Bm25Analyzer English { get; } = new(EnglishStopWords);

    public IReadOnlySet<string> StopWords { get; }

    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Token.Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(t => !StopWords.Contains(t)).ToArray();
    }
}

/// <summary>
/// Okapi BM25 (Robertson and Zaragoza, 2009) as Lucene.Net 4.8's BM25Similarity computes it, so the two give the
/// same score for every document:
///   idf(t)      = ln(1 + (N − df + 0.5) / (df + 0.5))           N documents, df of them contain t
///   score(q, d) = Σ_{t ∈ q} idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·|d| / avgdl))
/// with k1 = 1.2 and b = 0.75. Lucene stores each document's length in one byte (its norm,
/// 1/√|d| encoded by SmallFloat.floatToByte315, 3 bits of mantissa), so the |d| it scores with is the decoded
/// value, not the true count: <see cref="LuceneLengths"/> (the default) does the same; turned off, |d| is exact.
/// avgdl is the exact mean length, as in Lucene. A query term that repeats counts twice (a BooleanQuery of one
/// TermQuery per token does the same); documents that contain no query term score 0.
/// The postings are kept per term; a query's term frequencies become one dense [terms, N] tensor and the scoring is tensor arithmetic.
/// </summary>
public sealed class Bm25 : IDisposable
{
    readonly Dictionary<string, int> terms = new();
    // Postings in compressed rows: the documents (and counts) of term t are docs[start[t]..start[t+1]).
    readonly long[] postingStart;
    readonly long[] postingDocs;
    readonly float[] postingFreqs;
    readonly Tensor docFreq;    // [V]
    readonly Tensor lengthNorm; // [N]: k1·(1 − b + b·|d|/avgdl)

    public Bm25(IReadOnlyList<string> documents, Bm25Analyzer? analyzer = null, double k1 = 1.2, double b = 0.75, bool luceneLengths = true)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0) throw new ArgumentException("BM25 needs at least one document.", nameof(documents));
        if (k1 < 0) throw new ArgumentException($"k1 must be 0 or more; got {k1}.", nameof(k1));
        if (b is < 0 or > 1) throw new ArgumentException($"b must be between 0 and 1; got {b}.", nameof(b));
        Analyzer = analyzer ?? Bm25Analyzer.English;
        K1 = k1; B = b; LuceneLengths = luceneLengths;
        var postings = new List<List<(long Doc, float Freq)>>();
        var lengths = new float[documents.Count];
        long totalTokens = 0;
        for (int d = 0; d < documents.Count; d++)
        {
            var tokens = Analyzer.Tokenize(documents[d] ?? throw new ArgumentException($"Document {d} is null.", nameof(documents)));
            totalTokens += tokens.Count;
            lengths[d] = luceneLengths ? LuceneDecodedLength(tokens.Count) : tokens.Count;
            foreach (var g in tokens.GroupBy(t => t))
            {
                if (!terms.TryGetValue(g.Key, out var id)) { terms[g.Key] = id = terms.Count; postings.Add([]); }
                postings[id].Add((d, g.Count()));
            }
        }
        Count = documents.Count;
        postingStart = new long[postings.Count + 1];
        for (int t = 0; t < postings.Count; t++) postingStart[t + 1] = postingStart[t] + postings[t].Count;
        postingDocs = postings.SelectMany(p => p.Select(x => x.Doc)).ToArray();
        postingFreqs = postings.SelectMany(p => p.Select(x => x.Freq)).ToArray();
        docFreq = tensor(postings.Select(p => (float)p.Count).ToArray());
        // avgdl: Lucene's sumTotalTermFreq / docCount, from the true lengths (only the per-document norm is lossy).
        AverageLength = totalTokens > 0 ? (float)totalTokens / Count : 1f;
        using var scope = NewDisposeScope();
        lengthNorm = ((float)k1 * ((1 - (float)b) + (float)b * tensor(lengths) / AverageLength)).MoveToOuterDisposeScope();
    }

    public Bm25Analyzer Analyzer { get; }
    public double K1 { get; }
    public double B { get; }
    public bool LuceneLengths { get; }

    /// <summary>Number of documents N.</summary>
    public int Count { get; }

    /// <summary>Mean document length in tokens (avgdl).</summary>
    public float AverageLength { get; }

    /// <summary>Number of distinct terms.</summary>
    public int VocabularySize => terms.Count;

    /// <summary>idf(t) = ln(1 + (N − df + 0.5)/(df + 0.5)); a term no document contains gets the idf of df = 0.</summary>
    public double Idf(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        long df = terms.TryGetValue(term, out var id) ? postingStart[id + 1] - postingStart[id] : 0;
        return (float)Math.Log(1 + (Count - df + 0.5) / (df + 0.5));
    }

    /// <summary>The BM25 score of every document for <paramref name="query"/>, float32 [N].</summary>
    public Tensor Scores(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ids = Analyzer.Tokenize(query).Where(terms.ContainsKey).Select(t => (long)terms[t]).ToArray();
        if (ids.Length == 0) return zeros([Count], dtype: float32);
        using var scope = NewDisposeScope();
        var rowsIx = tensor(ids);
        // The dense tf of each query token over all documents [Qt, N], filled from its postings.
        var qRows = new List<long>(); var qCols = new List<long>(); var qVals = new List<float>();
        for (int r = 0; r < ids.Length; r++)
            for (long p = postingStart[ids[r]]; p < postingStart[ids[r] + 1]; p++) { qRows.Add(r); qCols.Add(postingDocs[p]); qVals.Add(postingFreqs[p]); }
        var f = zeros([ids.Length, Count], dtype: float32).index_put_(tensor(qVals.ToArray()), tensor(qRows.ToArray()), tensor(qCols.ToArray()));
        var df = docFreq.index_select(0, rowsIx).to(float64);
        var idf = (1 + (Count - df + 0.5) / (df + 0.5)).log().to(float32);        // [Qt]
        var weight = (idf * (float)(K1 + 1)).unsqueeze(1);                         // Lucene's weightValue = idf·(k1+1)
        var s = weight * f / (f + lengthNorm.unsqueeze(0));                        // tf(k1+1)/(tf + k1(1−b+b|d|/avgdl))
        return s.sum(dim: 0).MoveToOuterDisposeScope();
    }

    /// <summary>The <paramref name="k"/> best documents for <paramref name="query"/>, best first (documents with score 0 left out).</summary>
    public SearchHit[] Search(string query, int k)
    {
        if (k < 1) throw new ArgumentException($"k must be at least 1; got {k}.", nameof(k));
        using var scope = NewDisposeScope();
        var s = Scores(query);
        var (v, ix) = s.topk(Math.Min(k, Count));
        var values = v.data<float>().ToArray();
        var keys = ix.data<long>().ToArray();
        return Enumerable.Range(0, values.Length).Where(i => values[i] > 0).Select(i => new SearchHit(keys[i], values[i])).ToArray();
    }

    /// <summary>
    /// The document length Lucene 4.8 scores with. Its norm stores 1/√|d| in one byte, SmallFloat.floatToByte315:
    /// the float's exponent and its top 3 mantissa bits, byte = (bits &gt;&gt; 21) − (63 − 15)·8 (clamped to 1..255);
    /// decoding puts the bits back, f = float((byte &lt;&lt; 21) + (63 − 15) &lt;&lt; 24), and BM25Similarity's NORM_TABLE
    /// reads the length as 1/f². So |d| = 1, 2, 3, 4 are kept, 5 becomes 5.22 and 100 becomes 99.9 ... within about 25 %.
    /// </summary>
    public static float LuceneDecodedLength(int length)
    {
        if (length < 0) throw new ArgumentException($"A length must be 0 or more; got {length}.", nameof(length));
        if (length == 0) return 0;
        float norm = 1f / (float)Math.Sqrt(length);
        int bits = BitConverter.SingleToInt32Bits(norm);
        const int fzero = (63 - 15) << 3;
        int small = bits >> 21;
        int b = small <= fzero ? (bits <= 0 ? 0 : 1) : small >= fzero + 0x100 ? 255 : small - fzero;
        if (b == 0) return float.PositiveInfinity;
        float f = BitConverter.Int32BitsToSingle((b << 21) + ((63 - 15) << 24));
        return 1f / (f * f);
    }

    public void Dispose()
    {
        docFreq.Dispose(); lengthNorm.Dispose();
    }
}

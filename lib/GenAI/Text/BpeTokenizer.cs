using System.Text;
using System.Text.RegularExpressions;

namespace GenAI.Text;

/// <summary>
/// Byte-pair encoding over characters. Training starts from the single characters of the
/// corpus and repeatedly merges the most frequent adjacent pair into a new token, recording
/// each merge; encoding replays the merges in the order they were learned. Frequent words end
/// up as one token, rare words as a few frequent pieces ("Tokenization" -> "Token" + "ization"),
/// and nothing is ever out of vocabulary except characters never seen in training (-> Unk).
///
/// Text is first cut into words, each word keeping the single space in front of it (" cat"),
/// so merges never cross a word boundary and decoding is plain concatenation: exact round trips.
/// Ties between equally frequent pairs go to the pair whose (left, right) strings sort first
/// ordinally, so training is deterministic and can be worked out by hand.
/// </summary>
public sealed partial class BpeTokenizer : Tokenizer
{
    // A word with at most one leading space; a number; a run of punctuation; leftover whitespace
    // (a run of spaces gives its last space to the word that follows it).
    [GeneratedRegex(@" ?[\p{L}\p{M}]+| ?\p{N}+| ?[^\s\p{L}\p{M}\p{N}]+|\s+(?!\S)|\s+")]
    private static partial Regex WordPattern();

    readonly IReadOnlyList<(string Left, string Right)> _merges;
    // (left id, right id) packed in a long -> (merge rank, id of the merged token).
    readonly Dictionary<long, (int Rank, int Merged)> _mergeOf = new();
    readonly Dictionary<string, long[]> _cache = new(StringComparer.Ordinal);
    readonly object _cacheLock = new();

    public BpeTokenizer(Vocabulary vocabulary, SpecialTokens specials, IEnumerable<(string Left, string Right)> merges) : base(vocabulary, specials)
    {
        ArgumentNullException.ThrowIfNull(merges);
        _merges = merges.ToArray();
        for (int rank = 0; rank < _merges.Count; rank++)
        {
            var (left, right) = _merges[rank];
            if (!vocabulary.TryGetId(left, out int l) || !vocabulary.TryGetId(right, out int r) || !vocabulary.TryGetId(left + right, out int merged))
                throw new ArgumentException($"Merge {rank} ('{Vocabulary.Escape(left)}' + '{Vocabulary.Escape(right)}') uses a token missing from the vocabulary.", nameof(merges));
            _mergeOf.TryAdd(Pack(l, r), (rank, merged));
        }
    }

    public override string Kind => "bpe";

    /// <summary>The learned merges, in the order they were learned (= the order encoding applies them).</summary>
    public IReadOnlyList<(string Left, string Right)> Merges => _merges;

    /// <summary>The pre-tokenizer: words with their leading space, numbers, punctuation, whitespace.</summary>
    public static IEnumerable<string> SplitWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in WordPattern().Matches(text)) yield return match.Value;
    }

    /// <summary>
    /// Learns merges from <paramref name="texts"/> until the vocabulary holds <paramref name="vocabSize"/>
    /// tokens (special tokens and characters included) or no pair occurs <paramref name="minPairFrequency"/> times.
    /// </summary>
    public static BpeTokenizer Train(IEnumerable<string> texts, int vocabSize, SpecialTokens? specials = null, int minPairFrequency = 2)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var wordCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var word in SplitWords(text))
                wordCounts[word] = wordCounts.GetValueOrDefault(word) + 1;
        return TrainOnWordCounts(wordCounts, vocabSize, specials, minPairFrequency);
    }

    /// <summary>Learns merges from one text.</summary>
    public static BpeTokenizer Train(string text, int vocabSize, SpecialTokens? specials = null, int minPairFrequency = 2) =>
        Train([text], vocabSize, specials, minPairFrequency);

    /// <summary>
    /// Learns merges from words and how often each occurs, without any pre-tokenization: the form
    /// in which BPE is usually worked out on paper ("hug" x10, "pug" x5, ...).
    /// </summary>
    public static BpeTokenizer TrainOnWordCounts(IReadOnlyDictionary<string, long> wordCounts, int vocabSize, SpecialTokens? specials = null, int minPairFrequency = 2)
    {
        ArgumentNullException.ThrowIfNull(wordCounts);
        if (minPairFrequency < 1) throw new ArgumentOutOfRangeException(nameof(minPairFrequency), minPairFrequency, "minPairFrequency must be at least 1.");
        specials ??= SpecialTokens.Default;
        return new BpeTrainer(wordCounts, specials).Run(vocabSize, minPairFrequency);
    }

    protected override void EncodeSegment(string segment, List<long> ids)
    {
        foreach (var word in SplitWords(segment)) ids.AddRange(EncodeWord(word));
    }

    protected override string Join(IReadOnlyList<string> tokens) => string.Concat(tokens);

    long[] EncodeWord(string word)
    {
        lock (_cacheLock)
        {
            if (_cache.TryGetValue(word, out var cached)) return cached;
        }
        var symbols = new List<int>(word.Length);
        foreach (var rune in word.EnumerateRunes()) symbols.Add((int)IdOrUnknown(rune.ToString()));
        while (symbols.Count > 1)
        {
            // The pair that was learned earliest is merged first, everywhere in the word.
            int bestRank = int.MaxValue, bestMerged = -1;
            long bestPair = 0;
            for (int i = 0; i + 1 < symbols.Count; i++)
            {
                if (_mergeOf.TryGetValue(Pack(symbols[i], symbols[i + 1]), out var merge) && merge.Rank < bestRank)
                    (bestRank, bestMerged, bestPair) = (merge.Rank, merge.Merged, Pack(symbols[i], symbols[i + 1]));
            }
            if (bestMerged < 0) break;
            var next = new List<int>(symbols.Count);
            for (int i = 0; i < symbols.Count; i++)
            {
                if (i + 1 < symbols.Count && Pack(symbols[i], symbols[i + 1]) == bestPair) { next.Add(bestMerged); i++; }
                else next.Add(symbols[i]);
            }
            symbols = next;
        }
        var result = symbols.Select(s => (long)s).ToArray();
        lock (_cacheLock)
        {
            // Bounded so that encoding an endless stream of distinct words cannot exhaust memory.
            if (_cache.Count < 200_000) _cache[word] = result;
        }
        return result;
    }

    internal static long Pack(int left, int right) => ((long)left << 32) | (uint)right;
}

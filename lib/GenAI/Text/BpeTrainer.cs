namespace GenAI.Text;

/// <summary>
/// The BPE training loop, kept apart from the tokenizer because it holds a lot of bookkeeping
/// that encoding never needs. Every distinct word is a list of symbol ids with a count; the
/// count of every adjacent pair is kept up to date incrementally, so a merge only revisits the
/// words that contain the merged pair instead of the whole corpus (seconds for a 4 MB corpus).
/// </summary>
internal sealed class BpeTrainer
{
    readonly SpecialTokens _specials;
    readonly List<string> _tokens = new();
    readonly Dictionary<string, int> _idOf = new(StringComparer.Ordinal);
    readonly List<List<int>> _words = new();
    readonly List<long> _wordCounts = new();
    readonly Dictionary<long, long> _pairCounts = new();
    readonly Dictionary<long, HashSet<int>> _wordsWithPair = new();
    readonly List<(string Left, string Right)> _merges = new();

    public BpeTrainer(IReadOnlyDictionary<string, long> wordCounts, SpecialTokens specials)
    {
        _specials = specials;
        foreach (var special in specials.Distinct()) AddToken(special);

        // The starting vocabulary: every character of the corpus, in code-point order.
        var alphabet = new SortedSet<int>();
        foreach (var word in wordCounts.Keys)
            foreach (var rune in word.EnumerateRunes()) alphabet.Add(rune.Value);
        foreach (int codePoint in alphabet) AddToken(char.ConvertFromUtf32(codePoint));

        // Ordinal order of the words, so that nothing depends on the dictionary's hash order.
        foreach (var (word, count) in wordCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (count < 0) throw new ArgumentException($"Word '{Vocabulary.Escape(word)}' has a negative count ({count}).", nameof(wordCounts));
            if (count == 0 || word.Length == 0) continue;
            var symbols = word.EnumerateRunes().Select(r => _idOf[r.ToString()]).ToList();
            _words.Add(symbols);
            _wordCounts.Add(count);
            AddPairs(_words.Count - 1, +1);
        }
    }

    public BpeTokenizer Run(int vocabSize, int minPairFrequency)
    {
        if (vocabSize < _tokens.Count)
            throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize,
                $"vocabSize {vocabSize} is smaller than the {_tokens.Count} special tokens and distinct characters the training text already needs.");
        while (_tokens.Count < vocabSize)
        {
            var best = MostFrequentPair();
            if (best is not (long pair, long count) || count < minPairFrequency) break;
            Merge(pair);
        }
        return new BpeTokenizer(new Vocabulary(_tokens), _specials, _merges);
    }

    /// <summary>Highest count; among equal counts, the pair whose (left, right) strings sort first.</summary>
    (long Pair, long Count)? MostFrequentPair()
    {
        long bestPair = 0, bestCount = 0;
        foreach (var (pair, count) in _pairCounts)
        {
            if (count > bestCount || (count == bestCount && count > 0 && SortsBefore(pair, bestPair)))
                (bestPair, bestCount) = (pair, count);
        }
        return bestCount > 0 ? (bestPair, bestCount) : null;
    }

    bool SortsBefore(long a, long b)
    {
        var (aLeft, aRight) = Unpack(a);
        var (bLeft, bRight) = Unpack(b);
        int byLeft = string.CompareOrdinal(_tokens[aLeft], _tokens[bLeft]);
        return byLeft != 0 ? byLeft < 0 : string.CompareOrdinal(_tokens[aRight], _tokens[bRight]) < 0;
    }

    void Merge(long pair)
    {
        var (left, right) = Unpack(pair);
        string mergedText = _tokens[left] + _tokens[right];
        // Two different merges can spell the same string ("a"+"bc", "ab"+"c"): one token serves both.
        int merged = _idOf.TryGetValue(mergedText, out int existing) ? existing : AddToken(mergedText);
        _merges.Add((_tokens[left], _tokens[right]));

        foreach (int w in _wordsWithPair[pair].ToArray())
        {
            AddPairs(w, -1);
            var symbols = _words[w];
            var next = new List<int>(symbols.Count);
            for (int i = 0; i < symbols.Count; i++)
            {
                if (i + 1 < symbols.Count && symbols[i] == left && symbols[i + 1] == right) { next.Add(merged); i++; }
                else next.Add(symbols[i]);
            }
            _words[w] = next;
            AddPairs(w, +1);
        }
    }

    /// <summary>Adds (sign +1) or removes (sign -1) the adjacent pairs of word <paramref name="w"/> from the counts.</summary>
    void AddPairs(int w, int sign)
    {
        var symbols = _words[w];
        long count = _wordCounts[w] * sign;
        for (int i = 0; i + 1 < symbols.Count; i++)
        {
            long pair = BpeTokenizer.Pack(symbols[i], symbols[i + 1]);
            long updated = _pairCounts.GetValueOrDefault(pair) + count;
            if (updated == 0)
            {
                _pairCounts.Remove(pair);
                _wordsWithPair.Remove(pair);
                continue;
            }
            _pairCounts[pair] = updated;
            if (sign > 0)
            {
                if (!_wordsWithPair.TryGetValue(pair, out var words)) _wordsWithPair[pair] = words = new HashSet<int>();
                words.Add(w);
            }
        }
    }

    int AddToken(string token)
    {
        _idOf[token] = _tokens.Count;
        _tokens.Add(token);
        return _tokens.Count - 1;
    }

    static (int Left, int Right) Unpack(long pair) => ((int)(pair >> 32), (int)(uint)pair);
}

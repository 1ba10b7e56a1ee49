namespace GenAI.Text;

/// <summary>
/// What every tokenizer shares: a vocabulary whose first entries are the special tokens,
/// encoding text to ids (with the special tokens written in the text recognised as such),
/// decoding ids back to text, and saving to a file. Subclasses only decide how a stretch of
/// plain text is cut into vocabulary entries and how entries are glued back together.
/// </summary>
public abstract class Tokenizer
{
    readonly string[] _specialsLongestFirst;

    protected Tokenizer(Vocabulary vocabulary, SpecialTokens specials)
    {
        Vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        Specials = specials ?? throw new ArgumentNullException(nameof(specials));
        foreach (var special in specials.Distinct())
        {
            if (!vocabulary.Contains(special))
                throw new ArgumentException($"Special token '{Vocabulary.Escape(special)}' is missing from the vocabulary.", nameof(vocabulary));
        }
        PadId = IdOrNull(specials.Pad);
        UnkId = IdOrNull(specials.Unk);
        BosId = IdOrNull(specials.Bos);
        EosId = IdOrNull(specials.Eos);
        MaskId = IdOrNull(specials.Mask);
        // Longest first so that, should one special contain another, the longer one wins.
        _specialsLongestFirst = specials.Distinct().OrderByDescending(s => s.Length).ToArray();
    }

    long? IdOrNull(string? token) => token is null ? null : Vocabulary.IdOf(token);

    /// <summary>"char", "word" or "bpe": written to saved files so that <see cref="Load"/> knows what to build.</summary>
    public abstract string Kind { get; }

    public Vocabulary Vocabulary { get; }
    public SpecialTokens Specials { get; }

    /// <summary>Number of distinct ids this tokenizer produces (embedding table rows).</summary>
    public int VocabSize => Vocabulary.Count;

    public long? PadId { get; }
    public long? UnkId { get; }
    public long? BosId { get; }
    public long? EosId { get; }
    public long? MaskId { get; }

    /// <summary>True for the ids of the special tokens.</summary>
    public bool IsSpecial(long id) => id == PadId || id == UnkId || id == BosId || id == EosId || id == MaskId;

    /// <summary>
    /// Text to token ids. <paramref name="addBos"/>/<paramref name="addEos"/> frame the sequence with the
    /// begin/end tokens; special tokens spelled out in the text ("&lt;mask&gt;") become their ids unless
    /// <paramref name="parseSpecialTokens"/> is false.
    /// </summary>
    public long[] Encode(string text, bool addBos = false, bool addEos = false, bool parseSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<long>(text.Length / 3 + 2);
        if (addBos) ids.Add(BosId ?? throw MissingRole("begin-of-sequence (Bos)", nameof(addBos)));
        // Next known position of each special token in the text (int.MinValue = not searched yet,
        // -1 = absent from here on), so that each special is searched for once per occurrence
        // rather than once per special token found: linear time however many specials the text has.
        var nextAt = new int[_specialsLongestFirst.Length];
        Array.Fill(nextAt, int.MinValue);
        int start = 0;
        while (start < text.Length)
        {
            var (at, special) = parseSpecialTokens ? NextSpecial(text, start, nextAt) : (-1, null);
            int end = at < 0 ? text.Length : at;
            if (end > start) EncodeSegment(text.Substring(start, end - start), ids);
            if (at < 0) break;
            ids.Add(Vocabulary.IdOf(special!));
            start = at + special!.Length;
        }
        if (addEos) ids.Add(EosId ?? throw MissingRole("end-of-sequence (Eos)", nameof(addEos)));
        return ids.ToArray();
    }

    /// <summary>Encodes each text on its own (one id array per text).</summary>
    public long[][] EncodeAll(IEnumerable<string> texts, bool addBos = false, bool addEos = false) =>
        texts.Select(t => Encode(t, addBos, addEos)).ToArray();

    /// <summary>The vocabulary entries that <see cref="Encode"/> produces, as strings (handy for showing a split).</summary>
    public IReadOnlyList<string> Tokenize(string text, bool parseSpecialTokens = true) =>
        Encode(text, parseSpecialTokens: parseSpecialTokens).Select(id => Vocabulary[id]).ToArray();

    /// <summary>Ids back to text. With <paramref name="skipSpecialTokens"/> the pad/bos/eos/mask/unk ids are dropped.</summary>
    public string Decode(IEnumerable<long> ids, bool skipSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var tokens = new List<string>();
        foreach (long id in ids)
        {
            string token = Vocabulary[id]; // throws naming the id when it is out of range
            if (skipSpecialTokens && IsSpecial(id)) continue;
            tokens.Add(token);
        }
        return Join(tokens);
    }

    /// <summary>Convenience overload for int ids.</summary>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false) =>
        Decode(ids.Select(i => (long)i), skipSpecialTokens);

    /// <summary>Writes vocabulary, special tokens and (for BPE) merges to a JSON file that <see cref="Load"/> reads back.</summary>
    public void Save(string path) => TokenizerFile.Save(this, path);

    /// <summary>Reads a tokenizer saved by <see cref="Save"/>, whatever its kind.</summary>
    public static Tokenizer Load(string path) => TokenizerFile.Load(path);

    /// <summary>Cut a stretch of text that contains no special tokens into ids, appending to <paramref name="ids"/>.</summary>
    protected abstract void EncodeSegment(string segment, List<long> ids);

    /// <summary>Glue decoded vocabulary entries back into text.</summary>
    protected abstract string Join(IReadOnlyList<string> tokens);

    /// <summary>A one-line summary for notebooks: kind, size and the first few tokens.</summary>
    public override string ToString()
    {
        const int shown = 12;
        var first = Vocabulary.Tokens.Take(shown).Select(t => "'" + Vocabulary.Escape(t) + "'");
        string more = VocabSize > shown ? ", ..." : "";
        return $"{GetType().Name} ({Kind}, {VocabSize} tokens: {string.Join(", ", first)}{more})";
    }

    /// <summary>The id of a piece of text, or the unknown token's id; without an unknown token, a clear error.</summary>
    protected long IdOrUnknown(string piece)
    {
        if (Vocabulary.TryGetId(piece, out int id)) return id;
        if (UnkId is long unk) return unk;
        throw new ArgumentException(
            $"'{Vocabulary.Escape(piece)}' is not in the {Kind} tokenizer's vocabulary and the tokenizer has no unknown token (Unk) to stand in for it.");
    }

    (int At, string? Special) NextSpecial(string text, int start, int[] nextAt)
    {
        int best = -1;
        string? bestToken = null;
        for (int i = 0; i < _specialsLongestFirst.Length; i++)
        {
            if (nextAt[i] != -1 && nextAt[i] < start)
                nextAt[i] = text.IndexOf(_specialsLongestFirst[i], start, StringComparison.Ordinal);
            int at = nextAt[i];
            if (at >= 0 && (best < 0 || at < best)) { best = at; bestToken = _specialsLongestFirst[i]; }
        }
        return (best, bestToken);
    }

    InvalidOperationException MissingRole(string role, string parameter) =>
        new($"{parameter} was requested but this tokenizer has no {role} token; give one in its SpecialTokens.");
}

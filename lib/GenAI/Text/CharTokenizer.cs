using System.Text;

namespace GenAI.Text;

/// <summary>
/// One token per character (per Unicode scalar value, so an emoji is one token, not two UTF-16
/// halves). The vocabulary is the special tokens followed by every character seen in training,
/// in code-point order. Tiny vocabulary, long sequences: the tokenizer of the names models.
/// </summary>
public sealed class CharTokenizer : Tokenizer
{
    // Code point -> id, so that encoding a megabyte of text does no string allocation per character.
    readonly Dictionary<int, long> _idOfCodePoint = new();

    public CharTokenizer(Vocabulary vocabulary, SpecialTokens specials) : base(vocabulary, specials)
    {
        var special = new HashSet<string>(specials.Distinct(), StringComparer.Ordinal);
        for (int id = 0; id < vocabulary.Count; id++)
        {
            string token = vocabulary[id];
            if (special.Contains(token)) continue;
            if (!Rune.TryGetRuneAt(token, 0, out var rune) || rune.Utf16SequenceLength != token.Length)
                throw new ArgumentException($"Character vocabulary entry {id} ('{Vocabulary.Escape(token)}') is not a single character.", nameof(vocabulary));
            _idOfCodePoint[rune.Value] = id;
        }
    }

    public override string Kind => "char";

    /// <summary>Learns the character set of <paramref name="texts"/>.</summary>
    public static CharTokenizer Train(IEnumerable<string> texts, SpecialTokens? specials = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        specials ??= SpecialTokens.Default;
        var reserved = specials.Distinct();
        var seen = new SortedSet<int>();
        foreach (var text in texts)
            foreach (var rune in text.EnumerateRunes())
                seen.Add(rune.Value);
        var tokens = new List<string>(reserved);
        foreach (int codePoint in seen)
        {
            string character = char.ConvertFromUtf32(codePoint);
            // A character that is itself a special token (the "." boundary) keeps its special id.
            if (!tokens.Contains(character)) tokens.Add(character);
        }
        return new CharTokenizer(new Vocabulary(tokens), specials);
    }

    /// <summary>Learns the character set of one text.</summary>
    public static CharTokenizer Train(string text, SpecialTokens? specials = null) => Train([text], specials);

    protected override void EncodeSegment(string segment, List<long> ids)
    {
        foreach (var rune in segment.EnumerateRunes())
            ids.Add(_idOfCodePoint.TryGetValue(rune.Value, out long id) ? id : IdOrUnknown(rune.ToString()));
    }

    protected override string Join(IReadOnlyList<string> tokens) => string.Concat(tokens);
}

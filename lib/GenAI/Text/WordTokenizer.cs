using System.Text;
using System.Text.RegularExpressions;

namespace GenAI.Text;

/// <summary>
/// One token per word or punctuation mark. The vocabulary keeps the most frequent words of the
/// training text (optionally only those seen at least <c>minFrequency</c> times); everything
/// else becomes the unknown token, which is the classic weakness subword tokenizers fix.
/// Decoding puts single spaces between words, so it does not restore the original spacing.
/// </summary>
public sealed partial class WordTokenizer : Tokenizer
{
    // A word is letters (with inner apostrophes: "don't", "Elizabeth's"), a number is digits,
    // and every other non-space character is a token on its own.
    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*(?:'[\p{L}\p{M}]+)*|\p{Nd}+|[^\s\p{L}\p{Nd}]")]
    private static partial Regex WordPattern();

    public WordTokenizer(Vocabulary vocabulary, SpecialTokens specials, bool lowercase = true) : base(vocabulary, specials)
    {
        Lowercase = lowercase;
    }

    public override string Kind => "word";

    /// <summary>Whether text is lower-cased before lookup ("The" and "the" are one token).</summary>
    public bool Lowercase { get; }

    /// <summary>The words and punctuation marks of <paramref name="text"/> before any vocabulary lookup.</summary>
    public static IEnumerable<string> SplitWords(string text, bool lowercase = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (lowercase) text = text.ToLowerInvariant();
        foreach (Match match in WordPattern().Matches(text)) yield return match.Value;
    }

    /// <summary>
    /// Builds the vocabulary from <paramref name="texts"/>: special tokens, then words by falling
    /// frequency (ties in ordinal order, so the result never depends on hash order), keeping at most
    /// <paramref name="maxVocabSize"/> entries in all and only words seen <paramref name="minFrequency"/> times or more.
    /// </summary>
    public static WordTokenizer Train(IEnumerable<string> texts, SpecialTokens? specials = null, int minFrequency = 1, int? maxVocabSize = null, bool lowercase = true)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (minFrequency < 1) throw new ArgumentOutOfRangeException(nameof(minFrequency), minFrequency, "minFrequency must be at least 1.");
        specials ??= SpecialTokens.Default;
        var reserved = specials.Distinct();
        if (maxVocabSize is int cap && cap < reserved.Count)
            throw new ArgumentOutOfRangeException(nameof(maxVocabSize), cap, $"maxVocabSize must leave room for the {reserved.Count} special tokens.");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var word in SplitWords(text, lowercase))
                counts[word] = counts.GetValueOrDefault(word) + 1;
        var words = counts
            .Where(pair => pair.Value >= minFrequency && !reserved.Contains(pair.Key))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key);
        if (maxVocabSize is int max) words = words.Take(max - reserved.Count);
        return new WordTokenizer(new Vocabulary(reserved.Concat(words)), specials, lowercase);
    }

    /// <summary>Builds the vocabulary from one text.</summary>
    public static WordTokenizer Train(string text, SpecialTokens? specials = null, int minFrequency = 1, int? maxVocabSize = null, bool lowercase = true) =>
        Train([text], specials, minFrequency, maxVocabSize, lowercase);

    protected override void EncodeSegment(string segment, List<long> ids)
    {
        foreach (var word in SplitWords(segment, Lowercase)) ids.Add(IdOrUnknown(word));
    }

    protected override string Join(IReadOnlyList<string> tokens)
    {
        var text = new StringBuilder();
        for (int i = 0; i < tokens.Count; i++)
        {
            bool glueToPrevious = i == 0 || IsClosing(tokens[i]) || IsOpening(tokens[i - 1]);
            if (!glueToPrevious) text.Append(' ');
            text.Append(tokens[i]);
        }
        return text.ToString();
    }

    static bool IsClosing(string token) => token is "." or "," or ";" or ":" or "!" or "?" or ")" or "]" or "}";
    static bool IsOpening(string token) => token is "(" or "[" or "{";
}

namespace GenAI.Data;

/// <summary>A source sentence and its one right translation.</summary>
public sealed record TranslationPair(string Source, string Target);

/// <summary>
/// Digit strings read aloud, translated back into digits: "four seven one" -> "471". Unlike a date,
/// which carries the same few facts however it is written, the information here grows with the
/// length: n digits are n independent choices, so an encoder that must squeeze the source into one
/// fixed vector runs out of room as n grows. The same seed gives the same pairs.
/// </summary>
public static class SpelledDigits
{
    static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary><paramref name="count"/> pairs with a length drawn uniformly from <paramref name="minDigits"/>..<paramref name="maxDigits"/>.</summary>
    public static IReadOnlyList<TranslationPair> Generate(int count, int seed, int minDigits = 1, int maxDigits = 10)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        if (minDigits < 1)
            throw new ArgumentOutOfRangeException(nameof(minDigits), minDigits, $"Need 1 <= minDigits <= maxDigits; got {minDigits} and {maxDigits}.");
        if (maxDigits < minDigits)
            throw new ArgumentOutOfRangeException(nameof(maxDigits), maxDigits, $"Need 1 <= minDigits <= maxDigits; got {minDigits} and {maxDigits}.");
        var random = new Random(seed);
        var pairs = new List<TranslationPair>(count);
        for (int i = 0; i < count; i++)
        {
            var digits = Enumerable.Range(0, random.Next(minDigits, maxDigits + 1)).Select(_ => random.Next(10)).ToList();
            pairs.Add(new TranslationPair(Spell(digits), string.Concat(digits)));
        }
        return pairs;
    }

    /// <summary>The digits as words separated by spaces: [4, 7, 1] -> "four seven one".</summary>
    public static string Spell(IEnumerable<int> digits) =>
        string.Join(' ', digits.Select(d => d is >= 0 and <= 9 ? Words[d] : throw new ArgumentOutOfRangeException(nameof(digits), d, "Digits are 0..9.")));
}

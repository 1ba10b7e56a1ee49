using GenAI.Text;

namespace GenAI.Exercises;

/// <summary>Notebook 04's exercise: the pair byte-pair encoding merges first.</summary>
public static class Notebook04Exercises
{
    /// <summary>
    /// The most frequent pair of neighbouring characters in a corpus given as word counts: every adjacent pair
    /// inside a word counts as often as the word occurs, pairs never cross from one word to the next, and among
    /// equally frequent pairs the one whose (left, right) sorts first (ordinal) wins, as in <see cref="BpeTokenizer"/>.
    /// </summary>
    public static ExerciseResult CheckMostFrequentPair(Func<IReadOnlyDictionary<string, long>, (string Left, string Right)> mostFrequentPair) =>
        Exercise.Check("the most frequent pair", mostFrequentPair, MostFrequentPair,
            (expected, actual) => Answers.Strings(Show(expected), Show(actual)), Cases, Mistakes);

    /// <summary>
    /// The reference: the first merge the library's <see cref="BpeTokenizer.TrainOnWordCounts"/> learns when its
    /// vocabulary may grow by exactly one token past the corpus's characters.
    /// </summary>
    public static (string Left, string Right) MostFrequentPair(IReadOnlyDictionary<string, long> wordCounts)
    {
        int characters = wordCounts.Keys.SelectMany(w => w.EnumerateRunes()).Distinct().Count();
        var bpe = BpeTokenizer.TrainOnWordCounts(wordCounts, characters + 1, SpecialTokens.None, minPairFrequency: 1);
        if (bpe.Merges.Count == 0) throw new ArgumentException("the corpus has no word of two characters or more, so no pair.", nameof(wordCounts));
        return bpe.Merges[0];
    }

    static string Show((string Left, string Right) pair) => pair.Left + " + " + pair.Right;

    static readonly ExerciseCase<IReadOnlyDictionary<string, long>>[] Cases =
    [
        new("the words hug ×1, mug ×1, pun ×9 (\"p\"+\"u\" and \"u\"+\"n\" both occur 9 times; \"p\" sorts first)",
            () => new Dictionary<string, long> { ["hug"] = 1, ["mug"] = 1, ["pun"] = 9 }),
        new("the words low ×5, lower ×2, newest ×6, widest ×3 (\"e\"+\"s\" and \"s\"+\"t\" both 9 times)",
            () => new Dictionary<string, long> { ["low"] = 5, ["lower"] = 2, ["newest"] = 6, ["widest"] = 3 }),
        new("the words a ×5, to ×2, be ×1 (a one-letter word has no pair; \"t\"+\"o\" occurs twice)",
            () => new Dictionary<string, long> { ["a"] = 5, ["to"] = 2, ["be"] = 1 }),
        new("40 random words of the letters a to d with random counts (seed 1)", RandomWords),
    ];

    static IReadOnlyDictionary<string, long> RandomWords()
    {
        var letters = ExerciseInputs.Integers(1, 4, 40, 6).data<long>().ToArray();
        var lengths = ExerciseInputs.Integers(2, 6, 40).data<long>().ToArray();
        var counts = ExerciseInputs.Integers(3, 20, 40).data<long>().ToArray();
        var words = new Dictionary<string, long>();
        for (int w = 0; w < 40; w++)
        {
            var word = string.Concat(Enumerable.Range(0, (int)lengths[w] + 1).Select(i => (char)('a' + letters[w * 6 + i])));
            words[word] = words.GetValueOrDefault(word) + counts[w] + 1;
        }
        return words;
    }

    /// <summary>The pairs of each word with the weight a mistake gives them, then the usual pick.</summary>
    static (string, string) Pick(IEnumerable<(string Word, long Count)> words, bool firstOnTies = true)
    {
        var counts = new Dictionary<(string, string), long>();
        foreach (var (word, count) in words)
            for (int i = 0; i + 1 < word.Length; i++)
                counts[(word[i].ToString(), word[i + 1].ToString())] = counts.GetValueOrDefault((word[i].ToString(), word[i + 1].ToString())) + count;
        var ordered = counts.OrderByDescending(p => p.Value);
        var tied = firstOnTies
            ? ordered.ThenBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
            : ordered.ThenByDescending(p => p.Key.Item1, StringComparer.Ordinal).ThenByDescending(p => p.Key.Item2, StringComparer.Ordinal);
        return tied.First().Key;
    }

    static readonly ExerciseMistake<IReadOnlyDictionary<string, long>, (string Left, string Right)>[] Mistakes =
    [
        new("this is the pair found in the most distinct words: a pair counts as often as its word occurs, so add the word's count, not 1.",
            words => Pick(words.Select(p => (p.Key, 1L)))),
        new("this is the tie broken the other way: among equally frequent pairs take the one that sorts first (by Left, then Right, with StringComparer.Ordinal).",
            words => Pick(words.Select(p => (p.Key, p.Value)), firstOnTies: false)),
        new("this counts pairs across word boundaries (the words run together): only neighbours inside one word form a pair.",
            words => Pick([(string.Concat(words.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => Enumerable.Repeat(p.Key, (int)p.Value))), 1L)])),
    ];
}

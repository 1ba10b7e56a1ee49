using GenAI.Exercises;

namespace GenAI.Tests.Exercises;

public sealed class Notebook04ExercisesTests
{
    [Fact]
    public void The_reference_weights_pairs_by_word_counts_breaks_ties_by_order_and_passes()
    {
        // hug ×10, pug ×5, pun ×12, bun ×4, hugs ×5: h+u 15, u+g 20, p+u 17, u+n 16, b+u 4, g+s 5.
        var pair = Notebook04Exercises.MostFrequentPair(new Dictionary<string, long> { ["hug"] = 10, ["pug"] = 5, ["pun"] = 12, ["bun"] = 4, ["hugs"] = 5 });
        Assert.Equal(("u", "g"), pair);
        // low ×5, lower ×2, newest ×6, widest ×3: e+s and s+t both 9; e sorts before s.
        Assert.Equal(("e", "s"), Notebook04Exercises.MostFrequentPair(new Dictionary<string, long> { ["low"] = 5, ["lower"] = 2, ["newest"] = 6, ["widest"] = 3 }));
        Assert.True(Notebook04Exercises.CheckMostFrequentPair(Notebook04Exercises.MostFrequentPair).Passed);
    }

    [Theory]
    [InlineData("unweighted", "On the words hug ×1, mug ×1, pun ×9", "the most distinct words")]
    [InlineData("last-on-ties", "On the words hug ×1, mug ×1, pun ×9", "the tie broken the other way")]
    [InlineData("across-words", "On the words a ×5, to ×2, be ×1", "across word boundaries")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string where, string hint)
    {
        (string, string) Answer(IReadOnlyDictionary<string, long> wordCounts)
        {
            var words = mistake == "across-words"
                ? [(string.Join("", wordCounts.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => Enumerable.Repeat(p.Key, (int)p.Value))), 1L)]
                : wordCounts.Select(p => (Word: p.Key, Count: mistake == "unweighted" ? 1L : p.Value)).ToList();
            var pairs = new Dictionary<string, long>();
            foreach (var (word, count) in words)
                for (int i = 1; i < word.Length; i++)
                    pairs[word.Substring(i - 1, 2)] = pairs.GetValueOrDefault(word.Substring(i - 1, 2)) + count;
            long top = pairs.Values.Max();
            var tied = pairs.Where(p => p.Value == top).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
            var best = mistake == "last-on-ties" ? tied[^1] : tied[0];
            return (best[..1], best[1..]);
        }
        var result = Notebook04Exercises.CheckMostFrequentPair(Answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith(where, result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Swapping_left_and_right_says_what_was_returned()
    {
        var result = Notebook04Exercises.CheckMostFrequentPair(words => { var (l, r) = Notebook04Exercises.MostFrequentPair(words); return (r, l); });
        Assert.Equal("On the words hug ×1, mug ×1, pun ×9 (\"p\"+\"u\" and \"u\"+\"n\" both occur 9 times; \"p\" sorts first), you returned \"u + p\", expected \"p + u\".", result.Message);
    }
}

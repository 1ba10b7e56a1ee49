using GenAI.Text;

namespace GenAI.Tests.Text;

public class NGramCountsTests
{
    static readonly string[] Words = "the cat sat on the mat the cat ran".Split(' ');

    [Fact]
    public void Counts_unigrams_and_bigrams_by_hand()
    {
        var unigrams = NGramCounts.Count(Words, 1);
        Assert.Equal(9, unigrams.Total);
        Assert.Equal(6, unigrams.Distinct); // the cat sat on mat ran
        Assert.Equal(3, unigrams["the"]);
        Assert.Equal(2, unigrams["cat"]);
        Assert.Equal(0, unigrams["dog"]);

        var bigrams = NGramCounts.Count(Words, 2);
        // the-cat, cat-sat, sat-on, on-the, the-mat, mat-the, the-cat, cat-ran
        Assert.Equal(8, bigrams.Total);
        Assert.Equal(7, bigrams.Distinct);
        Assert.Equal(2, bigrams["the", "cat"]);
        Assert.Equal(1, bigrams["mat", "the"]);
        Assert.Equal(0, bigrams["cat", "the"]);
        Assert.Equal(2.0 / 8, bigrams.Frequency("the", "cat"));
    }

    [Fact]
    public void Most_common_is_sorted_by_count_then_tokens()
    {
        var bigrams = NGramCounts.Count(Words, 2);
        var top = bigrams.MostCommon(3);
        Assert.Equal(["the", "cat"], top[0].Gram);
        Assert.Equal(2, top[0].Count);
        Assert.Equal(["cat", "ran"], top[1].Gram); // count 1, and "cat ran" < "cat sat" < "mat the" ...
        Assert.Equal(["cat", "sat"], top[2].Gram);
    }

    [Fact]
    public void Grams_do_not_span_two_sequences()
    {
        var bigrams = NGramCounts.Count([["a", "b"], ["c", "d"]], 2);
        Assert.Equal(2, bigrams.Total);
        Assert.Equal(0, bigrams["b", "c"]);
    }

    [Fact]
    public void Character_trigrams_of_a_word()
    {
        var trigrams = NGramCounts.Count("banana".Select(c => c.ToString()), 3);
        // ban, ana, nan, ana
        Assert.Equal(4, trigrams.Total);
        Assert.Equal(2, trigrams["a", "n", "a"]);
    }

    [Fact]
    public void Asking_with_the_wrong_length_is_an_error()
    {
        var bigrams = NGramCounts.Count(Words, 2);
        var error = Assert.Throws<ArgumentException>(() => bigrams["the"]);
        Assert.Contains("2-gram", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => NGramCounts.Count(Words, 0));
    }
}

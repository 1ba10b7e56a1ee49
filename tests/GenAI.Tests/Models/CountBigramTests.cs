using GenAI.Text;
using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class CountBigramTests
{
    // Vocabulary: 0 = '.', 1 = 'a', 2 = 'b'. Corpus "ab", "a", "ba" framed by '.':
    // . a b .   . a .   . b a .   ->  pairs .a ab b.  .a a.  .b ba a.
    static NextTokenExamples Corpus() => NextTokenExamples.Build([[1, 2], [1], [2, 1]], contextLength: 1, boundaryToken: 0);

    [Fact]
    public void CountsMatchAHandCount()
    {
        using var examples = Corpus();
        using var model = CountBigram.Fit(examples, vocabSize: 3);
        Assert.Equal(new long[]
        {
            // next:  .  a  b
            /* . */   0, 2, 1,
            /* a */   2, 0, 1,
            /* b */   1, 1, 0,
        }, model.Counts.data<long>().ToArray());
    }

    [Fact]
    public void ProbabilitiesAreSmoothedRowNormalisedCounts()
    {
        using var examples = Corpus();
        using var model = CountBigram.Fit(examples, vocabSize: 3, smoothing: 1.0);
        // Row '.': counts 0 2 1 plus one each = 1 3 2, over 6.
        var p = model.Probabilities.to(ScalarType.Float64).data<double>().ToArray();
        Assert.Equal(1 / 6.0, p[0], 6);
        Assert.Equal(3 / 6.0, p[1], 6);
        Assert.Equal(2 / 6.0, p[2], 6);
        // Row 'b': 1 1 0 -> 2 2 1 over 5.
        Assert.Equal(1 / 5.0, p[8], 6);
        using var rowSums = model.Probabilities.sum(1);
        Assert.All(rowSums.data<float>().ToArray(), s => Assert.Equal(1.0, s, 5));
    }

    [Fact]
    public void NllWithoutSmoothingMatchesAHandComputation()
    {
        using var examples = Corpus();
        using var model = CountBigram.Fit(examples, vocabSize: 3, smoothing: 0);
        // P(.a)=2/3 twice, P(.b)=1/3, P(a.)=2/3 twice, P(ab)=1/3, P(b.)=1/2, P(ba)=1/2, over 8 pairs.
        double expected = -(4 * Math.Log(2 / 3.0) + 2 * Math.Log(1 / 3.0) + 2 * Math.Log(1 / 2.0)) / 8;
        Assert.Equal(expected, model.NegativeLogLikelihood(examples), 6);
    }

    [Fact]
    public void SmoothingRaisesTrainingNllButRemovesZeroProbabilities()
    {
        using var examples = Corpus();
        using var raw = CountBigram.Fit(examples, 3, smoothing: 0);
        using var smooth = CountBigram.Fit(examples, 3, smoothing: 1);
        Assert.True(smooth.NegativeLogLikelihood(examples) > raw.NegativeLogLikelihood(examples));
        using var unseen = NextTokenExamples.Build([[1, 1]], 1, 0); // "aa" never occurred
        Assert.True(double.IsPositiveInfinity(raw.NegativeLogLikelihood(unseen)));
        Assert.True(double.IsFinite(smooth.NegativeLogLikelihood(unseen)));
    }

    [Fact]
    public void SamplesFollowTheTableAndAreReproducible()
    {
        // Unsmoothed, the only sequences this corpus allows are a, b, ab, ba, aba, bab, ...
        // and no token ever follows itself.
        using var examples = Corpus();
        using var model = CountBigram.Fit(examples, 3, smoothing: 0);
        using var g1 = new Generator(11);
        using var g2 = new Generator(11);
        for (int i = 0; i < 50; i++)
        {
            var s = model.Sample(boundaryToken: 0, maxLength: 20, generator: g1);
            Assert.Equal(s, model.Sample(0, 20, g2));
            Assert.NotEmpty(s);
            for (int t = 1; t < s.Count; t++) Assert.NotEqual(s[t - 1], s[t]);
        }
    }

    [Fact]
    public void TokenIdsOutsideTheVocabularyAreAClearError()
    {
        using var current = tensor(new long[] { 0, 1 });
        using var next = tensor(new long[] { 1, 5 });
        var e = Assert.Throws<ArgumentException>(() => CountBigram.Fit(current, next, vocabSize: 3));
        Assert.Contains("[1, 5]", e.Message);
        Assert.Contains("vocabSize is 3", e.Message);
    }

    [Fact]
    public void NllOfExamplesWithLongerContextsIsAClearError()
    {
        using var pairs = NextTokenExamples.Build([[1, 2, 3]], contextLength: 1, boundaryToken: 0);
        using var trigrams = NextTokenExamples.Build([[1, 2, 3]], contextLength: 2, boundaryToken: 0);
        using var model = CountBigram.Fit(pairs, vocabSize: 4);
        var e = Assert.Throws<ArgumentException>(() => model.NegativeLogLikelihood(trigrams));
        Assert.Equal("bigrams", e.ParamName);
        Assert.StartsWith("A bigram model needs examples with context length 1 (contexts [N, 1]); got context length 2 (contexts [4, 2]).", e.Message);
        // Fitting on them is refused the same way.
        Assert.Equal(e.Message, Assert.Throws<ArgumentException>(() => CountBigram.Fit(trigrams, vocabSize: 4)).Message);
    }
}

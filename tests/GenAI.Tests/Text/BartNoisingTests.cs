using GenAI.Text;

namespace GenAI.Tests.Text;

public class BartNoisingTests
{
    const long M = 99;
    static readonly long[] Doc = [10, 11, 12, 13, 14, 15, 16, 17];

    [Fact]
    public void InfillingReplacesEachSpanByOneMaskAndAZeroLengthSpanInsertsOne()
    {
        // spans (2, 3) covers 12 13 14; (6, 0) inserts a mask before 16
        var noised = BartNoising.TextInfilling(Doc, [(2, 3), (6, 0)], M);
        Assert.Equal(new long[] { 10, 11, M, 15, M, 16, 17 }, noised);
    }

    [Fact]
    public void RandomInfillingCoversAboutTheRatioWithPoissonSpans()
    {
        var doc = Enumerable.Range(100, 200).Select(i => (long)i).ToArray();
        var (tokens, spans) = BartNoising.TextInfilling(doc, M, new Random(3), ratio: 0.3, lambda: 3);
        Assert.Equal(60, spans.Sum(s => s.Length));
        Assert.Equal(spans.Count, tokens.Count(t => t == M));
        Assert.Equal(200 - 60 + spans.Count, tokens.Length);
        // the same call by hand from the spans
        Assert.Equal(BartNoising.TextInfilling(doc, spans, M), tokens);
    }

    [Fact]
    public void PoissonDrawsHaveMeanAndVarianceLambda()
    {
        var r = new Random(1);
        var draws = Enumerable.Range(0, 20000).Select(_ => (double)BartNoising.Poisson(3, r)).ToArray();
        double mean = draws.Average(), variance = draws.Select(d => (d - mean) * (d - mean)).Average();
        Assert.InRange(mean, 2.9, 3.1);
        Assert.InRange(variance, 2.8, 3.2);
        Assert.InRange(draws.Count(d => d == 0) / 20000.0, 0.04, 0.06);   // e^-3 = 0.0498
    }

    [Fact]
    public void SentencePermutationByHand()
    {
        // sentences end with 0: [1 2 0] [3 0] [4 5 6 0] [7]
        long[] doc = [1, 2, 0, 3, 0, 4, 5, 6, 0, 7];
        Assert.Equal(new long[] { 4, 5, 6, 0, 7, 1, 2, 0, 3, 0 }, BartNoising.SentencePermutation(doc, [0L], [2, 3, 0, 1]));
        var shuffled = BartNoising.SentencePermutation(doc, [0L], new Random(4));
        Assert.Equal(doc.OrderBy(t => t), shuffled.OrderBy(t => t));
        Assert.Contains("permutation", Assert.Throws<ArgumentException>(() => BartNoising.SentencePermutation(doc, [0L], [0, 0, 1, 2])).Message);
    }

    [Fact]
    public void DocumentRotationByHand()
    {
        Assert.Equal(new long[] { 13, 14, 15, 16, 17, 10, 11, 12 }, BartNoising.DocumentRotation(Doc, 3));
        var rotated = BartNoising.DocumentRotation(Doc, new Random(2));
        int start = Array.IndexOf(Doc, rotated[0]);
        Assert.Equal(BartNoising.DocumentRotation(Doc, start), rotated);
    }

    [Fact]
    public void MaskingAndDeletionWithAFixedSeed()
    {
        // with Random(0) the first draws decide: the same seed reproduces the same choices
        var masked = BartNoising.TokenMasking(Doc, M, 0.5, new Random(0));
        var r = new Random(0);
        var expected = Doc.Select(t => r.NextDouble() < 0.5 ? M : t).ToArray();
        Assert.Equal(expected, masked);
        Assert.All(masked.Zip(Doc), p => Assert.True(p.First == M || p.First == p.Second));
        var deleted = BartNoising.TokenDeletion(Doc, 0.5, new Random(0));
        // deletion removes exactly the positions masking masked with the same draws
        Assert.Equal(Doc.Where((t, i) => masked[i] != M), deleted);
        Assert.Empty(BartNoising.TokenDeletion(Doc, 1.0, new Random(0)));
        Assert.Equal(Doc, BartNoising.TokenMasking(Doc, M, 0.0, new Random(0)));
    }

    [Fact]
    public void RejectsOverlappingSpans()
    {
        var e = Assert.Throws<ArgumentException>(() => BartNoising.TextInfilling(Doc, [(1, 3), (2, 1)], M));
        Assert.Contains("overlap", e.Message);
    }
}

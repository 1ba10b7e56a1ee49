using GenAI.Sampling;
using static TorchSharp.torch;

namespace GenAI.Tests.Sampling;

public class LogitFiltersTests
{
    static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    static long[] Ranking(Tensor t) => t.argsort(descending: true).data<long>().ToArray();

    [Fact]
    public void TemperatureKeepsTheRankingAndSharpensOrFlattens()
    {
        using var logits = tensor(new double[] { 0.3, 2.0, -1.0, 1.1 });
        var baseline = Ranking(logits);
        double previousTop = 1.0;
        foreach (double t in new[] { 0.25, 0.5, 1.0, 2.0, 4.0 })
        {
            using var scaled = LogitFilters.Temperature(logits, t);
            using var p = scaled.softmax(0);
            Assert.Equal(baseline, Ranking(p));
            double top = p.max().item<double>();
            Assert.True(top < previousTop, $"at T={t} the top probability {top} should be below {previousTop} (higher T = flatter)");
            previousTop = top;
        }
    }

    [Fact]
    public void TemperatureTwoOnLogTwoSpacedLogitsGivesSquareRootSpacing()
    {
        // logits ln 1, ln 4, ln 16 at T = 2 become ln 1, ln 2, ln 4: probabilities 1/7, 2/7, 4/7.
        using var logits = tensor(new double[] { 0, Math.Log(4), Math.Log(16) });
        using var p = LogitFilters.Temperature(logits, 2.0).softmax(0);
        var v = Values(p);
        Assert.Equal(1.0 / 7, v[0], 12);
        Assert.Equal(2.0 / 7, v[1], 12);
        Assert.Equal(4.0 / 7, v[2], 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void NonPositiveTemperatureIsRejected(double t)
    {
        using var logits = zeros(3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogitFilters.Temperature(logits, t));
        Assert.Contains("positive", e.Message);
    }

    [Fact]
    public void TopKKeepsExactlyTheKLargestInPlace()
    {
        using var logits = tensor(new double[] { 1.0, 3.0, 2.0, 0.0, 2.5 });
        using var kept = LogitFilters.TopK(logits, 2);
        var v = Values(kept);
        Assert.Equal(new[] { double.NegativeInfinity, 3.0, double.NegativeInfinity, double.NegativeInfinity, 2.5 }, v);
    }

    [Fact]
    public void TopKWorksRowByRowOnABatch()
    {
        using var logits = tensor(new double[] { 1, 2, 3, 3, 2, 1 }, [2, 3]);
        using var p = LogitFilters.TopK(logits, 1).softmax(-1);
        Assert.Equal(new double[] { 0, 0, 1, 1, 0, 0 }, Values(p));
    }

    [Fact]
    public void TopKLargerThanVocabularyKeepsEverything()
    {
        using var logits = tensor(new double[] { 1, 2, 3 });
        Assert.Equal(new double[] { 1, 2, 3 }, Values(LogitFilters.TopK(logits, 10)));
    }

    // Probabilities 0.15, 0.5, 0.05, 0.3 in shuffled order; sorted: 0.5, 0.3, 0.15, 0.05.
    static Tensor Shuffled() => tensor(new double[] { 0.15, 0.5, 0.05, 0.3 }).log();

    [Theory]
    [InlineData(0.3, new long[] { 1 })]          // the top token alone (0.5) already reaches p
    [InlineData(0.5, new long[] { 1 })]          // exactly reaching p is enough
    [InlineData(0.6, new long[] { 1, 3 })]       // 0.5 < 0.6 <= 0.8
    [InlineData(0.8, new long[] { 1, 3 })]       // 0.5 + 0.3 reaches 0.8 exactly
    [InlineData(0.81, new long[] { 0, 1, 3 })]   // needs 0.15 as well
    [InlineData(0.95, new long[] { 0, 1, 3 })]   // 0.95 reached exactly by three tokens
    [InlineData(0.96, new long[] { 0, 1, 2, 3 })]
    [InlineData(1.0, new long[] { 0, 1, 2, 3 })]
    public void TopPKeepsTheSmallestSetReachingP(double p, long[] expectedKept)
    {
        using var logits = Shuffled();
        using var filtered = LogitFilters.TopP(logits, p);
        var v = Values(filtered);
        var kept = Enumerable.Range(0, v.Length).Where(i => !double.IsNegativeInfinity(v[i])).Select(i => (long)i).ToArray();
        Assert.Equal(expectedKept, kept);
        // Kept tokens keep their logits, so renormalising preserves their ratios.
        foreach (var i in kept) Assert.Equal(Values(logits)[i], v[i], 12);
    }

    [Fact]
    public void TopPOutOfRangeIsRejected()
    {
        using var logits = zeros(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => LogitFilters.TopP(logits, 0.0));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogitFilters.TopP(logits, 1.5));
        Assert.Contains("0 < p <= 1", e.Message);
    }

    [Fact]
    public void FiltersRejectLogitsWithoutAVocabularyDimension()
    {
        using var single = tensor(2.5f);
        using var noTokens = zeros(0);
        foreach (var (logits, shape) in new[] { (single, "[]"), (noTokens, "[0]") })
            foreach (var filter in new Func<Tensor>[] { () => LogitFilters.Temperature(logits, 0.5), () => LogitFilters.TopK(logits, 2), () => LogitFilters.TopP(logits, 0.9) })
            {
                var e = Assert.Throws<ArgumentException>(() => filter());
                Assert.Equal("logits", e.ParamName);
                Assert.StartsWith($"logits must hold one score per vocabulary token in its last dimension, [V] or [B, V] with V >= 1; got shape {shape}.", e.Message);
            }
    }
}

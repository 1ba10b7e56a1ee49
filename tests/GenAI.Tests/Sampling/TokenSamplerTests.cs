using GenAI.Sampling;
using static TorchSharp.torch;

namespace GenAI.Tests.Sampling;

public class TokenSamplerTests
{
    [Fact]
    public void GreedyPicksTheArgmaxOfEachRow()
    {
        using var logits = tensor(new float[] { 0.1f, 2f, -1f, 5f, 0f, 4.9f }, [2, 3]);
        using var picked = TokenSampler.Greedy(logits);
        Assert.Equal(new long[] { 1, 0 }, picked.data<long>().ToArray());
    }

    [Fact]
    public void SeededMultinomialIsReproducible()
    {
        using var logits = tensor(new float[] { 0f, 1f, 2f, 0.5f }).expand(200, 4);
        using var g1 = new Generator(42);
        using var g2 = new Generator(42);
        using var g3 = new Generator(7);
        var a = TokenSampler.Multinomial(logits, g1).data<long>().ToArray();
        var b = TokenSampler.Multinomial(logits, g2).data<long>().ToArray();
        var c = TokenSampler.Multinomial(logits, g3).data<long>().ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void MultinomialFrequenciesApproachTheProbabilities()
    {
        double[] probabilities = [0.1, 0.2, 0.3, 0.4];
        const int draws = 40_000;
        using var logits = tensor(probabilities).log().expand(draws, 4);
        using var g = new Generator(1234);
        var tokens = TokenSampler.Multinomial(logits, g).data<long>().ToArray();
        for (int v = 0; v < 4; v++)
        {
            double frequency = tokens.Count(t => t == v) / (double)draws;
            // The standard error of a frequency here is at most sqrt(0.25 / 40000) = 0.0025; allow 4 of them.
            Assert.True(Math.Abs(frequency - probabilities[v]) < 0.01, $"token {v}: frequency {frequency} vs probability {probabilities[v]}");
        }
    }

    [Fact]
    public void SampleNeverDrawsATokenTheFiltersRemoved()
    {
        using var logits = tensor(new double[] { 0.15, 0.5, 0.05, 0.3 }).log().expand(5000, 4);
        using var g = new Generator(3);
        var tokens = TokenSampler.Sample(logits, new SamplingOptions(Temperature: 1.5, TopK: 3, TopP: 0.6), g).data<long>().ToArray();
        // top-k 3 drops token 2; top-p 0.6 (after T = 1.5 flattens) keeps the top two, tokens 1 and 3.
        Assert.All(tokens, t => Assert.Contains(t, new long[] { 1, 3 }));
        Assert.Contains(1L, tokens);
        Assert.Contains(3L, tokens);
    }

    [Fact]
    public void GreedyOptionIgnoresTheGeneratorAndPicksTheArgmax()
    {
        using var logits = tensor(new double[] { 0.2, 0.1, 0.7 }).log();
        Assert.Equal(2L, TokenSampler.Sample(logits, SamplingOptions.GreedyDecoding).item<long>());
        using var p = TokenSampler.Probabilities(logits, SamplingOptions.GreedyDecoding);
        Assert.Equal(new double[] { 0, 0, 1 }, p.data<double>().ToArray());
    }

    [Fact]
    public void ProbabilitiesShowTheFilteredDistribution()
    {
        // top-k 2 on 0.2 / 0.1 / 0.7 keeps 0.7 and 0.2, renormalised to 7/9 and 2/9.
        using var logits = tensor(new double[] { 0.2, 0.1, 0.7 }).log();
        using var p = TokenSampler.Probabilities(logits, new SamplingOptions(TopK: 2));
        var v = p.data<double>().ToArray();
        Assert.Equal(2.0 / 9, v[0], 12);
        Assert.Equal(0.0, v[1], 12);
        Assert.Equal(7.0 / 9, v[2], 12);
    }

    [Fact]
    public void LogitsWithoutAVocabularyDimensionAreRejectedByEveryEntryPoint()
    {
        // A single score (logits[0, 5] where logits[0] was meant): greedy would return token 0.
        using var single = tensor(2.5f);
        using var noTokens = zeros(2, 0);
        foreach (var (logits, shape) in new[] { (single, "[]"), (noTokens, "[2, 0]") })
        {
            var calls = new Func<Tensor>[]
            {
                () => TokenSampler.Greedy(logits),
                () => TokenSampler.Multinomial(logits),
                () => TokenSampler.Probabilities(logits, SamplingOptions.Multinomial),
                () => TokenSampler.Probabilities(logits, SamplingOptions.GreedyDecoding),
                () => TokenSampler.Sample(logits, SamplingOptions.Multinomial),
                () => TokenSampler.Sample(logits, SamplingOptions.GreedyDecoding),
            };
            foreach (var call in calls)
            {
                var e = Assert.Throws<ArgumentException>(() => call());
                Assert.Equal("logits", e.ParamName);
                Assert.StartsWith($"logits must hold one score per vocabulary token in its last dimension, [V] or [B, V] with V >= 1; got shape {shape}.", e.Message);
            }
        }
    }
}

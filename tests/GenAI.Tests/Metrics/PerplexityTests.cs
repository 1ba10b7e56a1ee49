using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Tests.Metrics;

public class PerplexityTests
{
    [Fact]
    public void ThreeTokenExampleHasPerplexityFour()
    {
        // Probabilities 1/2, 1/4, 1/8: mean NLL = 2 ln 2, so PPL = e^(2 ln 2) = 4,
        // the geometric mean of 2, 4 and 8 ("as unsure as a choice among 4").
        using var p = tensor(new double[] { 0.5, 0.25, 0.125 });
        Assert.Equal(4.0, Perplexity.FromNll(NegativeLogLikelihood.FromTargetProbabilities(p)), 10);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(27)]
    [InlineData(1000)]
    public void UniformModelHasPerplexityEqualToVocabularySize(int vocabSize)
    {
        using var logits = zeros(5, vocabSize); // equal logits = uniform distribution
        using var targets = tensor(new long[] { 0, 1, 1, 0, vocabSize - 1 });
        Assert.Equal(vocabSize, Perplexity.FromLogits(logits, targets), 3);
    }

    [Fact]
    public void PerfectModelHasPerplexityOne()
    {
        using var rows = tensor(new double[] { 1, 0, 0, 0, 0, 1 }, [2, 3]);
        using var targets = tensor(new long[] { 0, 2 });
        Assert.Equal(1.0, Perplexity.FromProbabilities(rows, targets), 12);
    }

    [Fact]
    public void NegativeNllIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Perplexity.FromNll(-0.1));
        Assert.Contains("non-negative", e.Message);
    }
}

using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Tests.Metrics;

public class NegativeLogLikelihoodTests
{
    // Worked example: a model gives the three true tokens probabilities 1/2, 1/4 and 1/8.
    // NLL = -(ln 1/2 + ln 1/4 + ln 1/8) / 3 = (1 + 2 + 3) ln 2 / 3 = 2 ln 2 ≈ 1.386 nats.
    static readonly double TwoLnTwo = 2 * Math.Log(2);

    static Tensor ThreeRows() => tensor(new double[]
    {
        0.50, 0.25, 0.125, 0.125,
        0.25, 0.25, 0.25, 0.25,
        0.125, 0.125, 0.25, 0.50,
    }, [3, 4]);

    static readonly long[] ThreeTargets = [0, 2, 1];

    [Fact]
    public void ThreeTokenExampleByHandFromTargetProbabilities()
    {
        using var p = tensor(new double[] { 0.5, 0.25, 0.125 });
        Assert.Equal(TwoLnTwo, NegativeLogLikelihood.FromTargetProbabilities(p), 12);
    }

    [Fact]
    public void ThreeTokenExampleByHandFromProbabilityRows()
    {
        using var rows = ThreeRows();
        using var targets = tensor(ThreeTargets);
        Assert.Equal(TwoLnTwo, NegativeLogLikelihood.FromProbabilities(rows, targets), 12);
    }

    [Fact]
    public void LogitsGiveTheSameNllAsTheirSoftmaxProbabilities()
    {
        // log-probabilities are valid logits: softmax(log p) = p.
        using var rows = ThreeRows();
        using var logits = rows.log().add(3.0); // a constant shift changes nothing after softmax
        using var targets = tensor(ThreeTargets);
        Assert.Equal(TwoLnTwo, NegativeLogLikelihood.FromLogits(logits, targets), 6);
    }

    [Fact]
    public void PerfectModelHasZeroNll()
    {
        using var rows = tensor(new double[] { 0, 1, 0, 1, 0, 0 }, [2, 3]);
        using var targets = tensor(new long[] { 1, 0 });
        Assert.Equal(0.0, NegativeLogLikelihood.FromProbabilities(rows, targets), 12);
    }

    [Fact]
    public void TargetOutsideTheVocabularyIsAClearError()
    {
        using var logits = zeros(2, 4);
        using var targets = tensor(new long[] { 1, 4 });
        var e = Assert.Throws<ArgumentException>(() => NegativeLogLikelihood.FromLogits(logits, targets));
        Assert.Contains("vocabulary has 4 entries", e.Message);
    }

    [Fact]
    public void MismatchedShapesNameBothShapes()
    {
        using var logits = zeros(3, 4);
        using var targets = tensor(new long[] { 1, 2 });
        var e = Assert.Throws<ArgumentException>(() => NegativeLogLikelihood.FromLogits(logits, targets));
        Assert.Contains("one entry per row of logits (3)", e.Message);
        Assert.Contains("[2]", e.Message);
    }

    [Fact]
    public void FloatTargetsAreRejected()
    {
        using var logits = zeros(2, 4);
        using var targets = tensor(new float[] { 1, 2 });
        var e = Assert.Throws<ArgumentException>(() => NegativeLogLikelihood.FromLogits(logits, targets));
        Assert.Contains("int64", e.Message);
    }

    [Fact]
    public void AWholeProbabilityTableIsNotTakenForTargetProbabilities()
    {
        // The mistake: passing P [N, V] where the probabilities of the true tokens [N] were meant.
        // The mean of log P over the whole table is a plausible number that means nothing.
        using var table = tensor(new double[] { 0.5, 0.25, 0.25, 0.1, 0.8, 0.1 }, [2, 3]);
        var e = Assert.Throws<ArgumentException>(() => NegativeLogLikelihood.FromTargetProbabilities(table));
        Assert.Equal("targetProbabilities", e.ParamName);
        Assert.StartsWith("targetProbabilities must hold one probability per token, shape [N] or [N, 1]; got shape [2, 3].", e.Message);
        Assert.Contains("FromProbabilities(probabilities, targets)", e.Message);

        // One per token, as a vector, a column or a single number, is what it takes.
        using var column = tensor(new double[] { 0.5, 0.8 }, [2, 1]);
        using var vector = tensor(new double[] { 0.5, 0.8 });
        using var single = tensor(0.5);
        Assert.Equal(-(Math.Log(0.5) + Math.Log(0.8)) / 2, NegativeLogLikelihood.FromTargetProbabilities(column), 12);
        Assert.Equal(NegativeLogLikelihood.FromTargetProbabilities(vector), NegativeLogLikelihood.FromTargetProbabilities(column));
        Assert.Equal(Math.Log(2), NegativeLogLikelihood.FromTargetProbabilities(single), 12);
    }
}

using GenAI.Sampling;
using static TorchSharp.torch;

namespace GenAI.Tests.Sampling;

public class BeamSearchTests
{
    // A hand-made "model": the next-token distribution for each prefix, as a lookup table.
    static Func<IReadOnlyList<long>, Tensor> TableModel(Dictionary<string, double[]> table) =>
        prefix => tensor(table[string.Join(",", prefix)]).log();

    // Tokens 0 = A, 1 = B, 2 = C. Greedy takes A (0.5) and then the best continuation of A,
    // A (0.4): P(A A) = 0.20. But B (0.4) is followed by A with 0.9: P(B A) = 0.36.
    static readonly Dictionary<string, double[]> GreedyTrap = new()
    {
        [""] = [0.5, 0.4, 0.1],
        ["0"] = [0.4, 0.3, 0.3],
        ["1"] = [0.9, 0.05, 0.05],
        ["2"] = [1 / 3.0, 1 / 3.0, 1 / 3.0],
    };

    [Fact]
    public void BeamWidthOneIsGreedyAndFallsIntoTheTrap()
    {
        var result = BeamSearch.Search(TableModel(GreedyTrap), [], new BeamSearchOptions(BeamWidth: 1, MaxLength: 2));
        Assert.Equal(new long[] { 0, 0 }, result.Best.Tokens);
        Assert.Equal(Math.Log(0.20), result.Best.LogProbability, 9);
    }

    [Fact]
    public void BeamSearchFindsTheMoreLikelySequenceGreedyMisses()
    {
        var result = BeamSearch.Search(TableModel(GreedyTrap), [], new BeamSearchOptions(BeamWidth: 2, MaxLength: 2));
        Assert.Equal(new long[] { 1, 0 }, result.Best.Tokens);
        Assert.Equal(Math.Log(0.36), result.Best.LogProbability, 9);
        // Runner-up: A A with 0.20; then A B and A C tie at 0.15 but only two beams are kept.
        Assert.Equal(2, result.Hypotheses.Count);
        Assert.Equal(new long[] { 0, 0 }, result.Hypotheses[1].Tokens);
        // After step 1 the beam held A (0.5) and B (0.4).
        Assert.Equal(new[] { new long[] { 0 }, new long[] { 1 } }, result.Steps[0].Select(h => h.Tokens.ToArray()));
        Assert.Equal(Math.Log(0.4), result.Steps[0][1].LogProbability, 9);
    }

    [Fact]
    public void PromptIsPassedToTheModelButNotReturned()
    {
        var seen = new List<string>();
        Tensor Model(IReadOnlyList<long> prefix)
        {
            seen.Add(string.Join(",", prefix));
            return tensor(new double[] { 0.1, 0.9 }).log();
        }
        var result = BeamSearch.Search(Model, [1, 1], new BeamSearchOptions(BeamWidth: 1, MaxLength: 2));
        Assert.Equal(new long[] { 1, 1 }, result.Best.Tokens);
        Assert.Equal(new[] { "1,1", "1,1,1" }, seen);
    }

    // Tokens 0 = END, 1 = A, 2 = B. Ending at once has P 0.4; the longer A B END has 0.59 * 0.9 * 0.6 = 0.3186,
    // less in total but more per token: ln(0.3186) / 3 = -0.38 beats ln(0.4) / 1 = -0.92.
    static readonly Dictionary<string, double[]> ShortVersusLong = new()
    {
        [""] = [0.4, 0.59, 0.01],
        ["1"] = [0.05, 0.05, 0.9],
        ["1,1"] = [1 / 3.0, 1 / 3.0, 1 / 3.0],
        ["1,2"] = [0.6, 0.2, 0.2],
        ["1,2,1"] = [1 / 3.0, 1 / 3.0, 1 / 3.0],
    };

    [Fact]
    public void WithoutLengthNormalisationTheShortSequenceWins()
    {
        var result = BeamSearch.Search(TableModel(ShortVersusLong), [], new BeamSearchOptions(BeamWidth: 2, MaxLength: 3, EndToken: 0));
        Assert.Equal(new long[] { 0 }, result.Best.Tokens);
        Assert.True(result.Best.Finished);
        Assert.Equal(Math.Log(0.4), result.Best.Score, 9);
    }

    [Fact]
    public void LengthNormalisationPrefersTheBetterPerTokenSequence()
    {
        var result = BeamSearch.Search(TableModel(ShortVersusLong), [], new BeamSearchOptions(BeamWidth: 2, MaxLength: 3, EndToken: 0, LengthPenalty: 1.0));
        Assert.Equal(new long[] { 1, 2, 0 }, result.Best.Tokens);
        Assert.Equal(Math.Log(0.59 * 0.9 * 0.6), result.Best.LogProbability, 9);
        // score = log P / length^alpha with alpha = 1: the per-token average.
        Assert.Equal(Math.Log(0.59 * 0.9 * 0.6) / 3, result.Best.Score, 9);
    }

    [Fact]
    public void ModelReturningABatchIsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            BeamSearch.Search(_ => zeros(2, 3), [], new BeamSearchOptions(BeamWidth: 2, MaxLength: 1)));
        Assert.Equal("nextTokenLogits", e.ParamName);
        Assert.StartsWith("nextTokenLogits must return logits of shape [V] (V >= 1) for one sequence; got [2, 3].", e.Message);
    }

    [Fact]
    public void ModelReturningNoLogitsIsAClearError()
    {
        // Without the check the search would end with no hypothesis at all, and Best would throw an index error.
        var e = Assert.Throws<ArgumentException>(() =>
            BeamSearch.Search(_ => zeros(0), [], new BeamSearchOptions(BeamWidth: 2, MaxLength: 2)));
        Assert.Equal("nextTokenLogits", e.ParamName);
        Assert.StartsWith("nextTokenLogits must return logits of shape [V] (V >= 1) for one sequence; got [0].", e.Message);
    }
}

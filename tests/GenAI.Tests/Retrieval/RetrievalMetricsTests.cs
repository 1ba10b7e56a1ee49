using GenAI.Retrieval;

namespace GenAI.Tests.Retrieval;

public class RetrievalMetricsTests
{
    // Hand-worked: question 0 ranks its answer "b" second; question 1 has answers {x, y}, found at ranks 1 and 4;
    // question 2's answer never appears.
    static readonly IReadOnlyList<IReadOnlyList<string>> Rankings = [["a", "b", "c"], ["x", "p", "q", "y"], ["m", "n"]];
    static readonly IReadOnlyList<IReadOnlySet<string>> Relevant = [new HashSet<string> { "b" }, new HashSet<string> { "x", "y" }, new HashSet<string> { "z" }];

    [Fact]
    public void Recall_at_k_matches_the_hand_worked_values()
    {
        Assert.Equal((0 + 0.5 + 0) / 3, RetrievalMetrics.RecallAtK(Rankings, Relevant, 1), 12);
        Assert.Equal((1 + 0.5 + 0) / 3, RetrievalMetrics.RecallAtK(Rankings, Relevant, 2), 12);
        Assert.Equal((1 + 1.0 + 0) / 3, RetrievalMetrics.RecallAtK(Rankings, Relevant, 10), 12);
    }

    [Fact]
    public void Mrr_uses_the_first_relevant_rank_and_zero_when_missing()
    {
        Assert.Equal((0.5 + 1.0 + 0) / 3, RetrievalMetrics.MeanReciprocalRank(Rankings, Relevant), 12);
    }

    [Fact]
    public void Errors_name_the_problem()
    {
        var count = Assert.Throws<ArgumentException>(() => RetrievalMetrics.RecallAtK(Rankings, Relevant.Take(2).ToList(), 1));
        Assert.Contains("3 rankings but 2", count.Message);
        var k = Assert.Throws<ArgumentException>(() => RetrievalMetrics.RecallAtK(Rankings, Relevant, 0));
        Assert.Contains("k must be at least 1", k.Message);
        var empty = Assert.Throws<ArgumentException>(() => RetrievalMetrics.MeanReciprocalRank([["a"]], [new HashSet<string>()]));
        Assert.Contains("Question 0 has no relevant id", empty.Message);
    }
}

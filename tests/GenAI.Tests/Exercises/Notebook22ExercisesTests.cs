using GenAI.Exercises;

namespace GenAI.Tests.Exercises;

public sealed class Notebook22ExercisesTests
{
    static readonly IReadOnlyList<IReadOnlyList<string>> Two = [["a", "b", "c"], ["c", "a"]];

    [Fact]
    public void The_reference_gives_the_hand_worked_scores_and_passes()
    {
        Assert.Equal(1.0 / 61 + 1.0 / 62, Notebook22Exercises.RrfScore(Two, "a"), 12);   // rank 1 in the first list, 2 in the second
        Assert.Equal(1.0 / 62, Notebook22Exercises.RrfScore(Two, "b"), 12);
        Assert.Equal(1.0 / 63 + 1.0 / 61, Notebook22Exercises.RrfScore(Two, "c"), 12);
        Assert.Equal(0, Notebook22Exercises.RrfScore(Two, "z"));
        Assert.True(Notebook22Exercises.CheckRrfScore(Notebook22Exercises.RrfScore).Passed);
    }

    static double Score(IReadOnlyList<IReadOnlyList<string>> rankings, string id, Func<int, double> vote)
    {
        double sum = 0;
        foreach (var ranking in rankings)
            for (int i = 0; i < ranking.Count; i++)
                if (ranking[i] == id) sum += vote(i);
        return sum;
    }

    [Theory]
    [InlineData("rank-from-0", "counts ranks from 0")]
    [InlineData("no-k", "k is missing")]
    [InlineData("mean", "the mean over the rankings")]
    [InlineData("first-only", "the first ranking only")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<IReadOnlyList<IReadOnlyList<string>>, string, double> answer = mistake switch
        {
            "rank-from-0" => (r, id) => Score(r, id, i => 1.0 / (60 + i)),
            "no-k" => (r, id) => Score(r, id, i => 1.0 / (1 + i)),
            "mean" => (r, id) => Score(r, id, i => 1.0 / (61 + i)) / r.Count,
            _ => (r, id) => Score([r[0]], id, i => 1.0 / (61 + i)),
        };
        var result = Notebook22Exercises.CheckRrfScore(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains("On \"a\" in the rankings [a, b, c] and [c, a]", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Ranks_from_0_give_the_exact_message_with_the_hint()
    {
        var result = Notebook22Exercises.CheckRrfScore((r, id) => Score(r, id, i => 1.0 / (60 + i)));
        Assert.Equal("On \"a\" in the rankings [a, b, c] and [c, a] (1/61 + 1/62 = 0.0325225), you returned 0.0330601, expected 0.0325225. "
            + "Hint: this counts ranks from 0 (an off-by-one): the best hit has rank 1 and votes 1 / (k + 1) = 1/61.", result.Message);
    }
}

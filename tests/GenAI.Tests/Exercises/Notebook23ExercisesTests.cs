using GenAI.Agents;
using GenAI.Exercises;

namespace GenAI.Tests.Exercises;

public sealed class Notebook23ExercisesTests
{
    static string? Vote(IReadOnlyList<string?> answers) => SelfConsistency.MajorityVote(answers).Answer;

    [Fact]
    public void The_reference_gives_the_hand_worked_votes_and_passes()
    {
        Assert.Equal("12", Vote([null, null, null, "12", "15", "12"]));   // nulls do not vote
        Assert.Equal("7", Vote([" 7", "9", "7 ", "9"]));                  // trimmed, then 2 against 2: first seen
        Assert.Equal("9", Vote(["9", "7", "7", "9", null]));
        Assert.Null(Vote([null, null]));
        Assert.True(Notebook23Exercises.CheckMajorityVote(Vote).Passed);
    }

    [Theory]
    [InlineData("nulls-vote", "the unreadable samples (null) voted")]
    [InlineData("no-trim", "the answers were not trimmed")]
    [InlineData("sorted-tie", "the tie went to the answer that sorts first")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Func<IReadOnlyList<string?>, string?> answer = mistake switch
        {
            "nulls-vote" => answers =>
            {
                var counts = new Dictionary<string, int>();
                foreach (var a in answers) counts[a?.Trim() ?? "<null>"] = counts.GetValueOrDefault(a?.Trim() ?? "<null>") + 1;
                var best = counts.MaxBy(p => p.Value).Key;
                return best == "<null>" ? null : best;
            },
            "no-trim" => answers => answers.OfType<string>().GroupBy(a => a).MaxBy(g => g.Count())?.Key,
            _ => answers => answers.OfType<string>().Select(a => a.Trim()).GroupBy(a => a)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key,
        };
        var result = Notebook23Exercises.CheckMajorityVote(answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Keeping_the_first_sample_gives_the_exact_message()
    {
        var result = Notebook23Exercises.CheckMajorityVote(answers => answers[0]);
        Assert.Equal("On the answers [null, null, null, \"12\", \"15\", \"12\"] (\"12\": nulls do not vote), you returned null, expected \"12\". "
            + "Hint: the unreadable samples (null) voted: skip them before counting.", result.Message);
    }
}

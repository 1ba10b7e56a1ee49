using GenAI.Agents;

namespace GenAI.Tests.Agents;

public class VotingAndReflectionTests
{
    [Fact]
    public void The_majority_wins_unreadable_answers_do_not_vote_and_ties_go_to_the_first_seen()
    {
        var v = SelfConsistency.MajorityVote(["12", null, "13", "12", " 13", "12"]);
        Assert.Equal(("12", 3), (v.Answer, v.Votes));
        Assert.Equal("7", SelfConsistency.MajorityVote(["7", "8", "8", "7"]).Answer);
        Assert.Null(SelfConsistency.MajorityVote([null, null]).Answer);
    }

    [Fact]
    public async Task Sampling_votes_over_k_answers_at_the_temperature_asked()
    {
        int n = 0;
        var client = new ScriptedChatClient((_, o) => new(Microsoft.Extensions.AI.ChatRole.Assistant, (n++ % 3 == 1 ? "=5" : "=4") + $" t={o!.Temperature}"));
        var v = await SelfConsistency.SampleAsync(client, [], 5, 0.8f, t => ToyChatFormat.Answer(t.Split(' ')[0]));
        Assert.Equal(("4", 3), (v.Answer, v.Votes));
        Assert.All(client.Requests, r => Assert.Equal(0.8f, r.Options!.Temperature));
    }

    [Fact]
    public async Task A_cited_objection_forces_a_retry_until_the_critic_accepts()
    {
        var answers = new[] { "117", "119", "118" };
        var r = await ReflectionLoop.RunAsync(
            (round, feedback) => Task.FromResult<(string?, IReadOnlyList<string>)>((answers[round - 1], ["calc(47+83-12) = 118"])),
            (a, evidence) => a == "118" ? [] : [new Objection($"{a} is not what the calculator says", "= 118")], maxRounds: 5);
        Assert.Equal("118", r.Answer);
        Assert.True(r.Accepted);
        Assert.Equal(3, r.Rounds.Count);
        Assert.Equal("= 118", r.Rounds[0].Objections[0].Citation);
    }

    [Fact]
    public async Task An_objection_that_cites_nothing_in_the_evidence_is_dropped_and_reported()
    {
        var log = new List<string>();
        int attempts = 0;
        var r = await ReflectionLoop.RunAsync(
            (_, _) => { attempts++; return Task.FromResult<(string?, IReadOnlyList<string>)>(("118", ["calc(47+83-12) = 118"])); },
            (_, _) => [new Objection("feels wrong", "the answer is 120")], log: log.Add);
        Assert.Equal(1, attempts);
        Assert.True(r.Accepted);
        Assert.Single(r.Rounds[0].Dropped);
        Assert.Contains("not in the evidence", Assert.Single(log));
    }

    [Fact]
    public async Task The_loop_stops_after_max_rounds_without_acceptance()
    {
        var r = await ReflectionLoop.RunAsync((_, _) => Task.FromResult<(string?, IReadOnlyList<string>)>(("1", ["e"])),
            (_, _) => [new Objection("no", "e")], maxRounds: 2);
        Assert.False(r.Accepted);
        Assert.Equal(2, r.Rounds.Count);
    }
}

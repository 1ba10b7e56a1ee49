using Microsoft.Extensions.AI;

namespace GenAI.Agents;

/// <summary>The majority answer of k samples, how many votes it got, and every sample's answer.</summary>
public sealed record VoteResult(string? Answer, int Votes, IReadOnlyList<string?> Samples);

/// <summary>
/// Self-consistency (Wang et al., 2022): sample k answers at a temperature above 0 and keep the most frequent
/// final answer. Answers that could not be read (null) do not vote; a tie goes to the answer seen first.
/// </summary>
public static class SelfConsistency
{
    public static VoteResult MajorityVote(IReadOnlyList<string?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var counts = new Dictionary<string, int>();
        var order = new List<string>();
        foreach (var a in answers.Where(a => a is not null).Select(a => a!.Trim()))
        {
            if (!counts.TryAdd(a, 1)) counts[a]++;
            else order.Add(a);
        }
        if (order.Count == 0) return new VoteResult(null, 0, answers);
        var best = order.OrderByDescending(a => counts[a]).First();   // OrderBy is stable: ties keep first-seen order
        return new VoteResult(best, counts[best], answers);
    }

    /// <summary>k samples from <paramref name="client"/> at <paramref name="temperature"/>, each read by <paramref name="extract"/>, then the vote.</summary>
    public static async Task<VoteResult> SampleAsync(IChatClient client, IReadOnlyList<ChatMessage> messages, int k, float temperature,
        Func<string, string?> extract, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(extract);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        var answers = new List<string?>();
        for (int i = 0; i < k; i++)
        {
            var r = await client.GetResponseAsync(messages, new ChatOptions { Temperature = temperature }, cancellationToken);
            answers.Add(extract(r.Text));
        }
        return MajorityVote(answers);
    }
}

namespace GenAI.Agents;

/// <summary>An objection to an answer and the evidence it cites: an observation of the run or a retrieved chunk, verbatim.</summary>
public sealed record Objection(string Text, string Citation);

/// <summary>One round of the reflection loop: the answer, the objections the critic raised with a valid citation, and those dropped for citing nothing in the evidence.</summary>
public sealed record ReflectionRound(int Round, string? Answer, IReadOnlyList<Objection> Objections, IReadOnlyList<Objection> Dropped);

public sealed record ReflectionResult(string? Answer, IReadOnlyList<ReflectionRound> Rounds)
{
    public bool Accepted => Rounds.Count > 0 && Rounds[^1].Objections.Count == 0;
}

/// <summary>
/// Reflection / Reflexion (Shinn et al., 2023): answer, let a critic object, retry with the objections, up to
/// <c>maxRounds</c> answers. A critic must ground each objection: its citation has to occur in the evidence
/// (an observation of the run or a retrieved chunk); an objection whose citation is not found there is dropped
/// and reported, so an unfounded critic cannot force a retry.
/// </summary>
public static class ReflectionLoop
{
    /// <param name="attempt">Round number and the objections so far -> an answer and the evidence the critic may cite.</param>
    /// <param name="critic">Answer and evidence -> the objections (empty: accepted).</param>
    public static async Task<ReflectionResult> RunAsync(
        Func<int, IReadOnlyList<Objection>, Task<(string? Answer, IReadOnlyList<string> Evidence)>> attempt,
        Func<string?, IReadOnlyList<string>, IReadOnlyList<Objection>> critic,
        int maxRounds = 3, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(critic);
        if (maxRounds < 1) throw new ArgumentOutOfRangeException(nameof(maxRounds), maxRounds, "maxRounds must be at least 1.");
        var rounds = new List<ReflectionRound>();
        var feedback = new List<Objection>();
        string? answer = null;
        for (int round = 1; round <= maxRounds; round++)
        {
            var (a, evidence) = await attempt(round, feedback);
            answer = a;
            var raised = critic(answer, evidence);
            var valid = raised.Where(o => !string.IsNullOrWhiteSpace(o.Citation) && evidence.Any(e => e.Contains(o.Citation, StringComparison.Ordinal))).ToList();
            var dropped = raised.Except(valid).ToList();
            foreach (var d in dropped) log?.Invoke($"round {round}: objection dropped, its citation \"{d.Citation}\" is not in the evidence: {d.Text}");
            rounds.Add(new ReflectionRound(round, answer, valid, dropped));
            if (valid.Count == 0) break;
            feedback.AddRange(valid);
        }
        return new ReflectionResult(answer, rounds);
    }
}

using GenAI.Retrieval;

namespace GenAI.Exercises;

/// <summary>Notebook 22's exercise: the reciprocal-rank-fusion score of one chunk.</summary>
public static class Notebook22Exercises
{
    /// <summary>
    /// RRF(d) = Σ over the rankings that contain d of 1 / (k + rank), rank counted from 1 and k = 60, for the id d
    /// (0 when no ranking has it). The reference is the library's own <see cref="RankFusion.Reciprocal"/>, which the
    /// notebook's hybrid search uses.
    /// </summary>
    public static ExerciseResult CheckRrfScore(Func<IReadOnlyList<IReadOnlyList<string>>, string, double> rrfScore)
    {
        ArgumentNullException.ThrowIfNull(rrfScore);
        return Exercise.Check<(IReadOnlyList<IReadOnlyList<string>> Rankings, string Id), double>("the reciprocal rank fusion score",
            x => rrfScore(x.Rankings, x.Id), x => RrfScore(x.Rankings, x.Id),
            (expected, actual) => Answers.Numbers(expected, actual), Cases, Mistakes);
    }

    /// <summary>The reference solution: the id's score in <see cref="RankFusion.Reciprocal"/>'s fused ranking, 0 if absent.</summary>
    public static double RrfScore(IReadOnlyList<IReadOnlyList<string>> rankings, string id) =>
        RankFusion.Reciprocal(rankings).Where(p => p.Id == id).Select(p => p.Score).FirstOrDefault();

    static readonly IReadOnlyList<IReadOnlyList<string>> Two = [["a", "b", "c"], ["c", "a"]];

    // Three retrievers' top 10 of 20 ids d0 .. d19, each a random order (a permutation from sorting random numbers).
    static IReadOnlyList<IReadOnlyList<string>> RandomRankings() =>
        [.. Enumerable.Range(1, 3).Select(seed =>
            (IReadOnlyList<string>)ExerciseInputs.Normal(seed, 20).argsort().data<long>().Take(10).Select(i => $"d{i}").ToArray())];

    static readonly ExerciseCase<(IReadOnlyList<IReadOnlyList<string>>, string)>[] Cases =
    [
        new("\"a\" in the rankings [a, b, c] and [c, a] (1/61 + 1/62 = 0.0325225)", () => (Two, "a")),
        new("\"b\" in the rankings [a, b, c] and [c, a] (only in the first, 1/62 = 0.016129)", () => (Two, "b")),
        new("\"z\" in the rankings [a, b, c] and [c, a] (in neither: 0)", () => (Two, "z")),
        new("each of d0 .. d19 in three random top-10 rankings (seeds 1, 2, 3); this one is \"d7\"", () => (RandomRankings(), "d7")),
    ];

    static double Sum(IReadOnlyList<IReadOnlyList<string>> rankings, string id, Func<int, double> vote) =>
        rankings.Where(r => r.Contains(id)).Sum(r => vote(r.ToList().IndexOf(id)));

    static readonly ExerciseMistake<(IReadOnlyList<IReadOnlyList<string>> Rankings, string Id), double>[] Mistakes =
    [
        new("this counts ranks from 0 (an off-by-one): the best hit has rank 1 and votes 1 / (k + 1) = 1/61.",
            x => Sum(x.Rankings, x.Id, i => 1.0 / (60 + i))),
        new("k is missing: each list votes 1 / (k + rank) with k = 60, which keeps one list's top hit from deciding alone.",
            x => Sum(x.Rankings, x.Id, i => 1.0 / (i + 1))),
        new("this is the mean over the rankings: RRF sums the votes, so a chunk that several retrievers find comes first.",
            x => Sum(x.Rankings, x.Id, i => 1.0 / (61 + i)) / x.Rankings.Count),
        new("this is the vote of the first ranking only: add the votes of every ranking that contains the id.",
            x => Sum(x.Rankings.Take(1).ToArray(), x.Id, i => 1.0 / (61 + i))),
    ];
}

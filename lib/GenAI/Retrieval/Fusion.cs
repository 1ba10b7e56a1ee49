namespace GenAI.Retrieval;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each retriever's list votes 1 / (k + rank) for
/// every id it returns (rank from 1), the votes are summed and the ids sorted by the sum:
///   RRF(d) = Σ_lists 1 / (k + rank_list(d)),  k = 60
/// Only ranks are used, so a BM25 score and a cosine never need to be put on one scale. Ties keep the order in
/// which the ids were first seen (list by list).
/// </summary>
public static class RankFusion
{
    /// <summary>The constant of the original paper.</summary>
    public const int DefaultK = 60;

    /// <summary>The fused ranking with its RRF scores, best first.</summary>
    public static IReadOnlyList<(string Id, double Score)> Reciprocal(IReadOnlyList<IReadOnlyList<string>> rankings, int k = DefaultK)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        if (k < 0) throw new ArgumentException($"k must be 0 or more; got {k}.", nameof(k));
        if (rankings.Count == 0) throw new ArgumentException("Fusion needs at least one ranking.", nameof(rankings));
        var score = new Dictionary<string, double>();
        var firstSeen = new Dictionary<string, int>();
        foreach (var list in rankings)
        {
            ArgumentNullException.ThrowIfNull(list, nameof(rankings));
            var seen = new HashSet<string>();
            for (int r = 0; r < list.Count; r++)
            {
                if (!seen.Add(list[r])) continue; // an id counts once per list, at its best rank
                score[list[r]] = score.GetValueOrDefault(list[r]) + 1.0 / (k + r + 1);
                firstSeen.TryAdd(list[r], firstSeen.Count);
            }
        }
        return score.OrderByDescending(p => p.Value).ThenBy(p => firstSeen[p.Key]).Select(p => (p.Key, p.Value)).ToArray();
    }

    /// <summary>Ids only, best first.</summary>
    public static IReadOnlyList<string> ReciprocalIds(IReadOnlyList<IReadOnlyList<string>> rankings, int k = DefaultK) =>
        Reciprocal(rankings, k).Select(p => p.Id).ToArray();
}

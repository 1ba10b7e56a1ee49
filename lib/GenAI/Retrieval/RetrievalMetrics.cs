namespace GenAI.Retrieval;

/// <summary>
/// Ranking metrics over a labelled question set: for each question, the ids a retriever returned (best
/// first) and the set of ids that answer it.
///   recall@k = |relevant ∩ top k| / |relevant|, averaged over questions
///   MRR      = mean of 1 / (rank of the first relevant id), 0 when none is returned
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>Mean recall@k over questions.</summary>
    public static double RecallAtK(IReadOnlyList<IReadOnlyList<string>> rankings, IReadOnlyList<IReadOnlySet<string>> relevant, int k)
    {
        Check(rankings, relevant);
        if (k < 1) throw new ArgumentException($"k must be at least 1; got {k}.", nameof(k));
        double total = 0;
        for (int q = 0; q < rankings.Count; q++)
            total += (double)rankings[q].Take(k).Distinct().Count(relevant[q].Contains) / relevant[q].Count;
        return total / rankings.Count;
    }

    /// <summary>Mean reciprocal rank of the first relevant id.</summary>
    public static double MeanReciprocalRank(IReadOnlyList<IReadOnlyList<string>> rankings, IReadOnlyList<IReadOnlySet<string>> relevant)
    {
        Check(rankings, relevant);
        double total = 0;
        for (int q = 0; q < rankings.Count; q++)
        {
            for (int r = 0; r < rankings[q].Count; r++)
                if (relevant[q].Contains(rankings[q][r])) { total += 1.0 / (r + 1); break; }
        }
        return total / rankings.Count;
    }

    static void Check(IReadOnlyList<IReadOnlyList<string>> rankings, IReadOnlyList<IReadOnlySet<string>> relevant)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentNullException.ThrowIfNull(relevant);
        if (rankings.Count != relevant.Count)
            throw new ArgumentException($"There are {rankings.Count} rankings but {relevant.Count} sets of relevant ids: one of each per question.", nameof(relevant));
        if (rankings.Count == 0)
            throw new ArgumentException("No questions: the metrics are means over at least one question.", nameof(rankings));
        for (int q = 0; q < relevant.Count; q++)
            if (relevant[q] is null || relevant[q].Count == 0)
                throw new ArgumentException($"Question {q} has no relevant id: recall is undefined for it.", nameof(relevant));
    }
}

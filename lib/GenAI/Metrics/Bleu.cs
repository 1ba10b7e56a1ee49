namespace GenAI.Metrics;

/// <summary>A BLEU score with the counts behind it.</summary>
/// <param name="Score">BLEU = BP · exp(Σ_n w_n log p_n), in [0, 1] (0 when some p_n is 0).</param>
/// <param name="Precisions">p_1..p_N: clipped n-gram matches divided by the candidate's n-gram count.</param>
/// <param name="Matches">Clipped n-gram matches for n = 1..N.</param>
/// <param name="Totals">Candidate n-grams for n = 1..N.</param>
/// <param name="BrevityPenalty">BP = 1 if c &gt; r else exp(1 - r/c).</param>
/// <param name="CandidateLength">c: candidate tokens (summed over the corpus).</param>
/// <param name="ReferenceLength">r: for each candidate the reference length closest to its own (the shorter on a tie), summed.</param>
public sealed record BleuResult(double Score, IReadOnlyList<double> Precisions, IReadOnlyList<long> Matches, IReadOnlyList<long> Totals,
    double BrevityPenalty, long CandidateLength, long ReferenceLength);

/// <summary>
/// BLEU (Papineni et al., 2002) compares a generated text with one or more references by the
/// n-grams they share. Each candidate n-gram counts at most as often as it appears in any one
/// reference (clipping, so "the the the" cannot score by repeating a common word); the precisions
/// for n = 1..4 are combined by a geometric mean, and a brevity penalty punishes candidates shorter
/// than their references (precision alone would reward saying little). Corpus BLEU adds up the
/// counts and lengths of all sentences before dividing; it is not the mean of sentence BLEUs.
/// Tokens are strings: words, or characters for a character-level model.
/// </summary>
public static class Bleu
{
    /// <summary>BLEU of one candidate against its references (the corpus formula with one sentence).</summary>
    public static BleuResult Sentence(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references, int maxN = 4) =>
        Corpus([candidate], [references], maxN);

    /// <summary>Corpus BLEU: candidates[i] is scored against references[i] (one or more token lists).</summary>
    public static BleuResult Corpus(IReadOnlyList<IReadOnlyList<string>> candidates, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references, int maxN = 4)
    {
        if (maxN < 1) throw new ArgumentOutOfRangeException(nameof(maxN), maxN, "maxN must be at least 1.");
        if (candidates.Count != references.Count)
            throw new ArgumentException($"Each candidate needs its references: got {candidates.Count} candidates and {references.Count} reference sets.", nameof(references));
        var matches = new long[maxN];
        var totals = new long[maxN];
        long c = 0, r = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            if (references[i].Count == 0)
                throw new ArgumentException($"Candidate {i} has no reference.", nameof(references));
            var candidate = candidates[i];
            for (int n = 1; n <= maxN; n++)
            {
                var counts = NGrams(candidate, n);
                // The most times each n-gram occurs in any single reference: the clipping limit.
                var maxInReference = new Dictionary<string, int>();
                foreach (var reference in references[i])
                    foreach (var (gram, count) in NGrams(reference, n))
                        maxInReference[gram] = Math.Max(maxInReference.GetValueOrDefault(gram), count);
                // Count_clip = min(Count, Max_Ref_Count)
                matches[n - 1] += counts.Sum(kv => Math.Min(kv.Value, maxInReference.GetValueOrDefault(kv.Key)));
                totals[n - 1] += counts.Values.Sum();
            }
            c += candidate.Count;
            // r: the reference length closest to the candidate's, the shorter one on a tie.
            r += references[i].Select(x => x.Count).OrderBy(len => Math.Abs(len - candidate.Count)).ThenBy(len => len).First();
        }

        // p_n = Σ Count_clip / Σ Count
        var precisions = Enumerable.Range(0, maxN).Select(k => totals[k] == 0 ? 0.0 : (double)matches[k] / totals[k]).ToArray();
        // BP = 1 if c > r else exp(1 - r/c)
        double bp = c > r ? 1.0 : c == 0 ? 0.0 : Math.Exp(1.0 - (double)r / c);
        // BLEU = BP · exp(Σ_n (1/N) log p_n): the geometric mean of the precisions, 0 if any is 0
        double score = precisions.Any(p => p == 0) ? 0.0 : bp * Math.Exp(precisions.Sum(p => Math.Log(p)) / maxN);
        return new BleuResult(score, precisions, matches, totals, bp, c, r);
    }

    static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>();
        for (int start = 0; start + n <= tokens.Count; start++)
        {
            // The unit separator cannot occur inside a token, so joined n-grams never collide.
            string gram = string.Join('\u001f', tokens.Skip(start).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        return counts;
    }
}

using static TorchSharp.torch;

namespace GenAI.Sampling;

/// <summary>One candidate sequence kept by beam search.</summary>
/// <param name="Tokens">Generated tokens (the prompt is not included).</param>
/// <param name="LogProbability">Sum of the log-probabilities of the generated tokens.</param>
/// <param name="Score">What beams are ranked by: the log-probability, divided by length^alpha when length normalisation is on.</param>
/// <param name="Finished">True once the sequence has produced the end token.</param>
public sealed record BeamHypothesis(IReadOnlyList<long> Tokens, double LogProbability, double Score, bool Finished);

/// <param name="BeamWidth">How many partial sequences survive each step (1 is greedy search).</param>
/// <param name="MaxLength">The most tokens to generate.</param>
/// <param name="EndToken">A token that finishes a sequence; null lets every beam run to <see cref="MaxLength"/>.</param>
/// <param name="LengthPenalty">alpha in score = log P / length^alpha; 0 ranks by raw log P (favouring short sequences), 1 by the per-token average.</param>
public sealed record BeamSearchOptions(int BeamWidth, int MaxLength, long? EndToken = null, double LengthPenalty = 0.0);

/// <summary>The best hypotheses (best first) and the beam after every step, for tables and trees.</summary>
public sealed record BeamSearchResult(IReadOnlyList<BeamHypothesis> Hypotheses, IReadOnlyList<IReadOnlyList<BeamHypothesis>> Steps)
{
    public BeamHypothesis Best => Hypotheses[0];
}

/// <summary>
/// Beam search keeps the <c>BeamWidth</c> best partial sequences at each step instead of only
/// the best one, so it can find a sequence whose first token is not the most likely one but
/// whose total probability is higher than the greedy path's.
/// </summary>
public static class BeamSearch
{
    /// <param name="nextTokenLogits">
    /// The model: given the prompt followed by the tokens generated so far, the logits [V] of the next token.
    /// </param>
    public static BeamSearchResult Search(Func<IReadOnlyList<long>, Tensor> nextTokenLogits, IReadOnlyList<long> prompt, BeamSearchOptions options)
    {
        if (options.BeamWidth < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BeamWidth, "BeamWidth must be at least 1.");
        if (options.MaxLength < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MaxLength, "MaxLength must be at least 1.");

        var live = new List<BeamHypothesis> { new(Array.Empty<long>(), 0.0, 0.0, false) };
        var finished = new List<BeamHypothesis>();
        var steps = new List<IReadOnlyList<BeamHypothesis>>();

        for (int length = 1; length <= options.MaxLength && live.Count > 0; length++)
        {
            var candidates = new List<BeamHypothesis>();
            foreach (var beam in live)
            {
                var (logProbs, tokens) = TopContinuations(nextTokenLogits, prompt, beam, options.BeamWidth);
                for (int i = 0; i < tokens.Length; i++)
                {
                    // log P(y_1..y_t) = log P(y_1..y_{t-1}) + log P(y_t | prompt, y_1..y_{t-1})
                    double logP = beam.LogProbability + logProbs[i];
                    bool done = options.EndToken == tokens[i];
                    candidates.Add(new BeamHypothesis([.. beam.Tokens, tokens[i]], logP, Score(logP, length, options.LengthPenalty), done));
                }
            }
            var kept = candidates.OrderByDescending(c => c.Score).Take(options.BeamWidth).ToList();
            steps.Add(kept);
            finished.AddRange(kept.Where(c => c.Finished));
            live = kept.Where(c => !c.Finished).ToList();
        }

        var ranked = finished.Concat(live).OrderByDescending(h => h.Score).Take(options.BeamWidth).ToList();
        return new BeamSearchResult(ranked, steps);
    }

    // Only the BeamWidth best continuations of one beam can survive the step, so look at no more.
    static (double[] LogProbs, long[] Tokens) TopContinuations(
        Func<IReadOnlyList<long>, Tensor> nextTokenLogits, IReadOnlyList<long> prompt, BeamHypothesis beam, int beamWidth)
    {
        using var scope = NewDisposeScope();
        var logits = nextTokenLogits([.. prompt, .. beam.Tokens]);
        if (logits.ndim != 1 || logits.shape[0] == 0)
            throw new ArgumentException(
                $"nextTokenLogits must return logits of shape [V] (V >= 1) for one sequence; got {ShapeText.Of(logits)}.",
                nameof(nextTokenLogits));
        var logProbs = logits.to(ScalarType.Float64).log_softmax(0);
        int k = (int)Math.Min(beamWidth, logProbs.shape[0]);
        var (values, indices) = logProbs.topk(k);
        return (values.data<double>().ToArray(), indices.data<long>().ToArray());
    }

    static double Score(double logProbability, int length, double lengthPenalty) =>
        // score = log P / length^alpha
        lengthPenalty == 0 ? logProbability : logProbability / Math.Pow(length, lengthPenalty);
}

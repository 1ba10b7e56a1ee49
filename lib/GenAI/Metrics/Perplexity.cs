using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>
/// Perplexity: the exponential of the mean NLL. It reads as "the model is as unsure as if it
/// picked uniformly among this many tokens": 1 for a perfect model, V for a uniform model
/// over V tokens. It depends on the tokenizer, so only compare models that share one.
/// </summary>
public static class Perplexity
{
    /// <summary>Perplexity from a mean NLL in nats.</summary>
    public static double FromNll(double meanNll)
    {
        if (double.IsNaN(meanNll) || meanNll < 0)
            throw new ArgumentOutOfRangeException(nameof(meanNll), meanNll, "A mean NLL is a non-negative number of nats.");
        // PPL = exp( -(1/N) Σ_i log p(y_i) ) = exp(mean NLL)
        return Math.Exp(meanNll);
    }

    /// <summary>Perplexity of <paramref name="targets"/> [N] under raw scores <paramref name="logits"/> [N, V].</summary>
    public static double FromLogits(Tensor logits, Tensor targets) =>
        FromNll(NegativeLogLikelihood.FromLogits(logits, targets));

    /// <summary>Perplexity of <paramref name="targets"/> [N] under probability rows [N, V].</summary>
    public static double FromProbabilities(Tensor probabilities, Tensor targets) =>
        FromNll(NegativeLogLikelihood.FromProbabilities(probabilities, targets));
}

using GenAI.Sampling;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 06's exercise: the top-k filter of next-token logits.</summary>
public static class Notebook06Exercises
{
    /// <summary>
    /// Keep the k highest logits of every row (the last dimension, [V] or [B, V]) where they are and set every
    /// other one to -infinity, so that softmax gives those tokens probability exactly 0.
    /// </summary>
    public static ExerciseResult CheckTopKFilter(Func<Tensor, int, Tensor> topKFilter) =>
        Exercise.Check("the top-k filter", (Logits l) => topKFilter(l.Scores, l.K), l => TopKFilter(l.Scores, l.K),
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);

    /// <summary>The reference: the library's <see cref="LogitFilters.TopK"/>, which the sampler applies.</summary>
    public static Tensor TopKFilter(Tensor logits, int k) => LogitFilters.TopK(logits, k);

    /// <summary>One input of the checker: the logits and k.</summary>
    public sealed record Logits(Tensor Scores, int K);

    static readonly ExerciseCase<Logits>[] Cases =
    [
        new("the logits [2, -1, 0.5, 3, 0] with k = 2 (keep 3 and 2: [2, -∞, -∞, 3, -∞])",
            () => new(tensor(new float[] { 2, -1, 0.5f, 3, 0 }), 2)),
        new("a batch of two rows [[1, 2, 3], [3, 1, 2]] with k = 1 (each row keeps its own largest: [[-∞, -∞, 3], [3, -∞, -∞]])",
            () => new(tensor(new float[] { 1, 2, 3, 3, 1, 2 }, [2, 3]), 1)),
        new("random logits [4, 27] with k = 5 (seed 1)", () => new(ExerciseInputs.Normal(1, 4, 27) * 2, 5)),
    ];

    static Tensor Keep(Tensor logits, int k, bool largest = true, int dim = -1, double removed = double.NegativeInfinity)
    {
        var (values, indices) = logits.topk(k, dim: dim, largest: largest);
        return full_like(logits, removed).scatter(dim, indices, values);
    }

    static readonly ExerciseMistake<Logits, Tensor>[] Mistakes =
    [
        new("the removed tokens are 0, and softmax still gives a logit of 0 a share of the probability: fill them with double.NegativeInfinity.",
            l => Keep(l.Scores, l.K, removed: 0)),
        new("this keeps the k lowest logits: topk takes the largest by default (largest: true).",
            l => Keep(l.Scores, l.K, largest: false)),
        new("this takes the top k down each column (dimension 0): the vocabulary is the last dimension, dim: -1.",
            l => Keep(l.Scores, l.K, dim: 0)),
        new("these are probabilities: the filter returns logits (softmax comes later, in the sampler).",
            l => Keep(l.Scores, l.K).softmax(-1)),
    ];
}

using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 08's exercise: attention weights over a padded source.</summary>
public static class Notebook08Exercises
{
    /// <summary>
    /// Luong's dot attention weights: scores e_j = s · h_j for a decoder state s [B, H] and encoder states h [B, S, H],
    /// -infinity where mask [B, S] is false (padding), then a softmax over the source positions, α [B, S].
    /// </summary>
    public static ExerciseResult CheckAttentionWeights(Func<Tensor, Tensor, Tensor, Tensor> attentionWeights) =>
        Exercise.Check("the masked attention weights", (Source s) => attentionWeights(s.Query, s.Keys, s.Mask),
            s => AttentionWeights(s.Query, s.Keys, s.Mask), (expected, actual) => Answers.Tensors(expected, actual, rtol: 1e-5, atol: 1e-6),
            Cases, Mistakes);

    /// <summary>The reference: the weights of the library's <see cref="Seq2SeqAttention"/> with the dot score (it has no parameters).</summary>
    public static Tensor AttentionWeights(Tensor query, Tensor keys, Tensor mask)
    {
        using var attention = new Seq2SeqAttention(AttentionScore.Dot, (int)query.shape[1], (int)keys.shape[2], device: query.device);
        var (context, weights) = attention.Attend(query, keys, mask);
        context.Dispose();
        return weights;
    }

    /// <summary>One input of the checker: the decoder states, the encoder states and the mask (true at real positions).</summary>
    public sealed record Source(Tensor Query, Tensor Keys, Tensor Mask);

    static Tensor F(float[] values, params long[] shape) => tensor(values, shape);

    static Tensor Lengths(long sourceLength, params long[] lengths) =>
        arange(sourceLength).unsqueeze(0).lt(tensor(lengths).unsqueeze(1));

    static readonly ExerciseCase<Source>[] Cases =
    [
        new("s = [[1, 0]], h = [[1, 0], [0, 1], [2, 0]], no padding (scores [1, 0, 2], α = softmax of them)",
            () => new(F([1, 0], 1, 2), F([1, 0, 0, 1, 2, 0], 1, 3, 2), Lengths(3, 3))),
        new("two sources, s = [[1, 1], [0, 1]], h = [[[1, 0], [0, 1], [5, 5]], [[1, 0], [0, 2], [0, 3]]], the first padded after 2 positions (α = [[0.5, 0.5, 0], softmax([0, 2, 3])])",
            () => new(F([1, 1, 0, 1], 2, 2), F([1, 0, 0, 1, 5, 5, 1, 0, 0, 2, 0, 3], 2, 3, 2), Lengths(3, 2, 3))),
        new("a random batch of 3 sources of 6 positions with 6, 4 and 2 real ones, 4 features (seed 1)",
            () => new(ExerciseInputs.Normal(1, 3, 4), ExerciseInputs.Normal(2, 3, 6, 4), Lengths(6, 6, 4, 2))),
    ];

    static Tensor Scores(Source s) => s.Keys.bmm(s.Query.unsqueeze(2)).squeeze(2);

    static readonly ExerciseMistake<Source, Tensor>[] Mistakes =
    [
        new("the padding got weight: fill the scores with -infinity where the mask is false, masked_fill(mask.logical_not(), double.NegativeInfinity), before the softmax.",
            s => Scores(s).softmax(1)),
        new("the padding got the score 0, and exp(0) is not 0: fill the scores with double.NegativeInfinity, not 0.",
            s => Scores(s).masked_fill(s.Mask.logical_not(), 0).softmax(1)),
        new("this masks the real positions and keeps the padding: the mask is true where a position is real, so fill where it is false (mask.logical_not()).",
            s => Scores(s).masked_fill(s.Mask, double.NegativeInfinity).softmax(1)),
        new("this is a softmax over the batch (dimension 0): the weights of each source run over its positions, dimension 1.",
            s => Scores(s).masked_fill(s.Mask.logical_not(), double.NegativeInfinity).softmax(0)),
        new("the scores are divided by √H: Luong's dot score is s · h_j as it is (the √d scaling comes with the transformer of notebook 09).",
            s => (Scores(s) / Math.Sqrt(s.Query.shape[1])).masked_fill(s.Mask.logical_not(), double.NegativeInfinity).softmax(1)),
    ];
}

using GenAI.Transformers;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 09's exercise: causal scaled dot-product attention, softmax(Q Kᵀ / √d_k + M) V.</summary>
public static class Notebook09Exercises
{
    /// <summary>
    /// Causal scaled dot-product attention: queries, keys and values [..., T, d] (any leading batch or head
    /// dimensions) to the output [..., T, d_v], where position t attends only to positions 0..t.
    /// </summary>
    public static ExerciseResult CheckCausalAttention(Func<Tensor, Tensor, Tensor, Tensor> causalAttention)
    {
        ArgumentNullException.ThrowIfNull(causalAttention);
        return Exercise.Check("causal scaled dot-product attention", (Qkv x) => causalAttention(x.Q, x.K, x.V),
            x => CausalAttention(x.Q, x.K, x.V), (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);
    }

    /// <summary>The reference solution: the library's <see cref="DotProductAttention.Compute"/> with its causal mask.</summary>
    public static Tensor CausalAttention(Tensor q, Tensor k, Tensor v) =>
        DotProductAttention.Compute(q, k, v, DotProductAttention.CausalMask(q.shape[^2], q.device)).Output;

    /// <summary>One input: queries, keys and values of the same length.</summary>
    public sealed record Qkv(Tensor Q, Tensor K, Tensor V);

    static readonly ExerciseCase<Qkv>[] Cases =
    [
        // Scores 2 on the diagonal, 0 elsewhere: row 0 copies v0, row 1 weighs (v0, v1) by (1, e²) / (1 + e²), ...
        new("3 tokens with q = k = 2·(one-hot of the position) in d_k = 4, v = [[1, 0], [0, 1], [1, 1]]", () => new Qkv(
            tensor(new float[] { 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0 }, [3, 4]),
            tensor(new float[] { 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0 }, [3, 4]),
            tensor(new float[] { 1, 0, 0, 1, 1, 1 }, [3, 2]))),
        // All scores 0: each position averages the values it may see, the running mean 1, 1.5, 2, 2.5.
        new("4 tokens with q = k = 0 and values 1, 2, 3, 4 (d = 1)", () => new Qkv(
            zeros(4, 1), zeros(4, 1), tensor(new float[] { 1, 2, 3, 4 }, [4, 1]))),
        new("random q, k, v of shape [2, 5, 8] (a batch of 2, seed 9)", () => new Qkv(
            ExerciseInputs.Normal(9, 2, 5, 8), ExerciseInputs.Normal(10, 2, 5, 8), ExerciseInputs.Normal(11, 2, 5, 8))),
    ];

    static readonly ExerciseMistake<Qkv, Tensor>[] Mistakes =
    [
        new("this is attention without the causal mask: every position also sees the later ones. Fill the scores above the diagonal with -inf before the softmax.",
            x => DotProductAttention.Compute(x.Q, x.K, x.V).Output),
        new("this is the mask turned the wrong way: each position sees itself and the LATER ones. Keep j <= i, the lower triangle (tril).",
            x => DotProductAttention.Compute(x.Q, x.K, x.V, DotProductAttention.CausalMask(x.Q.shape[^2]).transpose(0, 1)).Output),
        new("the scores are not divided by sqrt(d_k), the size of the queries' last dimension.",
            x => Softmaxed(x, x.Q.matmul(x.K.transpose(-2, -1)), -1)),
        new("the scores are divided by d_k instead of sqrt(d_k).",
            x => Softmaxed(x, x.Q.matmul(x.K.transpose(-2, -1)).div(x.Q.shape[^1]), -1)),
        new("the softmax runs over the queries (dimension -2); each query's weights over the keys, the last dimension, must sum to 1.",
            x => Softmaxed(x, x.Q.matmul(x.K.transpose(-2, -1)).div(Math.Sqrt(x.Q.shape[^1])), -2)),
    ];

    // weights = softmax over dim of the causally masked scores; output = weights V
    static Tensor Softmaxed(Qkv x, Tensor scores, long dim)
    {
        var mask = DotProductAttention.CausalMask(x.Q.shape[^2]);
        return scores.masked_fill(mask.logical_not(), double.NegativeInfinity).softmax(dim).matmul(x.V);
    }
}

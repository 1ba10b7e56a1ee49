using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 11's exercise: mean pooling of an encoder's hidden states over the real (not padding) tokens.</summary>
public static class Notebook11Exercises
{
    /// <summary>
    /// u = Σ_t m_t h_t / Σ_t m_t: hidden states [B, T, d] and token ids [B, T] to one vector [B, d] per sequence,
    /// the mean over the positions whose id is not the padding id (m_t = 1 there, 0 at padding).
    /// </summary>
    public static ExerciseResult CheckMeanPool(Func<Tensor, Tensor, long, Tensor> meanPool)
    {
        ArgumentNullException.ThrowIfNull(meanPool);
        return Exercise.Check("mean pooling over the real tokens", (Pooling x) => meanPool(x.Hidden, x.Ids, x.PadId),
            x => MeanPool(x.Hidden, x.Ids, x.PadId), (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);
    }

    /// <summary>The reference solution: the library's <see cref="EncoderClassifier.MeanPool"/>.</summary>
    public static Tensor MeanPool(Tensor hidden, Tensor ids, long padId) => EncoderClassifier.MeanPool(hidden, ids, padId);

    /// <summary>One input: hidden states [B, T, d], ids [B, T] and the padding id.</summary>
    public sealed record Pooling(Tensor Hidden, Tensor Ids, long PadId);

    static readonly ExerciseCase<Pooling>[] Cases =
    [
        // Row 0: three real tokens, mean of [1, 2], [3, 4], [5, 6] = [3, 4]. Row 1: one real token, then two pads: [7, 8].
        new("2 sequences of 3 tokens, d = 2, hidden [[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 9], [9, 9]]], ids [[5, 6, 7], [5, 0, 0]], padId 0",
            () => new Pooling(tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9 }, [2, 3, 2]),
                tensor(new long[] { 5, 6, 7, 5, 0, 0 }, [2, 3]), 0)),
        // Padding id 1 (not 0): the id 0 is a real token here. Mean of [2, 0, 4] and [0, 4, 2] = [1, 2, 3].
        new("1 sequence of 4 tokens, d = 3, ids [0, 1, 4, 1] with padId 1 (so id 0 is a real token)",
            () => new Pooling(tensor(new float[] { 2, 0, 4, 9, 9, 9, 0, 4, 2, 9, 9, 9 }, [1, 4, 3]),
                tensor(new long[] { 0, 1, 4, 1 }, [1, 4]), 1)),
        new("a random batch of 4 sequences of 6 tokens, d = 5, about a third of them padding (seed 11)",
            () => new Pooling(ExerciseInputs.Normal(11, 4, 6, 5), RandomIds(12), 0)),
    ];

    // ids in 0..2 with 0 the padding id; the first token of each row is real (id + 1), so no row is all padding
    static Tensor RandomIds(long seed)
    {
        var ids = ExerciseInputs.Integers(seed, 3, 4, 6);
        ids[TensorIndex.Colon, 0] = ids[TensorIndex.Colon, 0] + 1;
        return ids;
    }

    static readonly ExerciseMistake<Pooling, Tensor>[] Mistakes =
    [
        new("this is the mean over all T positions, padding included: multiply by the mask m = ids.ne(padId) and divide by its sum.",
            x => x.Hidden.mean([1])),
        new("this is the sum over the real tokens without dividing by how many there are.",
            x => x.Hidden.mul(x.Ids.ne(x.PadId).unsqueeze(2)).sum(1)),
        new("the padding is zeroed but the sum is divided by T, the full length; divide by the number of real tokens, m.sum(1).",
            x => x.Hidden.mul(x.Ids.ne(x.PadId).unsqueeze(2)).sum(1).div(x.Ids.shape[1])),
        new("this averages over the tokens that ARE padding: the mask is ids.ne(padId), true at the real tokens.",
            x => x.Hidden.mul(x.Ids.eq(x.PadId).unsqueeze(2)).sum(1).div(x.Ids.eq(x.PadId).sum(1, keepdim: true).clamp_min(1))),
    ];
}

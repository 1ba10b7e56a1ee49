using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Text;

/// <summary>Token ids as the tensors models take: single sequences, padded batches, one-hot rows.</summary>
public static class TextTensors
{
    /// <summary>A sequence of ids as an int64 tensor [length].</summary>
    public static Tensor FromIds(IReadOnlyList<long> ids, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return tensor(ids.ToArray(), ScalarType.Int64, device);
    }

    /// <summary>
    /// Sequences padded (or cut) to one length: ids int64 [batch, length] and a mask int64 [batch, length]
    /// that is 1 on real tokens and 0 on padding (see <see cref="SequenceWindows.Pad"/>).
    /// </summary>
    public static (Tensor Ids, Tensor Mask) PadBatch(IReadOnlyList<IReadOnlyList<long>> sequences, long padId, int? length = null, Device? device = null)
    {
        var (ids, mask) = SequenceWindows.Pad(sequences, padId, length);
        long rows = ids.Length, columns = rows == 0 ? length ?? 0 : ids[0].Length;
        return (tensor(ids.SelectMany(r => r).ToArray(), [rows, columns], ScalarType.Int64, device),
                tensor(mask.SelectMany(r => r).ToArray(), [rows, columns], ScalarType.Int64, device));
    }

    /// <summary>
    /// One-hot rows float32 [length, vocabSize]: row i is all zeros except a 1 at column ids[i].
    /// Multiplying it by a [vocabSize, d] matrix picks rows of that matrix, which is exactly what an
    /// embedding lookup does without the multiplication.
    /// </summary>
    public static Tensor OneHot(IReadOnlyList<long> ids, int vocabSize, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (vocabSize < 1) throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize, "vocabSize must be at least 1.");
        for (int i = 0; i < ids.Count; i++)
        {
            if (ids[i] < 0 || ids[i] >= vocabSize)
                throw new ArgumentOutOfRangeException(nameof(ids), ids[i], $"Token id {ids[i]} at position {i} is outside the vocabulary 0..{vocabSize - 1}.");
        }
        using var index = tensor(ids.ToArray(), ScalarType.Int64, device);
        using var hot = nn.functional.one_hot(index, vocabSize);
        return hot.to_type(ScalarType.Float32);
    }
}

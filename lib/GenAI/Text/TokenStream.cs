using GenAI.Data;
using static TorchSharp.torch;

namespace GenAI.Text;

/// <summary>
/// A long running text as one int64 tensor of token ids, cut into (input, target) windows for a
/// sequence model: the target is the input shifted by one token, so a window of t tokens holds t
/// next-token examples (nanoGPT's get_batch).
/// </summary>
public sealed class TokenStream : IDisposable
{
    /// <summary>The token ids, int64 [N].</summary>
    public Tensor Ids { get; }

    public long Count => Ids.shape[0];

    public TokenStream(IReadOnlyList<long> ids, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count < 2) throw new ArgumentException($"A token stream needs at least 2 tokens (one input, one target); got {ids.Count}.", nameof(ids));
        Ids = TextTensors.FromIds(ids, device);
    }

    /// <summary><paramref name="batchSize"/> windows at random offsets: inputs x [B, t] and targets y [B, t] with y[b, i] = x[b, i + 1] in the text.</summary>
    public (Tensor X, Tensor Y) RandomBatch(int batchSize, int length, Generator? generator = null)
    {
        CheckLength(length);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        using var scope = NewDisposeScope();
        // start offsets i in [0, N - t - 1], so that the target window i+1 .. i+t still fits
        var starts = RandomRows.Indices(Count - length, batchSize, Ids.device, generator);
        var offsets = arange(length, dtype: ScalarType.Int64, device: Ids.device);
        var index = starts.unsqueeze(1) + offsets.unsqueeze(0);   // [B, t]
        var x = Ids[index];
        var y = Ids[index + 1];
        return (scope.MoveToOuter(x), scope.MoveToOuter(y));
    }

    /// <summary>Consecutive non-overlapping windows from the start (at most <paramref name="maxWindows"/>), for a deterministic held-out loss.</summary>
    public (Tensor X, Tensor Y) Windows(int length, int? maxWindows = null)
    {
        CheckLength(length);
        long count = (Count - 1) / length;
        if (maxWindows is int max) count = Math.Min(count, max);
        using var scope = NewDisposeScope();
        var x = Ids.narrow(0, 0, count * length).view(count, length);
        var y = Ids.narrow(0, 1, count * length).view(count, length);
        return (scope.MoveToOuter(x.clone()), scope.MoveToOuter(y.clone()));
    }

    void CheckLength(int length)
    {
        if (length < 1 || length >= Count)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"The window length must be between 1 and {Count - 1} (the stream holds {Count} tokens).");
    }

    public void Dispose() => Ids.Dispose();
}

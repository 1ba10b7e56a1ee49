using static TorchSharp.torch;

namespace GenAI.Transformers;

/// <summary>
/// The masks every transformer in the course uses, all in one convention: a bool tensor, true where a query
/// may attend to a key, broadcastable to the scores' shape [B, H, Tq, Tk]. So [Tq, Tk] (the same for every
/// sequence, e.g. causal), [B, 1, 1, Tk] (per sequence, per key: padding) and [B, 1, Tq, Tk] (both) all work.
/// Combine two with <see cref="Combine"/> (logical and). Every query needs at least one allowed key.
/// </summary>
public static class AttentionMasks
{
    /// <summary>
    /// The causal mask [Tq, Tk] for <paramref name="queries"/> new tokens after Tk - Tq earlier ones
    /// (<paramref name="keys"/> defaults to <paramref name="queries"/>): query i, at absolute position
    /// Tk - Tq + i, sees keys 0 .. Tk - Tq + i and never a later one. With Tq = Tk this is the lower triangle.
    /// </summary>
    public static Tensor Causal(long queries, long? keys = null, Device? device = null)
    {
        long tk = keys ?? queries;
        if (queries < 1) throw new ArgumentOutOfRangeException(nameof(queries), queries, "The number of queries must be at least 1.");
        if (tk < queries)
            throw new ArgumentOutOfRangeException(nameof(keys), tk, $"A causal mask needs at least as many keys as queries ({queries}): the queries are the last Tq of the Tk positions.");
        return ones(queries, tk, ScalarType.Bool, device).tril(tk - queries);
    }

    /// <summary>
    /// The key-padding mask [B, 1, 1, T] of token ids [B, T]: true where the key is a real token, false where it is
    /// <paramref name="padId"/>, so no query attends to padding.
    /// </summary>
    public static Tensor KeyPadding(Tensor ids, long padId)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.ndim != 2)
            throw new ArgumentException($"Expected token ids [B, T]; got {ShapeText.Of(ids)}.", nameof(ids));
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(ids.ne(padId).view(ids.shape[0], 1, 1, ids.shape[1]));
    }

    /// <summary>
    /// The key-padding mask [B, 1, 1, T] of sequences of the given <paramref name="lengths"/> [B] padded to
    /// <paramref name="length"/> T: key j of sequence b is real when j &lt; lengths[b].
    /// </summary>
    public static Tensor KeyPaddingFromLengths(Tensor lengths, long length)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (lengths.ndim != 1)
            throw new ArgumentException($"Expected lengths [B]; got {ShapeText.Of(lengths)}.", nameof(lengths));
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "The padded length must be at least 1.");
        using var scope = NewDisposeScope();
        if (lengths.numel() > 0)
        {
            long shortest = lengths.min().item<long>(), longest = lengths.max().item<long>();
            if (shortest < 1 || longest > length)
                throw new ArgumentException($"Every length must be in 1..{length} (a sequence needs one real key); got lengths from {shortest} to {longest}.", nameof(lengths));
        }
        var positions = arange(length, dtype: ScalarType.Int64, device: lengths.device);
        var mask = positions.view(1, length).lt(lengths.to_type(ScalarType.Int64).view(-1, 1));
        return scope.MoveToOuter(mask.view(lengths.shape[0], 1, 1, length));
    }

    /// <summary>
    /// Both masks at once (logical and, broadcasting): a key is allowed only where both allow it. Either may be null
    /// (then the other is returned as it is); for example causal [T, T] and key padding [B, 1, 1, T] give [B, 1, T, T].
    /// </summary>
    public static Tensor? Combine(Tensor? first, Tensor? second)
    {
        if (first is null) return second;
        if (second is null) return first;
        if (first.dtype != ScalarType.Bool || second.dtype != ScalarType.Bool)
            throw new ArgumentException($"Masks must be bool tensors (true = may attend); got {first.dtype} and {second.dtype}.", first.dtype != ScalarType.Bool ? nameof(first) : nameof(second));
        if (!Broadcastable(first.shape, second.shape))
            throw new ArgumentException($"The masks {ShapeText.Of(first)} and {ShapeText.Of(second)} do not broadcast to one shape.", nameof(second));
        return first.logical_and(second);
    }

    /// <summary>Whether two shapes broadcast (aligned from the right, each pair equal or one of them 1).</summary>
    internal static bool Broadcastable(long[] a, long[] b)
    {
        for (int i = 1; i <= Math.Min(a.Length, b.Length); i++)
            if (a[^i] != b[^i] && a[^i] != 1 && b[^i] != 1) return false;
        return true;
    }
}

namespace GenAI.Text;

/// <summary>Which end of a too-long sequence <see cref="SequenceWindows.Truncate{T}"/> cuts away.</summary>
public enum TruncationSide
{
    /// <summary>Keep the beginning, drop the end (the usual choice for classification).</summary>
    Right,
    /// <summary>Keep the end, drop the beginning (what a language model's context does).</summary>
    Left,
}

/// <summary>
/// Fitting token sequences into a model's maximum length: cut them (truncation) or cover them
/// with overlapping windows (sliding window) so that no token is lost.
/// </summary>
public static class SequenceWindows
{
    /// <summary>At most <paramref name="maxLength"/> tokens of <paramref name="tokens"/>, cut on the given side.</summary>
    public static T[] Truncate<T>(IReadOnlyList<T> tokens, int maxLength, TruncationSide side = TruncationSide.Right)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (maxLength < 0) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength cannot be negative.");
        int keep = Math.Min(maxLength, tokens.Count);
        int start = side == TruncationSide.Right ? 0 : tokens.Count - keep;
        var result = new T[keep];
        for (int i = 0; i < keep; i++) result[i] = tokens[start + i];
        return result;
    }

    /// <summary>
    /// Windows of <paramref name="windowSize"/> tokens starting every <paramref name="stride"/> tokens.
    /// Every token lands in at least one window: when the stride would step past the end, one
    /// last window is aligned with the end of the sequence. A sequence no longer than the window is
    /// returned whole, as the only window. With stride &lt; windowSize, consecutive windows overlap
    /// by windowSize - stride tokens, so each window (but the first) carries some context.
    /// </summary>
    public static IReadOnlyList<T[]> Sliding<T>(IReadOnlyList<T> tokens, int windowSize, int stride)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (windowSize < 1) throw new ArgumentOutOfRangeException(nameof(windowSize), windowSize, "windowSize must be at least 1.");
        if (stride < 1 || stride > windowSize)
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"stride must be between 1 and windowSize ({windowSize}), or tokens between windows would be skipped.");
        var windows = new List<T[]>();
        if (tokens.Count <= windowSize)
        {
            windows.Add(tokens.ToArray());
            return windows;
        }
        int start = 0;
        for (; start + windowSize <= tokens.Count; start += stride) windows.Add(Slice(tokens, start, windowSize));
        int lastStart = start - stride;
        if (lastStart + windowSize < tokens.Count) windows.Add(Slice(tokens, tokens.Count - windowSize, windowSize));
        return windows;
    }

    /// <summary>
    /// Pads (or right-truncates) every sequence to <paramref name="length"/> with <paramref name="padId"/>,
    /// returning the rectangular ids and a mask that is 1 for real tokens and 0 for padding.
    /// <paramref name="length"/> defaults to the longest sequence.
    /// </summary>
    public static (long[][] Ids, long[][] Mask) Pad(IReadOnlyList<IReadOnlyList<long>> sequences, long padId, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        int target = length ?? (sequences.Count == 0 ? 0 : sequences.Max(s => s.Count));
        if (target < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "length cannot be negative.");
        var ids = new long[sequences.Count][];
        var mask = new long[sequences.Count][];
        for (int b = 0; b < sequences.Count; b++)
        {
            ids[b] = new long[target];
            mask[b] = new long[target];
            for (int t = 0; t < target; t++)
            {
                bool real = t < sequences[b].Count;
                ids[b][t] = real ? sequences[b][t] : padId;
                mask[b][t] = real ? 1 : 0;
            }
        }
        return (ids, mask);
    }

    static T[] Slice<T>(IReadOnlyList<T> tokens, int start, int count)
    {
        var result = new T[count];
        for (int i = 0; i < count; i++) result[i] = tokens[start + i];
        return result;
    }
}

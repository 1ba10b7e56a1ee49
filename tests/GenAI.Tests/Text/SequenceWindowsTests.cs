using GenAI.Text;

namespace GenAI.Tests.Text;

public class SequenceWindowsTests
{
    static readonly long[] Ten = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void Truncation_keeps_the_start_or_the_end()
    {
        Assert.Equal([0L, 1, 2], SequenceWindows.Truncate(Ten, 3));
        Assert.Equal([7L, 8, 9], SequenceWindows.Truncate(Ten, 3, TruncationSide.Left));
        Assert.Equal(Ten, SequenceWindows.Truncate(Ten, 50));
    }

    [Fact]
    public void Sliding_windows_overlap_by_window_minus_stride()
    {
        var windows = SequenceWindows.Sliding(Ten, windowSize: 4, stride: 3);
        Assert.Equal(3, windows.Count);
        Assert.Equal([0L, 1, 2, 3], windows[0]);
        Assert.Equal([3L, 4, 5, 6], windows[1]);
        Assert.Equal([6L, 7, 8, 9], windows[2]);
    }

    [Fact]
    public void Last_window_is_aligned_with_the_end_so_no_token_is_lost()
    {
        var windows = SequenceWindows.Sliding(Ten, windowSize: 4, stride: 4);
        Assert.Equal(3, windows.Count);
        Assert.Equal([0L, 1, 2, 3], windows[0]);
        Assert.Equal([4L, 5, 6, 7], windows[1]);
        Assert.Equal([6L, 7, 8, 9], windows[2]);
        Assert.Equal(Ten, windows.SelectMany(w => w).Distinct().Order());
    }

    [Fact]
    public void Short_sequence_is_one_window()
    {
        var windows = SequenceWindows.Sliding(new long[] { 1, 2 }, windowSize: 4, stride: 2);
        Assert.Single(windows);
        Assert.Equal([1L, 2], windows[0]);
    }

    [Fact]
    public void A_stride_that_would_skip_tokens_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceWindows.Sliding(Ten, windowSize: 4, stride: 5));
        Assert.Contains("stride", error.Message);
    }

    [Fact]
    public void Padding_fills_with_the_pad_id_and_masks_it()
    {
        var (ids, mask) = SequenceWindows.Pad([[5L, 6, 7], [8L]], padId: 0);
        Assert.Equal([5L, 6, 7], ids[0]);
        Assert.Equal([8L, 0, 0], ids[1]);
        Assert.Equal([1L, 1, 1], mask[0]);
        Assert.Equal([1L, 0, 0], mask[1]);

        var (cut, cutMask) = SequenceWindows.Pad([[5L, 6, 7], [8L]], padId: 0, length: 2);
        Assert.Equal([5L, 6], cut[0]);
        Assert.Equal([1L, 0], cutMask[1]);
    }
}

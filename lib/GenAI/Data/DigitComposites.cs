using static TorchSharp.torch;

namespace GenAI.Data;

/// <summary>
/// Composite images for captioning: a side x side grid of small square images (the 8x8 digits) drawn at random, with the
/// labels of its slots in reading order (row by row, left to right).
/// </summary>
public static class DigitComposites
{
    /// <summary>
    /// <paramref name="count"/> grids from flat images [N, s*s] (or [N, 1, s, s]) and labels [N]: images float32
    /// [count, 1, side*s, side*s] and slot labels int64 [count, side²]. Slots are drawn with replacement by
    /// <paramref name="generator"/> (on the CPU, then moved to the images' device).
    /// </summary>
    public static (Tensor Images, Tensor SlotLabels) Grid(Tensor images, Tensor labels, int count, int side = 2, Generator? generator = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        if (side < 1) throw new ArgumentOutOfRangeException(nameof(side), side, "side must be at least 1.");
        if (labels.ndim != 1 || images.shape[0] != labels.shape[0])
            throw new ArgumentException($"images and labels must have the same number of rows; got {ShapeText.Of(images)} and {ShapeText.Of(labels)}.");
        long pixels = images.ndim == 2 ? images.shape[1] : images.ndim == 4 && images.shape[1] == 1 ? images.shape[2] * images.shape[3] : -1;
        long s = (long)Math.Round(Math.Sqrt(pixels));
        if (pixels < 1 || s * s != pixels || (images.ndim == 4 && images.shape[2] != images.shape[3]))
            throw new ArgumentException($"images must be square, [N, s*s] or [N, 1, s, s]; got {ShapeText.Of(images)}.", nameof(images));
        using var scope = NewDisposeScope();
        var index = RandomRows.Indices(images.shape[0], count * side * side, images.device, generator);
        var tiles = images.reshape(-1, s, s).index_select(0, index).view(count, side, side, s, s);
        // [M, row, col, y, x] -> [M, row, y, col, x] -> [M, 1, side*s, side*s]
        var grid = tiles.permute(0, 1, 3, 2, 4).reshape(count, 1, side * s, side * s);
        var slots = labels.index_select(0, index).view(count, side * side);
        return (scope.MoveToOuter(grid), scope.MoveToOuter(slots));
    }
}

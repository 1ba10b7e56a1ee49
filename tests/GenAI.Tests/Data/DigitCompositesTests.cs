using GenAI.Data;
using static TorchSharp.torch;

namespace GenAI.Tests.Data;

public class DigitCompositesTests
{
    [Fact]
    public void TilesGoInReadingOrderWithTheirLabels()
    {
        // 3 images of 2x2 pixels; image k has pixels 10k + (0, 1, 2, 3) and label k
        using var images = tensor(new float[] { 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23 }).view(3, 4);
        using var labels = tensor(new long[] { 0, 1, 2 });
        using var g = new Generator(1);
        var (grid, slots) = DigitComposites.Grid(images, labels, count: 5, side: 2, generator: g);
        Assert.Equal(new long[] { 5, 1, 4, 4 }, grid.shape);
        Assert.Equal(new long[] { 5, 4 }, slots.shape);
        for (int m = 0; m < 5; m++)
            for (int slot = 0; slot < 4; slot++)
            {
                long k = slots[m, slot].item<long>();
                int r = slot / 2 * 2, c = slot % 2 * 2;
                // the tile at (row, col) of the grid is image k: its top-left pixel is 10k, its bottom-right 10k + 3
                Assert.Equal(10f * k, grid[m, 0, r, c].item<float>());
                Assert.Equal(10f * k + 1, grid[m, 0, r, c + 1].item<float>());
                Assert.Equal(10f * k + 2, grid[m, 0, r + 1, c].item<float>());
                Assert.Equal(10f * k + 3, grid[m, 0, r + 1, c + 1].item<float>());
            }
    }

    [Fact]
    public void NonSquareImagesAreRefused()
    {
        using var images = zeros(3, 6);
        using var labels = zeros(3, dtype: ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => DigitComposites.Grid(images, labels, 2));
        Assert.Contains("square", e.Message);
    }
}

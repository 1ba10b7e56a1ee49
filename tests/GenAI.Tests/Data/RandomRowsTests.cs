using GenAI.Data;
using static TorchSharp.torch;

namespace GenAI.Tests.Data;

[Collection(SeededCollection.Name)]
public sealed class RandomRowsTests
{
    [Fact]
    public void Batch_takes_the_same_rows_of_inputs_and_targets()
    {
        using var x = arange(10).reshape(5, 2);
        using var y = arange(5).mul(10);
        using var g = new Generator(3);
        var (xb, yb) = RandomRows.Batch(x, y, 8, g);
        Assert.Equal(new long[] { 8, 2 }, xb.shape);
        // row r of x is [2r, 2r+1] and y[r] = 10r: the pairs stay together
        Assert.True(xb[.., 0].mul(5).eq(yb).all().item<bool>());
    }

    [Fact]
    public void Indices_match_randint_from_the_same_seed()
    {
        using var g1 = new Generator(7);
        using var g2 = new Generator(7);
        using var expected = randint(100, [16], generator: g1);
        using var drawn = RandomRows.Indices(100, 16, CPU, g2);
        Assert.True(drawn.eq(expected).all().item<bool>());
    }

    [Fact]
    public void Mismatched_rows_and_bad_sizes_are_named()
    {
        using var x = zeros(4, 2);
        using var y = zeros(3);
        var e = Assert.Throws<ArgumentException>(() => RandomRows.Batch(x, y, 2));
        Assert.Contains("[4, 2] and [3]", e.Message);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => RandomRows.Indices(4, 0, CPU)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => RandomRows.Indices(0, 2, CPU)).ParamName);
    }
}

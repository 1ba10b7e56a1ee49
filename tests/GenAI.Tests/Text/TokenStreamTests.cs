using GenAI.Text;
using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Text;

public class TokenStreamTests
{
    [Fact]
    public void RandomBatchTargetsAreInputsShiftedByOne()
    {
        using var stream = new TokenStream(Enumerable.Range(0, 50).Select(i => (long)i).ToArray());
        var (x, y) = stream.RandomBatch(4, 6, new Generator(1));
        Assert.Equal(new long[] { 4, 6 }, x.shape);
        // token i is the number i, so the target is the input plus one and each row counts up
        Assert.True(y.equal(x + 1).all().item<bool>());
        Assert.True((x[.., 1..] - x[.., ..^1]).eq(1).all().item<bool>());
        Assert.True(y.max().item<long>() <= 49);
    }

    [Fact]
    public void WindowsCutTheStreamInOrder()
    {
        using var stream = new TokenStream(Enumerable.Range(0, 10).Select(i => (long)i).ToArray());
        var (x, y) = stream.Windows(3);
        // (10 - 1) / 3 = 3 windows: 0 1 2 | 3 4 5 | 6 7 8, targets 1..9
        Assert.Equal(Enumerable.Range(0, 9).Select(i => (long)i).ToArray(), x.data<long>().ToArray());
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i).ToArray(), y.data<long>().ToArray());
        Assert.Equal(2, stream.Windows(3, maxWindows: 2).X.shape[0]);
    }

    [Fact]
    public void ImpossibleLengthsAreReported()
    {
        using var stream = new TokenStream([1, 2, 3]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => stream.RandomBatch(2, 3));
        Assert.Contains("between 1 and 2", e.Message);
        Assert.Throws<ArgumentException>(() => new TokenStream([1]));
    }
}

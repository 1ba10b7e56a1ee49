using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

/// <summary>Python-style indexing for get and set, against hand-worked results on arange(12).view(3, 4):
/// [[0,1,2,3],[4,5,6,7],[8,9,10,11]].</summary>
public class IndexingTests
{
    private static Tensor Grid() => arange(12).view(3, 4);

    private static long[] L(Tensor t) => t.data<long>().ToArray();

    [Fact]
    public void RangesIndicesAndSlicesSelectLikePython()
    {
        using var scope = NewDisposeScope();
        var x = Grid();
        Assert.Equal(new long[] { 0, 4, 8 }, L(x[.., 0]));                                  // x[:, 0]
        Assert.Equal(new long[] { 4, 5, 6, 7, 8, 9, 10, 11 }, L(x[1..3]));                  // x[1:3]
        Assert.Equal(new long[] { 8, 9, 10, 11 }, L(x[^1]));                                // x[-1]
        Assert.Equal(new long[] { 1, 2, 5, 6, 9, 10 }, L(x[TensorIndex.Colon, TensorIndex.Slice(1, 3)]));
        Assert.Equal(new long[] { 0, 2, 8, 10 }, L(x[TensorIndex.Slice(null, null, 2), TensorIndex.Slice(0, 4, 2)]));
        Assert.Equal(new long[] { 3, 7, 11 }, L(x[TensorIndex.Ellipsis, -1]));
        Assert.Equal(new long[] { 1, 3, 3 }, x[TensorIndex.None, .., 1..].shape);
        Assert.Equal(6L, x[1, 2].item<long>());
        Assert.Equal(new long[] { 9, 10 }, L(x[2, 1..^1]));
    }

    [Fact]
    public void BooleanAndIntegerTensorIndices()
    {
        using var scope = NewDisposeScope();
        var x = Grid();
        Assert.Equal(new long[] { 7, 8, 9, 10, 11 }, L(x[x > 6]));
        var rows = tensor(new long[] { 2, 0 });
        Assert.Equal(new long[] { 8, 9, 10, 11, 0, 1, 2, 3 }, L(x[rows]));
        Assert.Equal(new long[] { 9, 2 }, L(x[rows, tensor(new long[] { 1, 2 })]));
        Assert.Equal(new long[] { 4, 6 }, L(x.index_select(1, tensor(new long[] { 0, 2 }))[1]));
    }

    [Fact]
    public void SettersWriteThroughIndices()
    {
        using var scope = NewDisposeScope();
        var x = Grid();
        x[.., 0] = tensor(new long[] { -1, -2, -3 });
        x[^1, 1..] = tensor(0L);
        x[1, 1] = tensor(99L);
        Assert.Equal(new long[] { -1, 1, 2, 3, -2, 99, 6, 7, -3, 0, 0, 0 }, L(x));
        x[x < 0] = tensor(100L);
        Assert.Equal(new long[] { 100, 1, 2, 3, 100, 99, 6, 7, 100, 0, 0, 0 }, L(x));
        x.index_put_((Scalar)5L, TensorIndex.Slice(0, 1));
        Assert.Equal(new long[] { 5, 5, 5, 5 }, L(x[0]));
        var acc = zeros(new long[] { 3 }, ScalarType.Int64);
        acc.index_put_(ones(new long[] { 3 }, ScalarType.Int64), new[] { tensor(new long[] { 0, 0, 2 }) }, accumulate: true);
        Assert.Equal(new long[] { 2, 0, 1 }, L(acc));
    }

    [Fact]
    public void GatherScatterMaskedFillAndOneHot()
    {
        using var scope = NewDisposeScope();
        var x = Grid();
        var idx = tensor(new long[] { 3, 0, 1 }).unsqueeze(1);
        Assert.Equal(new long[] { 3, 4, 9 }, L(x.gather(1, idx)));
        var s = zeros(new long[] { 3, 4 }, ScalarType.Int64).scatter(1, idx, ones(new long[] { 3, 1 }, ScalarType.Int64));
        Assert.Equal(new long[] { 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0 }, L(s));
        var added = zeros(new long[] { 4 }, ScalarType.Int64).scatter_add(0, tensor(new long[] { 1, 1, 3 }), tensor(new long[] { 5, 6, 7 }));
        Assert.Equal(new long[] { 0, 11, 0, 7 }, L(added));
        Assert.Equal(new long[] { 0, 1, -1, -1 }, L(x[0].masked_fill(x[0] > 1, -1)));
        var oh = nn.functional.one_hot(tensor(new long[] { 2, 0 }), 3);
        Assert.Equal(new long[] { 0, 0, 1, 1, 0, 0 }, L(oh));
        Assert.Equal(new long[] { 0, 1, 0, 0, 4, 5, 6, 0, 8, 9, 10, 11 }, L(x.tril(1)));
        Assert.Equal(new long[] { 0, 1, 2, 3, 0, 0, 6, 7, 0, 0, 0, 11 }, L(x.triu(1)));
    }
}

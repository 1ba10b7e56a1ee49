using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

public class CreationAndShapeTests
{
    [Fact]
    public void FactoriesHaveTheRightValuesAndDtypes()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(ScalarType.Float32, zeros(2, 3).dtype);
        Assert.Equal(new float[] { 1, 1 }, ones(2).data<float>().ToArray());
        var f = full(new long[] { 2 }, 7);
        Assert.Equal(ScalarType.Int64, f.dtype); // integer fill value -> int64, as in PyTorch
        Assert.Equal(new float[] { 2.5f, 2.5f }, full(2, 2.5f).data<float>().ToArray());
        Assert.Equal(new float[] { 1, 0, 0, 1 }, eye(2).data<float>().ToArray());
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, arange(5).data<long>().ToArray());
        Assert.Equal(ScalarType.Float32, arange(0, 1, 0.25).dtype);
        Assert.Equal(new float[] { 0, 0.25f, 0.5f, 0.75f }, arange(0, 1, 0.25).data<float>().ToArray());
        Assert.Equal(new float[] { 0, 0.5f, 1 }, linspace(0, 1, 3).data<float>().ToArray());
        Assert.Equal(new[] { true, false }, tensor(new[] { true, false }).data<bool>().ToArray());
        Assert.Equal(ScalarType.Float64, tensor(3.0).dtype);
        Assert.Equal(ScalarType.Int32, tensor(3).dtype);
        Assert.Equal(0, tensor(3.5f).Dimensions);
        var like = ones_like(zeros(new long[] { 2, 2 }, ScalarType.Float64));
        Assert.Equal(ScalarType.Float64, like.dtype);
        Assert.Equal(new long[] { 2, 2 }, like.shape);
        var m = tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(new long[] { 2, 3 }, m.shape);
        Assert.Equal(6.0, m[1, 2].item<double>());
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Int32)]
    [InlineData(ScalarType.Int64)]
    [InlineData(ScalarType.Byte)]
    [InlineData(ScalarType.Bool)]
    [InlineData(ScalarType.Float16)]
    [InlineData(ScalarType.BFloat16)]
    public void EveryDtypeRoundTripsThroughConversion(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var t = tensor(new float[] { 0, 1, 2 }).to_type(dtype);
        Assert.Equal(dtype, t.dtype);
        var back = t.to_type(ScalarType.Float32).data<float>().ToArray();
        Assert.Equal(dtype == ScalarType.Bool ? new float[] { 0, 1, 1 } : new float[] { 0, 1, 2 }, back);
        Assert.Equal(dtype.ElementSize(), t.ElementSize);
    }

    [Fact]
    public void ItemAndConversionsReadScalars()
    {
        using var scope = NewDisposeScope();
        var t = tensor(2.75f);
        Assert.Equal(2.75f, t.ToSingle());
        Assert.Equal(2.75, t.ToDouble());
        Assert.Equal(2L, tensor(2L).ToInt64());
        Assert.Equal(3, (int)tensor(3));
        Assert.True(tensor(true).item<bool>());
        Assert.Equal((Half)1.5, tensor(1.5f).half().item<Half>());
    }

    [Fact]
    public void ViewsAndReshapes()
    {
        using var scope = NewDisposeScope();
        var x = arange(24).view(2, 3, 4);
        Assert.Equal(new long[] { 4, 3, 2 }, x.permute(2, 1, 0).shape);
        Assert.Equal(new long[] { 2, 4, 3 }, x.transpose(1, 2).shape);
        Assert.Equal(new long[] { 6, 4 }, x.reshape(-1, 4).shape);
        Assert.Equal(new long[] { 2, 12 }, x.flatten(1).shape);
        Assert.Equal(new long[] { 2, 1, 3, 4 }, x.unsqueeze(1).shape);
        Assert.Equal(new long[] { 2, 3, 4 }, x.unsqueeze(1).squeeze(1).shape);
        Assert.Equal(new long[] { 2, 3, 2, 2 }, x.unflatten(2, 2, 2).shape);
        Assert.Equal(new long[] { 3, 3, 4 }, arange(4).expand(3, 3, 4).shape);
        Assert.Equal(new long[] { 0, 1, 0, 1 }, arange(2).repeat(2).data<long>().ToArray());
        Assert.Equal(new long[] { 1, 2 }, x.narrow(2, 1, 2)[0, 0].data<long>().ToArray());
        var t = arange(6).view(2, 3).t();
        Assert.False(t.is_contiguous());
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, t.contiguous().data<long>().ToArray());
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, t.data<long>().ToArray()); // accessor follows strides
    }

    [Fact]
    public void JoinsAndSplits()
    {
        using var scope = NewDisposeScope();
        var a = arange(4).view(2, 2);
        var b = arange(4, 8).view(2, 2);
        Assert.Equal(new long[] { 4, 2 }, cat(new[] { a, b }).shape);
        Assert.Equal(new long[] { 2, 4 }, cat(new[] { a, b }, 1).shape);
        Assert.Equal(new long[] { 2, 2, 2 }, stack(new[] { a, b }).shape);
        var parts = arange(7).chunk(3);
        Assert.Equal(new[] { 3L, 3L, 1L }, parts.Select(p => p.numel()).ToArray());
        var splits = arange(7).split(new long[] { 2, 5 });
        Assert.Equal(new long[] { 2, 3, 4, 5, 6 }, splits[1].data<long>().ToArray());
        Assert.Equal(3, arange(6).view(3, 2).unbind(0).Length);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 6 }, cat(arange(7).split(3)).data<long>().ToArray());
    }
}

using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

/// <summary>Bad input is a .NET exception with a message naming the problem; the process goes on.</summary>
public class ErrorTests
{
    [Fact]
    public void ShapeMismatchInBroadcastNamesBothSizes()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ExternalException>(() => ones(3) + ones(4));
        Assert.Contains("size of tensor a (3)", ex.Message);
        Assert.Contains("size of tensor b (4)", ex.Message);
    }

    [Fact]
    public void DtypeMismatchIsReported()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ExternalException>(() => ones(2, 2).matmul(ones(new long[] { 2, 2 }, ScalarType.Float64)));
        Assert.Contains("Float", ex.Message);
        Assert.Contains("Double", ex.Message);
        // index tensors must be integers
        var bad = Assert.Throws<ExternalException>(() => ones(3).index_select(0, ones(2)));
        Assert.Contains("int64", bad.Message);
    }

    [Fact]
    public void OutOfRangeIndexIsReported()
    {
        using var scope = NewDisposeScope();
        var t = arange(5);
        var ex = Assert.Throws<ExternalException>(() => t[7]);
        Assert.Contains("index 7 is out of bounds for dimension 0 with size 5", ex.Message);
        Assert.Throws<ExternalException>(() => t.index_select(0, tensor(new long[] { 9 })));
        Assert.Throws<IndexOutOfRangeException>(() => t.size(3));
        Assert.Equal(4, t[-1].item<long>()); // still works afterwards
    }

    [Fact]
    public void CudaWithoutCudaIsAClearException()
    {
        if (cuda.is_available()) return; // on a GPU machine this is not an error (covered by the device run)
        Assert.Equal(0, cuda.device_count());
        var ex = Assert.Throws<ExternalException>(() => zeros(new long[] { 2 }, device: CUDA));
        Assert.Contains("CUDA", ex.Message);
        Assert.Contains("not available", ex.Message);
        using var t = ones(2);
        Assert.Throws<ExternalException>(() => t.cuda());
        Assert.Throws<ExternalException>(() => t.to(new Device("cuda:0")));
    }

    [Fact]
    public void BadManagedArgumentsAreArgumentExceptions()
    {
        var ex = Assert.Throws<ArgumentException>(() => tensor(new float[] { 1, 2, 3 }, new long[] { 2, 2 }));
        Assert.Contains("needs 4 elements but the data has 3", ex.Message);
        Assert.Throws<ArgumentException>(() => new Device("tpu:0"));
        using var t = ones(2);
        var acc = Assert.Throws<ArgumentException>(() => t.data<double>());
        Assert.Contains("Float32", acc.Message);
    }

    [Fact]
    public void UsingADisposedTensorIsAnInvalidOperation()
    {
        var t = ones(2);
        t.Dispose();
        var ex = Assert.Throws<InvalidOperationException>(() => t.sum());
        Assert.Contains("disposed", ex.Message);
        t.Dispose(); // twice is fine
    }

    [Fact]
    public async Task ErrorsOnOneThreadDoNotLeakIntoAnother()
    {
        await Task.Run(() => Assert.Throws<ExternalException>(() => ones(2, 3).matmul(ones(2, 3))));
        using var ok = ones(2, 3).matmul(ones(3, 2));
        Assert.Equal(new long[] { 2, 2 }, ok.shape);
    }
}

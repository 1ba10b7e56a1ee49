using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Core;

/// <summary>The first ops every other part builds on: creation, add, matmul, sum, backward, errors.</summary>
public class ContractTests
{
    [Fact]
    public void TensorFromArrayKeepsValuesShapeAndDtype()
    {
        using var t = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.data<float>().ToArray());
    }

    [Fact]
    public void AddMatmulSumMatchHandWorkedValues()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var b = tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });
        using var sum = a + b;
        Assert.Equal(new float[] { 6, 8, 10, 12 }, sum.data<float>().ToArray());
        // [[1,2],[3,4]] @ [[5,6],[7,8]] = [[19,22],[43,50]]
        using var prod = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, prod.data<float>().ToArray());
        using var total = prod.sum();
        Assert.Equal(134f, total.item<float>());
    }

    [Fact]
    public void BackwardFillsGradOfLeaves()
    {
        // y = sum(x * x + 3x) => dy/dx = 2x + 3
        using var x = tensor(new double[] { 1, -2, 0.5 }, requires_grad: true);
        using var y = (x * x + 3 * x).sum();
        y.backward();
        using var g = x.grad!;
        Assert.Equal(new double[] { 5, -1, 4 }, g.data<double>().ToArray());
    }

    [Fact]
    public void MatmulShapeMismatchIsAnExceptionNamingBothShapes()
    {
        using var a = zeros(2, 3);
        using var b = zeros(4, 5);
        var ex = Assert.Throws<ExternalException>(() => a.matmul(b));
        Assert.Contains("2x3", ex.Message);
        Assert.Contains("4x5", ex.Message);
        Assert.DoesNotContain("frame #", ex.Message); // no C++ backtrace noise
        // The process goes on and the engine still works.
        using var ok = a.matmul(zeros(3, 1));
        Assert.Equal(new long[] { 2, 1 }, ok.shape);
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

public class LinalgTests
{
    [Fact]
    public void EighSvdInvDetEinsumMatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var sym = Reference.Tensor("linalg", "sym");
        var (values, vectors) = linalg.eigh(sym);
        Reference.AssertClose(Reference.Values("linalg", "eigh_values"), values, 1e-10);
        // A v = lambda v for every eigenpair
        Reference.AssertClose(sym.matmul(vectors).data<double>().ToArray(), vectors * values, 1e-10);
        var b = Reference.Tensor("linalg", "b");
        var (u, s, vh) = linalg.svd(b, fullMatrices: false);
        Reference.AssertClose(Reference.Values("linalg", "svd_values"), s, 1e-10);
        Reference.AssertClose(b.data<double>().ToArray(), (u * s).matmul(vh), 1e-10);
        Reference.AssertClose(Reference.Values("linalg", "inv"), linalg.inv(sym), 1e-10);
        Reference.AssertClose(Reference.Values("linalg", "det"), linalg.det(sym), 1e-10);
        var a3 = Reference.Tensor("linalg", "sym")[TensorIndex.Slice(0, 3)];
        Assert.Equal(new long[] { 3, 4 }, a3.shape);
    }

    [Fact]
    public void ProductsMatchHandWorkedValues()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        var v = tensor(new float[] { 1, -1 });
        Assert.Equal(new float[] { -1, -1 }, a.mv(v).data<float>().ToArray());
        Assert.Equal(new float[] { 1, -1, 2, -2 }, outer(tensor(new float[] { 1, 2 }), v).data<float>().ToArray());
        Assert.Equal(2f, dot(v, v).item<float>());
        var batch = stack(new[] { a, a * 2 });
        var bm = batch.bmm(batch);
        Assert.Equal(new long[] { 2, 2, 2 }, bm.shape);
        // [[1,2],[3,4]]^2 = [[7,10],[15,22]]; (2a)^2 = 4 a^2
        Assert.Equal(new float[] { 7, 10, 15, 22, 28, 40, 60, 88 }, bm.data<float>().ToArray());
        var e = einsum("bij,bjk->bik", batch, batch);
        Assert.True(e.allclose(bm));
        Assert.Equal(new float[] { 7, 10, 15, 22 }, a.mm(a).data<float>().ToArray());
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

/// <summary>Reductions, scans, softmax, sorting on a 3x4 matrix, against Python PyTorch.</summary>
public class ReductionTests
{
    private static readonly Dictionary<string, Func<Tensor, Tensor>> Ops = new()
    {
        ["sum"] = m => m.sum(), ["sum_dim1"] = m => m.sum(1), ["mean_dim0_keep"] = m => m.mean(new long[] { 0 }, keepdim: true),
        ["var_dim1"] = m => m.var(1), ["std_all"] = m => m.std(), ["var_biased_dim0"] = m => m.var(0, unbiased: false),
        ["prod_dim1"] = m => m.prod(1), ["max_dim1_values"] = m => m.max(1).values, ["max_dim1_indices"] = m => m.max(1).indexes,
        ["argmin_dim0"] = m => m.argmin(0), ["argmax_all"] = m => m.argmax(), ["amax_dim0"] = m => m.amax(0),
        ["logsumexp_dim1"] = m => m.logsumexp(1), ["cumsum_dim1"] = m => m.cumsum(1), ["cumprod_dim0"] = m => m.cumprod(0),
        ["softmax_dim1"] = m => m.softmax(1), ["log_softmax_dim0"] = m => m.log_softmax(0),
        ["topk2_values"] = m => m.topk(2, dim: 1).values, ["topk2_indices"] = m => m.topk(2, dim: 1).indices,
        ["sort_desc_values"] = m => m.sort(1, descending: true).values, ["sort_desc_indices"] = m => m.sort(1, descending: true).indices,
        ["median_all"] = m => m.median(), ["norm_all"] = m => linalg.norm(m), ["norm_fro"] = m => linalg.norm(m, "fro"),
        ["vector_norm_1_dim1"] = m => linalg.vector_norm(m, 1, new long[] { 1 }),
    };

    public static IEnumerable<object[]> Names() => Ops.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void ReductionMatchesPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        var m = Reference.Tensor("matrix");
        var result = Ops[name](m);
        Assert.Equal(Reference.Shape("reductions", name), result.shape);
        Reference.AssertClose(Reference.Values("reductions", name), result, 1e-12);
    }

    [Fact]
    public void HandWorkedSumMeanVarWithKeepdim()
    {
        using var scope = NewDisposeScope();
        var m = tensor(new double[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });
        Assert.Equal(new double[] { 5, 7, 9 }, m.sum(dim: 0).data<double>().ToArray()); // sum(0) would bind to sum(ScalarType), as in TorchSharp
        var rowMean = m.mean(new long[] { 1 }, keepdim: true);
        Assert.Equal(new long[] { 2, 1 }, rowMean.shape);
        Assert.Equal(new double[] { 2, 5 }, rowMean.data<double>().ToArray());
        // var of 1,2,3 with Bessel's correction = 1
        Assert.Equal(new double[] { 1, 1 }, m.var(1).data<double>().ToArray());
        Assert.Equal(21.0, m.sum().item<double>());
        Assert.Equal(720.0, m.prod().item<double>());
        Assert.Equal(6.0, m.max().item<double>());
    }

    [Fact]
    public void UniqueWithInverseAndCountsMatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var input = tensor(Reference.Longs(Reference.Get("unique", "input")));
        var (values, inverse, counts) = input.unique(return_inverse: true, return_counts: true);
        Assert.Equal(Reference.Longs(Reference.Get("unique", "values")), values.data<long>().ToArray());
        Assert.Equal(Reference.Longs(Reference.Get("unique", "inverse")), inverse!.data<long>().ToArray());
        Assert.Equal(Reference.Longs(Reference.Get("unique", "counts")), counts!.data<long>().ToArray());
        var (plain, noInverse, noCounts) = input.unique();
        Assert.Null(noInverse);
        Assert.Null(noCounts);
        Assert.Equal(4, plain.numel());
    }

    [Fact]
    public void SoftmaxRowsSumToOne()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3, 1, 1, 1 }, new long[] { 2, 3 });
        var p = x.softmax(-1);
        Reference.AssertClose(new double[] { 1, 1 }, p.sum(1), 1e-6);
        // softmax of equal logits is uniform
        Reference.AssertClose(new double[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }, p[1], 1e-6);
    }
}

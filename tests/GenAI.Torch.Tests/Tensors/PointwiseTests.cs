using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

/// <summary>Pointwise ops against Python PyTorch's values for the same inputs (float64).</summary>
public class PointwiseTests
{
    private static readonly Dictionary<string, Func<Tensor, Tensor>> OnAny = new()
    {
        ["exp"] = x => x.exp(), ["sin"] = x => x.sin(), ["cos"] = x => x.cos(), ["tanh"] = x => x.tanh(),
        ["sigmoid"] = x => x.sigmoid(), ["relu"] = x => x.relu(), ["abs"] = x => x.abs(), ["neg"] = x => -x,
        ["square"] = x => x.square(), ["floor"] = x => x.floor(), ["ceil"] = x => x.ceil(), ["round"] = x => x.round(),
        ["sign"] = x => x.sign(), ["erf"] = x => x.erf(), ["atan"] = x => x.atan(), ["silu"] = x => x.silu(),
        ["gelu"] = x => x.gelu(), ["softplus"] = x => x.softplus(), ["log_sigmoid"] = x => x.log_sigmoid(),
        ["expm1"] = x => x.expm1(), ["clamp"] = x => x.clamp(-1, 0.5), ["leaky_relu"] = x => x.leaky_relu(0.1),
        ["elu"] = x => x.elu(), ["hardtanh"] = x => x.hardtanh(-0.5, 0.5), ["rsub_3"] = x => 3 - x,
        ["mul_scalar"] = x => x * 1.5, ["remainder_1_5"] = x => x % 1.5,
    };

    private static readonly Dictionary<string, Func<Tensor, Tensor>> OnPositive = new()
    {
        ["log"] = x => x.log(), ["sqrt"] = x => x.sqrt(), ["rsqrt"] = x => x.rsqrt(), ["log1p"] = x => x.log1p(),
        ["reciprocal"] = x => x.reciprocal(), ["log2"] = x => x.log2(), ["lgamma"] = x => x.lgamma(),
        ["digamma"] = x => x.digamma(), ["pow_2_5"] = x => x.pow(2.5), ["rdiv_2"] = x => 2 / x,
    };

    private static readonly Dictionary<string, Func<Tensor, Tensor>> OnUnit = new()
    {
        ["logit"] = x => x.logit(), ["erfinv"] = x => (x * 2 - 1).erfinv(), ["asin"] = x => (x * 2 - 1).asin(),
    };

    public static IEnumerable<object[]> UnaryNames() =>
        OnAny.Keys.Concat(OnPositive.Keys).Concat(OnUnit.Keys).Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void UnaryOpMatchesPyTorch(string name)
    {
        var (inputName, op) = OnAny.TryGetValue(name, out var f) ? ("pointwise_input", f)
            : OnPositive.TryGetValue(name, out f) ? ("pointwise_positive", f) : ("pointwise_unit", OnUnit[name]);
        using var scope = NewDisposeScope();
        var x = tensor(Reference.Values(inputName), ScalarType.Float64);
        Reference.AssertClose(Reference.Values("pointwise", name), op(x), 1e-12);
    }

    private static readonly Dictionary<string, Func<Tensor, Tensor, Tensor>> Binary = new()
    {
        ["add"] = (x, y) => x + y, ["sub"] = (x, y) => x - y, ["mul"] = (x, y) => x * y, ["div"] = (x, y) => x / y,
        ["maximum"] = (x, y) => maximum(x, y), ["minimum"] = (x, y) => minimum(x, y), ["atan2"] = (x, y) => atan2(x, y),
        ["pow_abs"] = (x, y) => (x.abs() + 0.1).pow(y), ["hypot"] = (x, y) => x.hypot(y), ["lerp_0_3"] = (x, y) => x.lerp(y, 0.3),
        ["where_gt"] = (x, y) => where(x > y, x, y), ["xlogy"] = (x, y) => (x.abs() + 0.1).xlogy(x.abs() + 1.1),
    };

    public static IEnumerable<object[]> BinaryNames() => Binary.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(BinaryNames))]
    public void BinaryOpMatchesPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        var x = tensor(Reference.Values("pointwise_input"), ScalarType.Float64);
        var y = tensor(Reference.Values("binary_other"), ScalarType.Float64);
        Reference.AssertClose(Reference.Values("binary", name), Binary[name](x, y), 1e-12);
    }

    [Fact]
    public void ScalarOperandsPromoteLikePythonNumbers()
    {
        using var scope = NewDisposeScope();
        var ints = tensor(new long[] { 1, 2, 3 });
        // int tensor * 2 stays int64; int tensor * 2.5 becomes the default float dtype (float32), as in Python.
        Assert.Equal(ScalarType.Int64, (ints * 2).dtype);
        var halves = ints * 2.5;
        Assert.Equal(ScalarType.Float32, halves.dtype);
        Assert.Equal(new float[] { 2.5f, 5f, 7.5f }, halves.data<float>().ToArray());
        Assert.Equal(new long[] { 9, 8, 7 }, (10 - ints).data<long>().ToArray());
        var f = tensor(new float[] { 1, 2 });
        Assert.Equal(ScalarType.Float32, (f * 3.0).dtype);
    }

    [Fact]
    public void ComparisonsGiveBoolTensors()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 5, 3 });
        var b = tensor(new float[] { 2, 5, 1 });
        Assert.Equal(new[] { true, false, false }, (a < b).data<bool>().ToArray());
        Assert.Equal(new[] { false, true, false }, (a == b).data<bool>().ToArray());
        Assert.Equal(new[] { true, false, true }, a.ne(b).data<bool>().ToArray());
        Assert.Equal(new[] { false, true, true }, (a >= 3).data<bool>().ToArray());
        Assert.Equal(ScalarType.Bool, a.gt(b).dtype);
    }

    [Fact]
    public void InPlaceOpsChangeTheTensorAndReturnIt()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3 });
        var same = a.mul_(2).add_(1).clamp_(max: 6);
        Assert.Same(a, same);
        Assert.Equal(new float[] { 3, 5, 6 }, a.data<float>().ToArray());
        a.exp_().log_();
        Reference.AssertClose(new double[] { 3, 5, 6 }, a, 1e-6);
        a.fill_(7).zero_();
        Assert.Equal(0f, a.sum().item<float>());
    }

    [Fact]
    public void EveryPointwiseOpCodeMatchesTheNativeName()
    {
        foreach (var op in Enum.GetValues<TorchSharp.PInvoke.UnaryOp>())
            Assert.Equal(op.ToString(), System.Runtime.InteropServices.Marshal.PtrToStringUTF8(TorchSharp.PInvoke.NativeMethods.gt_op_name(0, (int)op)));
        foreach (var op in Enum.GetValues<TorchSharp.PInvoke.BinaryOp>())
            Assert.Equal(op.ToString(), System.Runtime.InteropServices.Marshal.PtrToStringUTF8(TorchSharp.PInvoke.NativeMethods.gt_op_name(1, (int)op)));
    }
}

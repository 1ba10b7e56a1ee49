using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.Tensors;

public class AutogradTests
{
    /// <summary>Central differences in float64 against the gradient libtorch computes.</summary>
    private static void CheckGradient(Func<Tensor, Tensor> f, double[] point, long[] shape)
    {
        using var scope = NewDisposeScope();
        var x = tensor(point, shape, ScalarType.Float64, requires_grad: true);
        var y = f(x);
        y.backward();
        var analytic = x.grad!.data<double>().ToArray();
        const double h = 1e-6;
        for (int k = 0; k < point.Length; k++)
        {
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[k] += h;
            minus[k] -= h;
            double fp, fm;
            using (no_grad())
            {
                fp = f(tensor(plus, shape, ScalarType.Float64)).item<double>();
                fm = f(tensor(minus, shape, ScalarType.Float64)).item<double>();
            }
            var numeric = (fp - fm) / (2 * h);
            Assert.True(Math.Abs(numeric - analytic[k]) < 1e-6 * Math.Max(1, Math.Abs(numeric)),
                $"d/dx[{k}]: finite difference {numeric}, autograd {analytic[k]}");
        }
    }

    private static readonly double[] P = { 0.3, -1.2, 0.8, 2.0, -0.4, 1.1 };

    [Fact] public void TanhSquareSum() => CheckGradient(x => x.tanh().square().sum(), P, new long[] { 6 });
    [Fact] public void SoftmaxCrossTerm() => CheckGradient(x => (x.softmax(1) * x).sum(), P, new long[] { 2, 3 });
    [Fact] public void LogSumExpAndMatmul() => CheckGradient(x => x.matmul(x.t()).logsumexp(1).sum(), P, new long[] { 2, 3 });
    [Fact] public void SigmoidDivNormAndIndexing() => CheckGradient(x => (x.sigmoid() / (x.square() + 1)).sum() + linalg.norm(x[1]), P, new long[] { 2, 3 });
    [Fact] public void VarAndCumsum() => CheckGradient(x => x.var(1).sum() + x.cumsum(0).exp().mean(), P, new long[] { 3, 2 });

    [Fact]
    public void AutogradGradMatchesPyTorch()
    {
        using var scope = NewDisposeScope();
        var w = tensor(Reference.Values("autograd", "w"), new long[] { 2, 2 }, ScalarType.Float64, requires_grad: true);
        var v = tensor(Reference.Values("autograd", "v"), ScalarType.Float64, requires_grad: true);
        var loss = w.matmul(v).tanh().pow(2).sum() + (w * w).sum().sqrt();
        Assert.Equal(Reference.Get("autograd", "loss").GetDouble(), loss.item<double>(), 12);
        var grads = autograd.grad(new[] { loss }, new[] { w, v });
        Reference.AssertClose(Reference.Values("autograd", "grad_w"), grads[0], 1e-12);
        Reference.AssertClose(Reference.Values("autograd", "grad_v"), grads[1], 1e-12);
        Assert.Null(w.grad); // autograd.grad returns gradients, it does not accumulate them
    }

    [Fact]
    public void CreateGraphGivesSecondDerivatives()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 2.0 }, ScalarType.Float64, requires_grad: true);
        var y = x.pow(3).sum();
        var dy = autograd.grad(new[] { y }, new[] { x }, create_graph: true)[0];   // 3x^2 = 12
        Assert.Equal(12.0, dy.item<double>(), 12);
        var d2y = autograd.grad(new[] { dy.sum() }, new[] { x })[0];              // 6x = 12
        Assert.Equal(12.0, d2y.item<double>(), 12);
    }

    [Fact]
    public void RetainGraphAllowsSecondBackwardAndGradsAccumulate()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, ScalarType.Float64, requires_grad: true);
        var y = (x * x).sum();
        y.backward(retain_graph: true);
        y.backward();
        Assert.Equal(new double[] { 4, 8 }, x.grad!.data<double>().ToArray()); // 2 * 2x
    }

    [Fact]
    public void SecondBackwardThroughFreedGraphIsAnException()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2 }, ScalarType.Float64, requires_grad: true);
        var y = (x.exp() * x).sum();
        y.backward();
        var ex = Assert.Throws<ExternalException>(() => y.backward());
        Assert.Contains("second time", ex.Message);
    }

    [Fact]
    public void NoGradDetachAndRequiresGradSwitches()
    {
        using var scope = NewDisposeScope();
        var x = ones(3, requires_grad: true);
        Assert.True(x.requires_grad);
        Assert.True(x.is_leaf);
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            Assert.False((x * 2).requires_grad);
            using (enable_grad()) Assert.True((x * 2).requires_grad);
        }
        Assert.True(is_grad_enabled());
        Assert.True((x * 2).requires_grad);
        Assert.False((x * 2).detach().requires_grad);
        x.requires_grad_(false);
        Assert.False((x * 2).requires_grad);
    }
}

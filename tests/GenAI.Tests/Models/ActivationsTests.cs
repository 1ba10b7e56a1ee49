using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class ActivationsTests
{
    public static TheoryData<Activation> All => new(Enum.GetValues<Activation>());

    [Theory]
    [MemberData(nameof(All))]
    public void DerivativeAgreesWithAutograd(Activation activation)
    {
        // Points away from 0, where ReLU has a kink.
        using var x = linspace(-4, 4, 81, dtype: ScalarType.Float64).add(0.013).requires_grad_(true);
        using var y = Activations.Apply(activation, x);
        y.sum().backward();
        using var closedForm = Activations.Derivative(activation, x.detach());
        Assert.True(closedForm.allclose(x.grad!, 1e-9, 1e-9), $"{activation}: max difference {(closedForm - x.grad!).abs().max().item<double>()}");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void ApplyAgreesWithTorchSharpsModule(Activation activation)
    {
        using var x = linspace(-4, 4, 33, dtype: ScalarType.Float64);
        nn.Module<Tensor, Tensor> module = activation switch
        {
            Activation.Identity => nn.Identity(),
            Activation.Sigmoid => nn.Sigmoid(),
            Activation.Tanh => nn.Tanh(),
            Activation.ReLU => nn.ReLU(),
            Activation.LeakyReLU => nn.LeakyReLU(0.01),
            Activation.GELU => nn.GELU(),
            Activation.SiLU => nn.SiLU(),
            _ => throw new ArgumentOutOfRangeException(nameof(activation)),
        };
        Assert.True(Activations.Apply(activation, x).allclose(module.call(x), 1e-12, 1e-12));
    }

    [Fact]
    public void DerivativesByHandAtZeroAndTwo()
    {
        using var x = tensor(new double[] { 0, 2 });
        // σ'(0) = 1/4; σ'(2) = σ(2)(1 - σ(2))
        double s2 = 1 / (1 + Math.Exp(-2));
        Assert.Equal(new[] { 0.25, s2 * (1 - s2) }, Activations.Derivative(Activation.Sigmoid, x).data<double>().ToArray(), new Tolerance(1e-12));
        // tanh'(0) = 1; tanh'(2) = 1 - tanh²(2)
        Assert.Equal(new[] { 1, 1 - Math.Tanh(2) * Math.Tanh(2) }, Activations.Derivative(Activation.Tanh, x).data<double>().ToArray(), new Tolerance(1e-12));
        // GELU'(0) = Φ(0) = 1/2; SiLU'(0) = σ(0) = 1/2
        Assert.Equal(0.5, Activations.Derivative(Activation.GELU, x)[0].item<double>(), 12);
        Assert.Equal(0.5, Activations.Derivative(Activation.SiLU, x)[0].item<double>(), 12);
    }

    sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}

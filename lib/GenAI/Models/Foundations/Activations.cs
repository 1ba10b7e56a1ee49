using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>The non-linearities the course compares.</summary>
public enum Activation
{
    /// <summary>No non-linearity: f(x) = x.</summary>
    Identity,
    /// <summary>σ(x) = 1 / (1 + e^{-x}), squashes to (0, 1).</summary>
    Sigmoid,
    /// <summary>tanh(x), squashes to (-1, 1) and is centred on 0.</summary>
    Tanh,
    /// <summary>max(0, x).</summary>
    ReLU,
    /// <summary>x for x &gt; 0, 0.01·x otherwise.</summary>
    LeakyReLU,
    /// <summary>x·Φ(x), Φ the standard normal CDF.</summary>
    GELU,
    /// <summary>x·σ(x) (also called swish).</summary>
    SiLU,
}

/// <summary>
/// Each activation and its derivative, written out from its formula. The derivatives are what
/// backpropagation multiplies by at every layer, so they decide whether gradients survive depth.
/// </summary>
public static class Activations
{
    /// <summary>Slope of Leaky ReLU for negative inputs.</summary>
    public const double LeakySlope = 0.01;

    /// <summary>f(x), elementwise.</summary>
    public static Tensor Apply(Activation activation, Tensor x) => activation switch
    {
        Activation.Identity => x.alias(),
        // σ(x) = 1 / (1 + e^{-x})
        Activation.Sigmoid => x.sigmoid(),
        Activation.Tanh => x.tanh(),
        // ReLU(x) = max(0, x)
        Activation.ReLU => nn.functional.relu(x),
        // LeakyReLU(x) = x if x > 0 else a·x
        Activation.LeakyReLU => nn.functional.leaky_relu(x, LeakySlope),
        // GELU(x) = x·Φ(x)
        Activation.GELU => nn.functional.gelu(x),
        // SiLU(x) = x·σ(x)
        Activation.SiLU => nn.functional.silu(x),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    /// <summary>f'(x), elementwise, from the closed-form derivative (no autograd).</summary>
    public static Tensor Derivative(Activation activation, Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor d = activation switch
        {
            Activation.Identity => ones_like(x),
            // σ'(x) = σ(x)(1 - σ(x)); at most 1/4, at x = 0
            Activation.Sigmoid => x.sigmoid() * (1 - x.sigmoid()),
            // tanh'(x) = 1 - tanh²(x); at most 1, at x = 0
            Activation.Tanh => 1 - x.tanh().square(),
            // ReLU'(x) = 1 if x > 0 else 0 (0 at x = 0, as autograd takes it)
            Activation.ReLU => x.gt(0).to(x.dtype),
            // LeakyReLU'(x) = 1 if x > 0 else a
            Activation.LeakyReLU => where(x.gt(0), ones_like(x), full_like(x, LeakySlope)),
            // GELU'(x) = Φ(x) + x·φ(x), φ(x) = e^{-x²/2} / √(2π)
            Activation.GELU => NormalCdf(x) + x * (-x.square() / 2).exp() / Math.Sqrt(2 * Math.PI),
            // SiLU'(x) = σ(x) + x·σ(x)(1 - σ(x)) = σ(x)(1 + x(1 - σ(x)))
            Activation.SiLU => x.sigmoid() * (1 + x * (1 - x.sigmoid())),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
        };
        return scope.MoveToOuter(d);
    }

    // Φ(x) = (1 + erf(x / √2)) / 2
    static Tensor NormalCdf(Tensor x) => (1 + (x / Math.Sqrt(2)).erf()) / 2;
}

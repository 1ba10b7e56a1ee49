using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>How a layer's weights are drawn before training.</summary>
public enum InitScheme
{
    /// <summary>Every weight 0: every hidden unit computes the same thing and gets the same gradient, for ever.</summary>
    Zeros,
    /// <summary>N(0, σ²) with a fixed σ (0.01 unless given), blind to the layer's size.</summary>
    Normal,
    /// <summary>Xavier/Glorot: Var(w) = 2 / (n_in + n_out), keeps variance forwards and backwards for tanh-like units.</summary>
    Xavier,
    /// <summary>He (Kaiming): Var(w) = 2 / n_in, makes up for ReLU zeroing half its inputs.</summary>
    He,
    /// <summary>LeCun: Var(w) = 1 / n_in, keeps the variance of a linear (or SELU) layer's output equal to its input's.</summary>
    LeCun,
}

/// <summary>Initialisation schemes as variance formulas, and applying them to a model's linear layers.</summary>
public static class Initialization
{
    /// <summary>Default σ of <see cref="InitScheme.Normal"/>.</summary>
    public const double DefaultNormalStd = 0.01;

    /// <summary>The standard deviation σ the scheme draws weights with, for a layer with <paramref name="fanIn"/> inputs and <paramref name="fanOut"/> outputs.</summary>
    public static double StandardDeviation(InitScheme scheme, long fanIn, long fanOut, double normalStd = DefaultNormalStd)
    {
        if (fanIn < 1 || fanOut < 1)
            throw new ArgumentOutOfRangeException(fanIn < 1 ? nameof(fanIn) : nameof(fanOut), $"fanIn and fanOut must be at least 1; got {fanIn} and {fanOut}.");
        return scheme switch
        {
            InitScheme.Zeros => 0,
            InitScheme.Normal => normalStd,
            // Xavier: σ² = 2 / (n_in + n_out)
            InitScheme.Xavier => Math.Sqrt(2.0 / (fanIn + fanOut)),
            // He: σ² = 2 / n_in
            InitScheme.He => Math.Sqrt(2.0 / fanIn),
            // LeCun: σ² = 1 / n_in
            InitScheme.LeCun => Math.Sqrt(1.0 / fanIn),
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown scheme."),
        };
    }

    /// <summary>Redraw a weight matrix [n_out, n_in] (nn.Linear's layout) in place from N(0, σ²) with the scheme's σ.</summary>
    public static void Apply(InitScheme scheme, Tensor weight, double normalStd = DefaultNormalStd, Generator? generator = null)
    {
        if (weight.ndim != 2)
            throw new ArgumentException($"weight must be a matrix [n_out, n_in]; got shape {ShapeText.Of(weight)}.", nameof(weight));
        double std = StandardDeviation(scheme, fanIn: weight.shape[1], fanOut: weight.shape[0], normalStd);
        using var noGrad = no_grad();
        if (scheme == InitScheme.Zeros) weight.zero_();
        else weight.normal_(0, std, generator);
    }

    /// <summary>Redraw every linear layer's weights with the scheme and set its bias to 0.</summary>
    public static void Apply(InitScheme scheme, IEnumerable<Linear> layers, double normalStd = DefaultNormalStd, Generator? generator = null)
    {
        foreach (var layer in layers)
        {
            Apply(scheme, layer.weight ?? throw new ArgumentException("A linear layer has no weight.", nameof(layers)), normalStd, generator);
            using var noGrad = no_grad();
            layer.bias?.zero_();
        }
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Where a hidden layer normalises its pre-activations, if at all.</summary>
public enum Normalization
{
    None,
    /// <summary>Each feature across the mini-batch (nn.BatchNorm1d).</summary>
    BatchNorm,
    /// <summary>Each example across its features (nn.LayerNorm).</summary>
    LayerNorm,
}

/// <summary>Sizes and options of a feed-forward classifier.</summary>
/// <param name="InputSize">Features per example.</param>
/// <param name="HiddenSizes">Units in each hidden layer, first to last; empty for a single linear layer (softmax regression).</param>
/// <param name="Classes">Number of classes (output logits).</param>
/// <param name="Activation">Non-linearity after every hidden layer.</param>
/// <param name="Dropout">Probability of zeroing a hidden unit in training (0 = no dropout).</param>
/// <param name="Normalization">Normalisation of each hidden layer's pre-activations.</param>
/// <param name="Residual">Add each hidden layer's input to its output where the two have the same size (a skip connection).</param>
/// <param name="Bias">Whether the linear layers have biases.</param>
public sealed record MlpClassifierConfig(
    int InputSize,
    int[] HiddenSizes,
    int Classes,
    Activation Activation = Activation.ReLU,
    double Dropout = 0,
    Normalization Normalization = Normalization.None,
    bool Residual = false,
    bool Bias = true)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot build a network.</summary>
    public void Validate()
    {
        const string record = nameof(MlpClassifierConfig);
        ConfigChecks.AtLeast(record, nameof(InputSize), InputSize, 1);
        if (HiddenSizes is null) throw new ArgumentException($"{record}.{nameof(HiddenSizes)} must be an array (empty for no hidden layer); got null.", nameof(HiddenSizes));
        for (int i = 0; i < HiddenSizes.Length; i++)
            if (HiddenSizes[i] < 1)
                throw new ArgumentException($"{record}.{nameof(HiddenSizes)}[{i}] must be at least 1; got {HiddenSizes[i]}.", nameof(HiddenSizes));
        ConfigChecks.AtLeast(record, nameof(Classes), Classes, 1);
        ConfigChecks.Probability(record, nameof(Dropout), Dropout);
    }

    /// <summary>
    /// Parameters by formula: each linear layer n_in → n_out has n_in·n_out weights (+ n_out biases);
    /// each normalised hidden layer adds a scale γ and a shift β per unit (2·n_out).
    /// The notes' example, 16 inputs → 5 outputs with bias: 16·5 + 5 = 85.
    /// </summary>
    public long ParameterCount
    {
        get
        {
            long count = 0;
            int previous = InputSize;
            foreach (int size in HiddenSizes)
            {
                count += (long)previous * size + (Bias ? size : 0);
                if (Normalization != Normalization.None) count += 2L * size;
                previous = size;
            }
            return count + (long)previous * Classes + (Bias ? Classes : 0);
        }
    }
}

/// <summary>
/// A plain feed-forward network (multi-layer perceptron) for classification: each hidden layer
/// computes h = f(norm(W x + b)), optionally with dropout and a skip connection, and a last linear
/// layer gives one logit per class. Train it with cross-entropy on the logits.
/// </summary>
public sealed class MlpClassifier : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<Linear> hidden = new();
    readonly ModuleList<nn.Module<Tensor, Tensor>> norms = new();
    readonly Dropout dropout;
    readonly Linear output;

    public MlpClassifierConfig Config { get; }

    public MlpClassifier(MlpClassifierConfig config, Device? device = null) : base(nameof(MlpClassifier))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config with { HiddenSizes = [.. config.HiddenSizes] };
        int previous = config.InputSize;
        foreach (int size in config.HiddenSizes)
        {
            hidden.Add(nn.Linear(previous, size, hasBias: config.Bias, device: device));
            if (config.Normalization == Normalization.BatchNorm) norms.Add(nn.BatchNorm1d(size, device: device));
            if (config.Normalization == Normalization.LayerNorm) norms.Add(nn.LayerNorm(size, device: device));
            previous = size;
        }
        dropout = nn.Dropout(config.Dropout);
        output = nn.Linear(previous, config.Classes, hasBias: config.Bias, device: device);
        RegisterComponents();
    }

    /// <summary>The linear layers, input side first; the last one is the output layer.</summary>
    public IReadOnlyList<Linear> LinearLayers => [.. hidden, output];

    /// <summary>Features [B, InputSize] → logits [B, Classes].</summary>
    public override Tensor forward(Tensor features) => ForwardWithHidden(features).Logits;

    /// <summary>
    /// The forward pass that also returns every hidden layer's output (after activation, dropout
    /// and skip), input side first: what "activation statistics per layer" are computed from.
    /// </summary>
    public (Tensor Logits, IReadOnlyList<Tensor> Hidden) ForwardWithHidden(Tensor features)
    {
        if (features.ndim != 2 || features.shape[1] != Config.InputSize)
            throw new ArgumentException(
                $"Expected features of shape [B, {Config.InputSize}] (InputSize {Config.InputSize}); got {ShapeText.Of(features)}.",
                nameof(features));
        if (!features.is_floating_point())
            throw new ArgumentException($"features must be floating point; got {features.dtype}.", nameof(features));
        var outputs = new List<Tensor>();
        var x = features;
        for (int i = 0; i < hidden.Count; i++)
        {
            // z = W x + b
            var z = hidden[i].call(x);
            // z ← γ (z - μ) / √(σ² + ε) + β, μ and σ² over the batch (batch norm) or over the features (layer norm)
            if (norms.Count > 0) z = norms[i].call(z);
            // h = f(z), then dropout zeroes each unit with probability p (scaling the rest by 1/(1-p)) in training
            var h = dropout.call(Activations.Apply(Config.Activation, z));
            // skip connection: h ← x + h where the sizes match, so the gradient has a path that skips f
            if (Config.Residual && x.shape[1] == h.shape[1]) h = x + h;
            outputs.Add(h);
            x = h;
        }
        return (output.call(x), outputs);
    }
}

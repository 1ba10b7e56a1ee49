using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a two-convolution image classifier.</summary>
/// <param name="InChannels">Channels of the input images (1 for grey, 3 for RGB).</param>
/// <param name="ImageSize">Height and width of the square input images.</param>
/// <param name="Channels1">Filters of the first convolution.</param>
/// <param name="Channels2">Filters of the second convolution.</param>
/// <param name="KernelSize">Odd kernel size k of both convolutions ('same' padding, p = (k - 1) / 2).</param>
/// <param name="HiddenDim">Units of the fully connected layer after the convolutions.</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="Dropout">Dropout probability before the last layer (training only).</param>
public sealed record CnnClassifierConfig(int InChannels = 1, int ImageSize = 28, int Channels1 = 16, int Channels2 = 32,
    int KernelSize = 3, int HiddenDim = 64, int Classes = 10, double Dropout = 0.1)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot make a model.</summary>
    public void Validate()
    {
        const string r = nameof(CnnClassifierConfig);
        ConfigChecks.AtLeast(r, nameof(InChannels), InChannels, 1);
        ConfigChecks.AtLeast(r, nameof(ImageSize), ImageSize, 4);   // two 2x2 poolings
        ConfigChecks.AtLeast(r, nameof(Channels1), Channels1, 1);
        ConfigChecks.AtLeast(r, nameof(Channels2), Channels2, 1);
        ConfigChecks.AtLeast(r, nameof(KernelSize), KernelSize, 1);
        if (KernelSize % 2 == 0) throw new ArgumentException($"{r}.KernelSize must be odd ('same' padding); got {KernelSize}.", nameof(KernelSize));
        ConfigChecks.AtLeast(r, nameof(HiddenDim), HiddenDim, 1);
        ConfigChecks.AtLeast(r, nameof(Classes), Classes, 2);
        ConfigChecks.Probability(r, nameof(Dropout), Dropout);
    }

    /// <summary>Side of the feature maps after two 'same' convolutions each followed by 2x2 max pooling: 28 -> 14 -> 7.</summary>
    public long PooledSize
    {
        get
        {
            long p = ConvArithmetic.Padding(ConvPadding.Same, KernelSize);
            long afterFirst = ConvArithmetic.OutputSize(ConvArithmetic.OutputSize(ImageSize, KernelSize, 1, p), 2, 2);
            return ConvArithmetic.OutputSize(ConvArithmetic.OutputSize(afterFirst, KernelSize, 1, p), 2, 2);
        }
    }

    /// <summary>
    /// Parameters: two convolutions (c_out c_in k² + c_out each), two batch norms (a scale and a shift per channel)
    /// and two linear layers.
    /// </summary>
    public long ParameterCount =>
        ConvArithmetic.Conv2dParameters(InChannels, Channels1, KernelSize) + 2L * Channels1
        + ConvArithmetic.Conv2dParameters(Channels1, Channels2, KernelSize) + 2L * Channels2
        + ConvArithmetic.LinearParameters(Channels2 * PooledSize * PooledSize, HiddenDim)
        + ConvArithmetic.LinearParameters(HiddenDim, Classes);
}

/// <summary>
/// A small LeNet-style convolutional network: [conv 3x3 -> batch norm -> ReLU -> max pool 2x2] twice, flatten, one
/// hidden fully connected layer, class logits. The convolutions find local patterns (edges, corners, textures) with the
/// same weights at every position; pooling halves the size and makes the features tolerant of small shifts; batch norm
/// keeps each channel's activations at zero mean and unit variance over the batch, so training converges in fewer epochs.
/// </summary>
public sealed class CnnClassifier : nn.Module<Tensor, Tensor>
{
    readonly Conv2d conv1;
    readonly BatchNorm2d norm1;
    readonly Conv2d conv2;
    readonly BatchNorm2d norm2;
    readonly Linear hidden;
    readonly Dropout dropout;
    readonly Linear output;

    public CnnClassifierConfig Config { get; }

    public CnnClassifier(CnnClassifierConfig config, Device? device = null) : base(nameof(CnnClassifier))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        long p = ConvArithmetic.Padding(ConvPadding.Same, config.KernelSize);
        conv1 = nn.Conv2d(config.InChannels, config.Channels1, config.KernelSize, padding: p, device: device);
        norm1 = nn.BatchNorm2d(config.Channels1, device: device);
        conv2 = nn.Conv2d(config.Channels1, config.Channels2, config.KernelSize, padding: p, device: device);
        norm2 = nn.BatchNorm2d(config.Channels2, device: device);
        hidden = nn.Linear(config.Channels2 * config.PooledSize * config.PooledSize, config.HiddenDim, device: device);
        dropout = nn.Dropout(config.Dropout);
        output = nn.Linear(config.HiddenDim, config.Classes, device: device);
        RegisterComponents();
    }

    /// <summary>The first layer's filters [Channels1, InChannels, k, k]: what it learned to look for in the pixels.</summary>
    public Tensor FirstFilters => conv1.weight ?? throw new InvalidOperationException("conv1 has no weight.");

    /// <summary>Images [B, C, H, W] -> class logits [B, Classes].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        // flatten [B, C2, 7, 7] -> [B, C2 * 49], then h = ReLU(W1 x + b1), logits = W2 h + b2
        var h = Embedding(images);
        return scope.MoveToOuter(output.call(dropout.call(h)));
    }

    /// <summary>
    /// The penultimate layer's activations h = ReLU(W1 flatten(pooled) + b1) [B, HiddenDim], before dropout and the class
    /// layer: the image as the classifier sees it just before deciding (FID's features when this network is the judge).
    /// </summary>
    public Tensor Embedding(Tensor images)
    {
        using var scope = NewDisposeScope();
        var (_, pooled2) = Features(images);
        return scope.MoveToOuter(nn.functional.relu(hidden.call(pooled2.flatten(1))));
    }

    /// <summary>
    /// The feature maps after each convolution block (after the ReLU; before pooling for the first, so it keeps the image's size):
    /// first [B, Channels1, H, W], second (pooled) [B, Channels2, H/4, W/4].
    /// </summary>
    public (Tensor First, Tensor Second) Features(Tensor images)
    {
        CheckImages(images);
        using var scope = NewDisposeScope();
        // a1 = ReLU(BN(conv1(x))): one map per filter, same size as the image ('same' padding);
        // BN(h) = gamma (h - mean) / sqrt(var + eps) + beta per channel, batch statistics in training, running ones in eval
        var a1 = nn.functional.relu(norm1.call(conv1.call(images)));
        var p1 = nn.functional.max_pool2d(a1, 2, 2);   // 28 -> 14
        var a2 = nn.functional.relu(norm2.call(conv2.call(p1)));
        var p2 = nn.functional.max_pool2d(a2, 2, 2);   // 14 -> 7
        return (a1.MoveToOuterDisposeScope(), p2.MoveToOuterDisposeScope());
    }

    void CheckImages(Tensor images)
    {
        if (images.ndim != 4 || images.shape[1] != Config.InChannels || images.shape[2] != Config.ImageSize || images.shape[3] != Config.ImageSize)
            throw new ArgumentException(
                $"Expected images of shape [B, {Config.InChannels}, {Config.ImageSize}, {Config.ImageSize}]; got {ShapeText.Of(images)}.",
                nameof(images));
    }
}

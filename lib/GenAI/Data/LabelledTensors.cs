using static TorchSharp.torch;

namespace GenAI.Data;

/// <summary>
/// Examples as two tensors with one row per example: <c>Features</c> (images, pixel vectors...)
/// and <c>Labels</c> (int64 class indices). Owns both; dispose it to free them.
/// </summary>
public sealed class LabelledTensors : IDisposable
{
    public LabelledTensors(Tensor features, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.dim() == 0 || labels.dim() == 0 || features.shape[0] != labels.shape[0])
            throw new ArgumentException(
                $"Features and labels need one row per example: features have shape {ShapeText.Of(features)}, labels {ShapeText.Of(labels)}.");
        Features = features;
        Labels = labels;
    }

    public Tensor Features { get; }
    public Tensor Labels { get; }

    /// <summary>Number of examples.</summary>
    public long Count => Labels.shape[0];

    /// <summary>Keeps both tensors alive past the dispose scope they were made in.</summary>
    public LabelledTensors MoveToOuterDisposeScope()
    {
        Features.MoveToOuterDisposeScope();
        Labels.MoveToOuterDisposeScope();
        return this;
    }

    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}

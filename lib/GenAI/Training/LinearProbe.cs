using GenAI.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Training;

/// <summary>
/// A linear head trained on frozen features (a "linear probe", the transfer-learning baseline): logits = W x + b,
/// softmax regression with Adam and weight decay, early stopping on the validation loss. Whatever made the features
/// (a pretrained encoder, a sentence embedder, TF-IDF) is not touched; only d·K + K numbers are learned.
/// </summary>
public static class LinearProbe
{
    /// <returns>The trained head (best validation epoch) and its per-epoch curves.</returns>
    public static (Linear Head, ClassifierRun Run) Fit(LabelledTensors train, LabelledTensors validation, int classes, long seed,
        int epochs = 100, int batchSize = 64, double learningRate = 1e-2, double weightDecay = 1e-4, int? patience = 10)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        if (train.Features.ndim != 2)
            throw new ArgumentException($"A linear probe reads feature vectors [N, d]; got {ShapeText.Of(train.Features)}.", nameof(train));
        if (validation.Features.ndim != 2 || validation.Features.shape[1] != train.Features.shape[1])
            throw new ArgumentException($"Validation features must be [M, {train.Features.shape[1]}]; got {ShapeText.Of(validation.Features)}.", nameof(validation));
        if (classes < 2) throw new ArgumentException($"classes must be at least 2; got {classes}.", nameof(classes));
        manual_seed(seed);
        var head = nn.Linear(train.Features.shape[1], classes, device: train.Features.device);
        var adam = optim.Adam(head.parameters(), lr: learningRate, weight_decay: weightDecay);
        var run = ClassifierTraining.Fit(head, adam, train, validation, epochs, batchSize, seed, patience);
        return (head, run);
    }
}

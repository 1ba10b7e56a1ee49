using GenAI.Data;
using GenAI.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Training;

/// <summary>One epoch's numbers: mean cross-entropy and accuracy on the training and validation sets.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationLoss, double TrainAccuracy, double ValidationAccuracy);

/// <summary>The per-epoch curves of a run, the epoch with the lowest validation loss, and whether early stopping ended it.</summary>
public sealed record ClassifierRun(IReadOnlyList<EpochRecord> Epochs, int BestEpoch, bool StoppedEarly)
{
    public EpochRecord Best => Epochs[BestEpoch - 1];
    public EpochRecord Last => Epochs[^1];
}

/// <summary>
/// The epoch loop for a classifier on tensors that fit in memory: shuffle, mini-batches of
/// cross-entropy with one optimiser step each, then both sets measured in eval mode. With a
/// patience, training stops once the validation loss has not improved for that many epochs, and the
/// weights of the best epoch are put back (early stopping).
/// </summary>
public static class ClassifierTraining
{
    public static ClassifierRun Fit(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, LabelledTensors train, LabelledTensors validation,
        int epochs, int batchSize, long seed, int? patience = null)
    {
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "Train for at least one epoch.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        if (patience is < 1) throw new ArgumentOutOfRangeException(nameof(patience), patience, "patience must be at least 1 epoch, or null for no early stopping.");
        using var generator = new Generator((ulong)seed);   // a CPU generator: the shuffle is drawn on the CPU, then moved to the data
        var records = new List<EpochRecord>();
        Dictionary<string, Tensor>? bestState = null;
        int bestEpoch = 0;
        bool stopped = false;
        try
        {
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                model.train();
                using (var epochScope = NewDisposeScope())
                {
                    var order = randperm(train.Count, generator: generator).to(train.Labels.device);
                    for (long start = 0; start < train.Count; start += batchSize)
                    {
                        using var scope = NewDisposeScope();
                        var index = order.narrow(0, start, Math.Min(batchSize, train.Count - start));
                        optimizer.zero_grad();
                        // L = -(1/B) Σ_i log softmax(f(x_i))[y_i]
                        var loss = nn.functional.cross_entropy(model.call(train.Features.index_select(0, index)), train.Labels.index_select(0, index));
                        loss.backward();
                        optimizer.step();
                    }
                }
                var (trainLoss, trainAccuracy) = Evaluate(model, train);
                var (validationLoss, validationAccuracy) = Evaluate(model, validation);
                records.Add(new EpochRecord(epoch, trainLoss, validationLoss, trainAccuracy, validationAccuracy));
                if (bestEpoch == 0 || validationLoss < records[bestEpoch - 1].ValidationLoss)
                {
                    bestEpoch = epoch;
                    if (patience is not null) bestState = Snapshot(model, bestState);
                }
                else if (patience is int p && epoch - bestEpoch >= p)
                {
                    stopped = true;
                    break;
                }
            }
            if (bestState is not null) model.load_state_dict(bestState);
        }
        finally
        {
            if (bestState is not null) foreach (var t in bestState.Values) t.Dispose();
        }
        model.eval();
        return new ClassifierRun(records, bestEpoch, stopped);
    }

    /// <summary>Mean cross-entropy and accuracy of the model on a data set, in eval mode without gradients.</summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> model, LabelledTensors data)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var logits = model.call(data.Features);
            return (NegativeLogLikelihood.FromLogits(logits, data.Labels),
                    ClassificationMetrics.Accuracy(logits.argmax(1), data.Labels));
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>
    /// Class predictions ŷ = argmax_k f(x)_k [N] for every example, in eval mode, computed batchSize
    /// examples at a time so that a large test set's activations never sit in memory all at once.
    /// </summary>
    public static Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor features, int batchSize = 1000)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var parts = new List<Tensor>();
            for (long start = 0; start < features.shape[0]; start += batchSize)
                parts.Add(model.call(features.narrow(0, start, Math.Min(batchSize, features.shape[0] - start))).argmax(1));
            return scope.MoveToOuter(cat(parts, 0));
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    static Dictionary<string, Tensor> Snapshot(nn.Module model, Dictionary<string, Tensor>? previous)
    {
        if (previous is not null) foreach (var t in previous.Values) t.Dispose();
        return model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
    }
}

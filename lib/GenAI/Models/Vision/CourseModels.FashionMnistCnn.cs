using GenAI.Data;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>How notebook 14 trains its CNN: the model's sizes and the training settings, all of which the checkpoint's key records.</summary>
public sealed record FashionMnistCnnTraining(CnnClassifierConfig Model, int Epochs, int BatchSize, double LearningRate = 2e-3, double MaxLearningRate = 4e-3)
{
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        if (Epochs < 1) throw new ArgumentException($"Epochs must be at least 1; got {Epochs}.", nameof(Epochs));
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be at least 1; got {BatchSize}.", nameof(BatchSize));
        if (!(LearningRate > 0)) throw new ArgumentException($"LearningRate must be positive; got {LearningRate}.", nameof(LearningRate));
        if (!(MaxLearningRate > 0)) throw new ArgumentException($"MaxLearningRate must be positive; got {MaxLearningRate}.", nameof(MaxLearningRate));
    }
}

/// <summary>Trained models that several notebooks share, each trained once and kept in the <see cref="CheckpointStore"/>.</summary>
public static partial class CourseModels
{
    /// <summary>
    /// Notebook 14's CNN on Fashion-MNIST, which later notebooks reuse (the teacher of 12's distillation, the
    /// judge of 18-20's FID): loaded from the checkpoint store when it holds this exact model (same sizes,
    /// settings, seed, data and code), else trained and saved. Training: Adam with a one-cycle schedule,
    /// random mini-batches drawn with a CPU generator seeded by <paramref name="seed"/>, the validation loss
    /// twelve times along the way (a live chart); the weights start from manual_seed(seed).
    /// The summary is the loss history, so a notebook that loaded can still draw the curve.
    /// </summary>
    public static TrainedModel<CnnClassifier, LossHistory> FashionMnistCnn(DataSplit<LabelledTensors> data, FashionMnistCnnTraining settings,
        long seed, Device? device = null, CheckpointStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var (train, val) = (data.Train, data.Validation);
        var key = CheckpointKey.Create("fashion-mnist-cnn", settings, seed,
            DataFingerprint.Of($"fashion-mnist train {train.Count} + validation {val.Count}", train.Features, train.Labels, val.Features, val.Labels),
            typeof(CnnClassifier), typeof(CourseModels));
        return (store ?? new CheckpointStore()).LoadOrTrain(key,
            () => { manual_seed(seed); return new CnnClassifier(settings.Model, device); },
            cnn =>
            {
                int steps = (int)(settings.Epochs * train.Count / settings.BatchSize);
                using var batches = new Generator((ulong)seed);   // CPU generator: the same batches on any device
                var adam = optim.Adam(cnn.parameters(), lr: settings.LearningRate);
                var schedule = optim.lr_scheduler.OneCycleLR(adam, settings.MaxLearningRate, steps);   // warm up, then anneal
                var trainer = new Trainer(cnn, adam, new TrainingOptions(Steps: steps, EvalEvery: Math.Max(1, steps / 12), Title: "CNN on Fashion-MNIST"));
                return trainer.Run(
                    trainLoss: () =>
                    {
                        var idx = randint(0, train.Count, new long[] { settings.BatchSize }, generator: batches).to(train.Labels.device);
                        var loss = nn.functional.cross_entropy(cnn.call(train.Features[idx]), train.Labels[idx]);
                        schedule.step();
                        return loss;
                    },
                    validationLoss: () => nn.functional.cross_entropy(cnn.call(val.Features), val.Labels).item<float>());
            });
    }
}

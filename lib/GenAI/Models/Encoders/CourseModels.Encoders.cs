using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>How an encoder-decoder is trained text to text; every field goes into the checkpoint's key.</summary>
/// <param name="Model">The T5's sizes.</param>
/// <param name="Steps">AdamW steps.</param>
/// <param name="BatchSize">Examples per step.</param>
/// <param name="LearningRate">Peak learning rate (linear warm-up over the first 10 %, then cosine decay to a tenth).</param>
/// <param name="EvalEvery">Steps between two held-out losses; 0 = a tenth of the steps.</param>
public sealed record TextToTextTraining(T5Config Model, int Steps, int BatchSize, double LearningRate = 1e-3, int EvalEvery = 0)
{
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        Model.Validate();
        const string r = nameof(TextToTextTraining);
        ConfigChecks.StepsBatchAndLearningRate(r, Steps, BatchSize, LearningRate);
        ConfigChecks.AtLeast(r, nameof(EvalEvery), EvalEvery, 0, "0 = a tenth of the steps");
    }
}

public static partial class CourseModels
{
    /// <summary>
    /// Notebook 11's BERT pretrained with masked language modelling on windows of Austen (see <see cref="MaskedLm.Pretrain"/>):
    /// loaded from the checkpoint store when it holds this exact model (sizes, settings, seed, windows, code), else trained
    /// and saved. The weights start from manual_seed(seed). The summary is the pretraining curve with its baseline.
    /// </summary>
    public static TrainedModel<Bert, MaskedLmRun> PretrainedBert(string name, Tensor trainWindows, Tensor validationWindows, MaskedLmTraining settings,
        long maskId, IReadOnlyCollection<long> specialIds, long seed, Device? device = null, CheckpointStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var key = CheckpointKey.Create(name, settings, seed,
            DataFingerprint.Of($"{name} windows: train {trainWindows.shape[0]} + validation {validationWindows.shape[0]}, mask {maskId}, specials [{string.Join(",", specialIds)}]",
                trainWindows, validationWindows),
            typeof(Bert), typeof(MaskedLm), typeof(GenAI.Text.BertMasking), typeof(CourseModels));
        return (store ?? new CheckpointStore()).LoadOrTrain(key,
            () => { manual_seed(seed); return new Bert(settings.Model, device); },
            bert => MaskedLm.Pretrain(bert, trainWindows, validationWindows, settings, maskId, specialIds, seed, title: name));
    }

    /// <summary>
    /// A T5 trained text to text on padded sources [N, S] and targets [N, T] (targets end with EOS; see
    /// <see cref="GenAI.Data.TextToTextTasks.Pad"/>): teacher-forced cross-entropy, AdamW (weight decay 0.01), random
    /// mini-batches from a generator seeded with the seed, the held-out loss every EvalEvery steps. Loaded from the checkpoint
    /// store when it holds this exact model, else trained and saved. The summary is the loss history.
    /// </summary>
    public static TrainedModel<T5, LossHistory> TextToTextT5(string name, Tensor trainSources, Tensor trainTargets, Tensor validationSources,
        Tensor validationTargets, TextToTextTraining settings, long seed, Device? device = null, CheckpointStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (trainSources.shape[0] != trainTargets.shape[0] || validationSources.shape[0] != validationTargets.shape[0])
            throw new ArgumentException($"Sources and targets must have as many rows; got train {ShapeText.Of(trainSources)} / {ShapeText.Of(trainTargets)}, " +
                $"validation {ShapeText.Of(validationSources)} / {ShapeText.Of(validationTargets)}.", nameof(trainTargets));
        var key = CheckpointKey.Create(name, settings, seed,
            DataFingerprint.Of($"{name} pairs: train {trainSources.shape[0]} + validation {validationSources.shape[0]}",
                trainSources, trainTargets, validationSources, validationTargets),
            typeof(T5), typeof(CourseModels));
        return (store ?? new CheckpointStore()).LoadOrTrain(key,
            () => { manual_seed(seed); return new T5(settings.Model, device); },
            t5 =>
            {
                using var batches = new Generator((ulong)seed);
                var adamw = optim.AdamW(t5.parameters(), lr: settings.LearningRate, weight_decay: 0.01);
                int steps = settings.Steps, warmup = Math.Max(1, steps / 10);
                var schedule = optim.lr_scheduler.LambdaLR(adamw, s => s < warmup ? (s + 1.0) / warmup
                    : 0.1 + 0.45 * (1 + Math.Cos(Math.PI * Math.Min(1.0, (s - warmup) / (double)Math.Max(1, steps - warmup)))));
                var trainer = new Trainer(t5, adamw, new TrainingOptions(steps, EvalEvery: settings.EvalEvery > 0 ? settings.EvalEvery : Math.Max(1, steps / 10), Title: name));
                return trainer.Run(
                    trainLoss: () =>
                    {
                        schedule.step();
                        var index = randint(0, trainSources.shape[0], [settings.BatchSize], generator: batches).to(trainSources.device);
                        return t5.Loss(trainSources.index_select(0, index), trainTargets.index_select(0, index));
                    },
                    validationLoss: () => t5.Loss(validationSources, validationTargets).item<float>());
            });
    }
}

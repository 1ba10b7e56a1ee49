using GenAI.Data;
using GenAI.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Adaptation;

/// <summary>How a classifier is pretrained on the classes of one task: its config, the classes, and the AdamW settings (all recorded in the checkpoint's key).</summary>
/// <param name="Model">The model's config record.</param>
/// <param name="Classes">The original labels of the pretraining task, in the order of the model's outputs.</param>
public sealed record ClassifierPretraining<TConfig>(TConfig Model, IReadOnlyList<long> Classes, int Epochs, int BatchSize, double LearningRate = 2e-3,
    double WeightDecay = 0.05) where TConfig : notnull
{
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        if (Classes is null || Classes.Count < 2) throw new ArgumentException("Pretraining needs at least 2 classes.", nameof(Classes));
        if (Epochs < 1) throw new ArgumentException($"Epochs must be at least 1; got {Epochs}.", nameof(Epochs));
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be at least 1; got {BatchSize}.", nameof(BatchSize));
        if (!(LearningRate > 0)) throw new ArgumentException($"LearningRate must be positive; got {LearningRate}.", nameof(LearningRate));
        if (!(WeightDecay >= 0)) throw new ArgumentException($"WeightDecay must be at least 0; got {WeightDecay}.", nameof(WeightDecay));
    }
}

/// <summary>
/// The small pieces every way of adapting a pretrained model shares: a labelled task made of some classes of a data set,
/// a copy of the pretrained model per experiment, a fresh head, and freezing everything except what should train.
/// </summary>
public static class FineTuning
{
    /// <summary>
    /// The examples whose label is one of <paramref name="classes"/>, relabelled by position in that list (classes [5, 7]
    /// become labels 0 and 1), in their original order; <paramref name="limit"/> keeps only the first that many.
    /// </summary>
    public static LabelledTensors SelectClasses(LabelledTensors data, IReadOnlyList<long> classes, long? limit = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count < 1) throw new ArgumentException("Choose at least one class.", nameof(classes));
        if (classes.Distinct().Count() != classes.Count) throw new ArgumentException($"The classes must be distinct; got [{string.Join(", ", classes)}].", nameof(classes));
        if (limit is < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be at least 1.");
        using var scope = NewDisposeScope();
        var wanted = tensor(classes.ToArray(), device: data.Labels.device);                 // [K]
        var matches = data.Labels.unsqueeze(1).eq(wanted.unsqueeze(0));                     // [N, K]: label n is class k
        var keep = matches.any(1).nonzero().flatten();                                       // rows to keep, in order
        if (keep.numel() == 0) throw new ArgumentException($"No example has one of the labels [{string.Join(", ", classes)}].", nameof(classes));
        if (limit is long l && l < keep.numel()) keep = keep[..(int)l];
        var newLabels = matches.index_select(0, keep).to(ScalarType.Int64).argmax(1);     // position of the label in the list
        var features = data.Features.index_select(0, keep);
        return new LabelledTensors(scope.MoveToOuter(features), scope.MoveToOuter(newLabels));
    }

    /// <summary>A new, independent copy of <paramref name="source"/>: a module from <paramref name="make"/> (the same architecture) with the source's weights and buffers loaded.</summary>
    public static TModule Copy<TModule>(TModule source, Func<TModule> make) where TModule : nn.Module
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(make);
        var copy = make();
        var state = source.state_dict();
        var target = copy.state_dict();
        var missing = state.Keys.Except(target.Keys).Concat(target.Keys.Except(state.Keys)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"make() built a different architecture: {string.Join(", ", missing)} is in one model and not the other.", nameof(make));
        using (no_grad())
            foreach (var (name, value) in state)
            {
                if (!target[name].shape.SequenceEqual(value.shape))
                    throw new ArgumentException($"make() built a different architecture: '{name}' is {ShapeText.Of(value)} in the source, {ShapeText.Of(target[name])} in the copy.", nameof(make));
                target[name].copy_(value);
            }
        copy.train(source.training);
        return copy;
    }

    /// <summary>
    /// Sets requires_grad on every parameter: true for the names <paramref name="trainable"/> accepts, false for the rest.
    /// Returns the trainable ones (what the optimiser gets).
    /// </summary>
    public static IReadOnlyList<Parameter> FreezeAllBut(nn.Module model, Func<string, bool> trainable)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainable);
        var kept = new List<Parameter>();
        foreach (var (name, p) in model.named_parameters())
        {
            p.requires_grad = trainable(name);
            if (p.requires_grad) kept.Add(p);
        }
        if (kept.Count == 0) throw new ArgumentException("No parameter name matched: nothing would train. List them with named_parameters().", nameof(trainable));
        return kept;
    }

    /// <summary>
    /// Draws new weights for the <see cref="Linear"/> layer called <paramref name="name"/> (a new task's head), as a fresh
    /// nn.Linear would: W, b ~ U(−1/√d_in, 1/√d_in), from a generator seeded by <paramref name="seed"/>.
    /// </summary>
    public static void ResetLinear(nn.Module model, string name, long seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var module = model.named_modules().FirstOrDefault(m => m.name == name).module
            ?? throw new ArgumentException($"The model has no layer named '{name}'; list them with named_modules().", nameof(name));
        if (module is not Linear linear) throw new ArgumentException($"'{name}' is a {module.GetType().Name}, not a Linear.", nameof(name));
        var weight = linear.weight ?? throw new ArgumentException($"'{name}' has no weight.", nameof(name));
        double bound = 1.0 / Math.Sqrt(weight.shape[1]);
        using var generator = new Generator((ulong)seed);
        using (no_grad())
        {
            // U(-bound, bound) = 2 bound · U(0, 1) − bound, drawn on the CPU generator, then moved to the layer's device
            foreach (var p in linear.bias is null ? new[] { weight } : new[] { weight, linear.bias })
                using (var u = rand(p.shape, generator: generator))
                    p.copy_(u.mul(2 * bound).sub(bound));
        }
    }

    /// <summary>
    /// A classifier pretrained on one task through the <see cref="CheckpointStore"/>: loaded when the store holds this exact model
    /// (name, settings, seed, data and code), else made by <paramref name="create"/> after manual_seed(seed), trained with AdamW by
    /// <see cref="ClassifierTraining.Fit"/> (shuffles seeded by <paramref name="seed"/>) and saved. The summary is the per-epoch record.
    /// </summary>
    /// <param name="modelType">The model's class (its code is part of the key).</param>
    public static TrainedModel<TModule, ClassifierRun> PretrainOrLoad<TModule, TConfig>(string name, ClassifierPretraining<TConfig> settings,
        LabelledTensors train, LabelledTensors validation, long seed, Func<TModule> create, Type modelType, CheckpointStore? store = null)
        where TModule : nn.Module<Tensor, Tensor> where TConfig : notnull
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(create);
        settings.Validate();
        var key = CheckpointKey.Create(name, settings, seed,
            DataFingerprint.Of($"{name}: train {train.Count} + validation {validation.Count}", train.Features, train.Labels, validation.Features, validation.Labels),
            modelType, typeof(ClassifierTraining), typeof(FineTuning));
        return (store ?? new CheckpointStore()).LoadOrTrain(key,
            () => { manual_seed(seed); return create(); },
            model => ClassifierTraining.Fit(model, optim.AdamW(model.parameters(), lr: settings.LearningRate, weight_decay: settings.WeightDecay),
                train, validation, settings.Epochs, settings.BatchSize, seed));
    }
}

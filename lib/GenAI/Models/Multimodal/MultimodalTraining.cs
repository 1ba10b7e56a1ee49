using GenAI.Data;
using GenAI.Metrics;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>How a <see cref="Clip"/> is trained: its sizes, the optimiser steps, the groups per step and Adam's learning rate (all in the checkpoint's key).</summary>
/// <param name="Groups">Independent contrastive batches per step; each holds one image of every class present, paired with one text of its class.</param>
public sealed record ClipTraining(ClipConfig Model, int Steps, int Groups = 16, double LearningRate = 3e-3)
{
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        Model.Validate();
        ConfigChecks.AtLeast(nameof(ClipTraining), nameof(Steps), Steps, 1);
        ConfigChecks.AtLeast(nameof(ClipTraining), nameof(Groups), Groups, 1);
        if (!(LearningRate > 0)) throw new ArgumentException($"{nameof(ClipTraining)}.{nameof(LearningRate)} must be positive; got {LearningRate}.", nameof(LearningRate));
    }
}

/// <summary>How a <see cref="Captioner"/> is trained on fresh digit composites: sizes, steps, grids per step, learning rate, grid side.</summary>
public sealed record CaptionerTraining(CaptionerConfig Model, int Steps, int BatchSize = 64, double LearningRate = 2e-3, int Side = 2)
{
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        Model.Validate();
        ConfigChecks.AtLeast(nameof(CaptionerTraining), nameof(Steps), Steps, 1);
        ConfigChecks.AtLeast(nameof(CaptionerTraining), nameof(BatchSize), BatchSize, 1);
        ConfigChecks.AtLeast(nameof(CaptionerTraining), nameof(Side), Side, 1);
        if (!(LearningRate > 0)) throw new ArgumentException($"{nameof(CaptionerTraining)}.{nameof(LearningRate)} must be positive; got {LearningRate}.", nameof(LearningRate));
        if (Side * Side + 1 > Model.ContextLength)
            throw new ArgumentException($"a {Side}x{Side} grid's caption needs {Side * Side + 1} decoder positions; {nameof(CaptionerConfig)}.ContextLength is {Model.ContextLength}.", nameof(Side));
    }
}

/// <summary>How the one-stream transformer (the Gato toy) is trained: its sizes, steps, sequences per step, learning rate.</summary>
public sealed record MixedStreamTraining(GptConfig Model, int Steps, int BatchSize = 32, double LearningRate = 2e-3)
{
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        Model.Validate();
        ConfigChecks.AtLeast(nameof(MixedStreamTraining), nameof(Steps), Steps, 1);
        ConfigChecks.AtLeast(nameof(MixedStreamTraining), nameof(BatchSize), BatchSize, 1);
        if (!(LearningRate > 0)) throw new ArgumentException($"{nameof(MixedStreamTraining)}.{nameof(LearningRate)} must be positive; got {LearningRate}.", nameof(LearningRate));
    }
}

/// <summary>
/// The training loops of notebook 21's three models, each through the <see cref="CheckpointStore"/> (loaded when the store
/// holds this exact model, else trained with a live loss chart and saved). Every loop draws its batches from a CPU
/// generator seeded by the seed, and the weights start from manual_seed(seed).
/// </summary>
public static class MultimodalTraining
{
    /// <summary>
    /// Row indices int64 [groups, C]: in every group one random row of each of the C classes present in
    /// <paramref name="labels"/> [N], classes in ascending order. Rows are sorted by label, and each class c is drawn as
    /// start_c + floor(u · count_c) with u uniform, so no class repeats inside a group (a contrastive batch without
    /// two pairs that are equally right).
    /// </summary>
    public static Tensor OnePerClass(Tensor labels, int groups, Generator? generator = null)
    {
        if (labels.ndim != 1 || labels.dtype != ScalarType.Int64 || labels.shape[0] < 1)
            throw new ArgumentException($"labels must be int64 [N] with N ≥ 1; got {labels.dtype} {ShapeText.Of(labels)}.", nameof(labels));
        if (groups < 1) throw new ArgumentOutOfRangeException(nameof(groups), groups, "groups must be at least 1.");
        using var scope = NewDisposeScope();
        var cpu = labels.cpu();
        var (_, order) = cpu.sort(stable: true);
        var (_, _, countsOrNull) = cpu.unique(sorted: true, return_counts: true);
        var counts = countsOrNull!;
        var starts = counts.cumsum(0).sub(counts);                                   // first sorted row of each class
        var u = rand(new long[] { groups, counts.shape[0] }, generator: generator);
        var offset = u.mul(counts.to(ScalarType.Float32)).floor().to(ScalarType.Int64).minimum(counts.sub(1));
        var picked = order.index_select(0, starts.add(offset).flatten()).view(groups, counts.shape[0]);
        return scope.MoveToOuter(picked.to(labels.device));
    }

    /// <summary>
    /// Symmetric InfoNCE of groups of pairs: images [G·C, ...] and texts [G·C, ...] in group-major order, pair i = image
    /// i with text i. Each group's logits s · I_g T_gᵀ [C, C] are one contrastive batch; the loss averages them.
    /// </summary>
    public static Tensor GroupLoss(Clip clip, Tensor images, Tensor texts, int groups)
    {
        ArgumentNullException.ThrowIfNull(clip);
        if (groups < 1 || images.shape[0] % groups != 0 || texts.shape[0] != images.shape[0])
            throw new ArgumentException($"images and texts must both have G·C rows for G = {groups}; got {ShapeText.Of(images)} and {ShapeText.Of(texts)}.");
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(GroupInfoNce(clip, clip.EncodeImages(images), clip.EncodeTexts(texts), groups));
    }

    // unit vectors [G·C, E] of both towers -> mean symmetric InfoNCE of the G groups' logits s · I_g T_gᵀ [C, C]
    static Tensor GroupInfoNce(Clip clip, Tensor imageVectors, Tensor textVectors, int groups)
    {
        using var scope = NewDisposeScope();
        var i = imageVectors.view(groups, -1, clip.Config.EmbedDim);
        var t = textVectors.view(groups, -1, clip.Config.EmbedDim);
        var logits = i.bmm(t.transpose(1, 2)).mul(clip.LogitScale());            // [G, C, C]
        return scope.MoveToOuter(ContrastiveLoss.SymmetricInfoNce(logits));
    }

    /// <summary>
    /// A CLIP model trained on images [N, ...] with class labels [N] and a table of class texts [K·M, ...] (token ids for
    /// the transformer tower, frozen sentence vectors for the frozen one), class-major: rows k·M .. k·M + M − 1 are the M
    /// texts of class k. Each step draws <see cref="ClipTraining.Groups"/> groups of one image per class present (see
    /// <see cref="OnePerClass"/>), gives each image a random one of its class's M texts, and minimises <see cref="GroupLoss"/>.
    /// Classes absent from <paramref name="labels"/> are never seen, nor their texts.
    /// </summary>
    public static TrainedModel<Clip, LossHistory> TrainClip(string name, ClipTraining settings, Tensor images, Tensor labels, Tensor classTexts,
        int textsPerClass, long seed, Device? device = null, CheckpointStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (textsPerClass < 1) throw new ArgumentOutOfRangeException(nameof(textsPerClass), textsPerClass, "textsPerClass must be at least 1.");
        if (labels.ndim != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException($"labels must be [{images.shape[0]}] for images {ShapeText.Of(images)}; got {ShapeText.Of(labels)}.", nameof(labels));
        long needed = (labels.max().item<long>() + 1) * textsPerClass;
        if (classTexts.shape[0] < needed)
            throw new ArgumentException($"classTexts needs {textsPerClass} rows per class up to the largest label ({needed} rows); got {ShapeText.Of(classTexts)}.", nameof(classTexts));
        var key = CheckpointKey.Create(name, settings, seed,
            DataFingerprint.Of($"{name}: {images.shape[0]} images, {textsPerClass} texts per class", images, labels, classTexts),
            typeof(Clip), typeof(ImageEncoder), typeof(MultimodalTraining));
        return (store ?? new CheckpointStore()).LoadOrTrain(key,
            () => { manual_seed(seed); return new Clip(settings.Model, device); },
            clip =>
            {
                using var batches = new Generator((ulong)seed);
                var adam = optim.Adam(clip.parameters(), lr: settings.LearningRate);
                var trainer = new Trainer(clip, adam, new TrainingOptions(Steps: settings.Steps, EvalEvery: Math.Max(1, settings.Steps / 10),
                    Title: $"{name}: symmetric InfoNCE"));
                // the texts of the classes present, encoded once per step: C·M rows, class j's texts at j·M .. j·M + M − 1
                using var present = labels.cpu().unique(sorted: true).Item1;
                long c = present.shape[0];
                using var tableRows = present.repeat_interleave(textsPerClass).mul(textsPerClass).add(arange(textsPerClass, dtype: ScalarType.Int64).repeat(c)).to(classTexts.device);
                using var presentTexts = classTexts.index_select(0, tableRows);
                using var columnStart = arange(c, dtype: ScalarType.Int64).mul(textsPerClass);
                return trainer.Run(() =>
                {
                    var rows = OnePerClass(labels, settings.Groups, batches).flatten();               // [G·C], class j in column j
                    var pick = randint(textsPerClass, new long[] { settings.Groups, c }, generator: batches).add(columnStart).flatten();
                    var textVectors = clip.EncodeTexts(presentTexts).index_select(0, pick.to(classTexts.device));
                    var imageVectors = clip.EncodeImages(images.index_select(0, rows.to(images.device)));
                    return GroupInfoNce(clip, imageVectors, textVectors.to(imageVectors.device), settings.Groups);
                });
            });
    }

    /// <summary>
    /// Teacher forcing pairs for fixed-length captions: slot labels [B, n] become word ids slots + firstWordId; inputs
    /// are BOS w1..wn, targets w1..wn EOS, both int64 [B, n + 1].
    /// </summary>
    public static (Tensor Inputs, Tensor Targets) SlotCaptions(Tensor slotLabels, long firstWordId, long bosId, long eosId)
    {
        if (slotLabels.ndim != 2 || slotLabels.dtype != ScalarType.Int64)
            throw new ArgumentException($"slotLabels must be int64 [B, slots]; got {slotLabels.dtype} {ShapeText.Of(slotLabels)}.", nameof(slotLabels));
        using var scope = NewDisposeScope();
        var words = slotLabels.add(firstWordId);
        var bos = full(slotLabels.shape[0], 1, bosId, dtype: ScalarType.Int64, device: slotLabels.device);
        var eos = full(slotLabels.shape[0], 1, eosId, dtype: ScalarType.Int64, device: slotLabels.device);
        return (scope.MoveToOuter(cat([bos, words], 1)), scope.MoveToOuter(cat([words, eos], 1)));
    }

    /// <summary>
    /// A captioner trained on composites of <paramref name="images"/> [N, s²] with <paramref name="labels"/> [N]: each step
    /// makes BatchSize fresh Side x Side grids (<see cref="DigitComposites.Grid"/>) whose captions are the slot labels in
    /// reading order as words (<see cref="SlotCaptions"/>; word of label k is firstWordId + k).
    /// </summary>
    public static TrainedModel<Captioner, LossHistory> TrainCaptioner(string name, CaptionerTraining settings, Tensor images, Tensor labels,
        long firstWordId, long seed, Device? device = null, CheckpointStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        long last = labels.max().item<long>() + firstWordId;
        if (firstWordId < 0 || last >= settings.Model.VocabSize)
            throw new ArgumentException($"words firstWordId..{last} must be token ids below VocabSize {settings.Model.VocabSize}.", nameof(firstWordId));
        var key = CheckpointKey.Create(name, settings, seed,
            DataFingerprint.Of($"{name}: {images.shape[0]} tiles, first word {firstWordId}", images, labels),
            typeof(Captioner), typeof(ImageEncoder), typeof(DigitComposites), typeof(MultimodalTraining));
        return (store ?? new CheckpointStore()).LoadOrTrain(key,
            () => { manual_seed(seed); return new Captioner(settings.Model, device); },
            captioner =>
            {
                using var batches = new Generator((ulong)seed);
                var adam = optim.Adam(captioner.parameters(), lr: settings.LearningRate);
                var schedule = optim.lr_scheduler.OneCycleLR(adam, settings.LearningRate, settings.Steps);
                var trainer = new Trainer(captioner, adam, new TrainingOptions(Steps: settings.Steps, EvalEvery: Math.Max(1, settings.Steps / 10),
                    Title: $"{name}: caption cross-entropy"));
                return trainer.Run(() =>
                {
                    var (grid, slots) = DigitComposites.Grid(images, labels, settings.BatchSize, settings.Side, batches);
                    var (inputs, targets) = SlotCaptions(slots, firstWordId, settings.Model.BosId, settings.Model.EosId);
                    var loss = captioner.Loss(grid, inputs, targets);
                    schedule.step();
                    return loss;
                });
            });
    }

    /// <summary>
    /// A GPT trained on fixed-length token sequences [N, L] (L ≤ ContextLength + 1): next-token cross-entropy of
    /// sequences[:, 1:] from sequences[:, :-1], BatchSize random rows per step. The Gato toy trains it on one stream
    /// that mixes image and text tokens (<see cref="MixedTokenStream"/>).
    /// </summary>
    public static TrainedModel<Gpt, LossHistory> TrainMixedStream(string name, MixedStreamTraining settings, Tensor sequences, long seed,
        Device? device = null, CheckpointStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (sequences.ndim != 2 || sequences.dtype != ScalarType.Int64 || sequences.shape[1] < 2 || sequences.shape[1] > settings.Model.ContextLength + 1)
            throw new ArgumentException($"sequences must be int64 [N, L] with 2 ≤ L ≤ ContextLength + 1 = {settings.Model.ContextLength + 1}; got {sequences.dtype} {ShapeText.Of(sequences)}.", nameof(sequences));
        if (sequences.max().item<long>() >= settings.Model.VocabSize || sequences.min().item<long>() < 0)
            throw new ArgumentException($"sequence tokens must lie in 0..{settings.Model.VocabSize - 1}.", nameof(sequences));
        var key = CheckpointKey.Create(name, settings, seed, DataFingerprint.Of($"{name}: {sequences.shape[0]} sequences", sequences),
            typeof(Gpt), typeof(MixedTokenStream), typeof(MultimodalTraining));
        return (store ?? new CheckpointStore()).LoadOrTrain(key,
            () => { manual_seed(seed); return new Gpt(settings.Model, device); },
            gpt =>
            {
                using var batches = new Generator((ulong)seed);
                var adam = optim.Adam(gpt.parameters(), lr: settings.LearningRate);
                var schedule = optim.lr_scheduler.OneCycleLR(adam, settings.LearningRate, settings.Steps);
                var trainer = new Trainer(gpt, adam, new TrainingOptions(Steps: settings.Steps, EvalEvery: Math.Max(1, settings.Steps / 10),
                    Title: $"{name}: next-token cross-entropy"));
                return trainer.Run(() =>
                {
                    var rows = RandomRows.Batch(sequences, settings.BatchSize, batches);
                    var loss = gpt.Loss(rows[.., ..^1], rows[.., 1..]);
                    schedule.step();
                    return loss;
                });
            });
    }
}

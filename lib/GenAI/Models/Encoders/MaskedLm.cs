using GenAI.Text;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>How a BERT is pretrained with masked language modelling; every field goes into the checkpoint's key.</summary>
/// <param name="Model">The encoder's sizes.</param>
/// <param name="Steps">AdamW steps.</param>
/// <param name="BatchSize">Windows per step.</param>
/// <param name="LearningRate">Peak learning rate (linear warm-up over the first 10 %, then cosine decay to a tenth).</param>
/// <param name="MaskProbability">Share of the positions chosen for the loss (0.15 in BERT).</param>
/// <param name="EvalEvery">Steps between two measurements of the held-out loss and masked-token accuracy.</param>
public sealed record MaskedLmTraining(BertConfig Model, int Steps, int BatchSize, double LearningRate = 1e-3, double MaskProbability = 0.15, int EvalEvery = 50)
{
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        Model.Validate();
        const string r = nameof(MaskedLmTraining);
        ConfigChecks.StepsBatchAndLearningRate(r, Steps, BatchSize, LearningRate);
        ConfigChecks.PositiveShare(r, nameof(MaskProbability), MaskProbability);
        ConfigChecks.AtLeast(r, nameof(EvalEvery), EvalEvery, 1);
    }
}

/// <summary>One measurement during pretraining: mean training loss since the last one, held-out loss and masked-token accuracy.</summary>
public sealed record MaskedLmPoint(int Step, double TrainLoss, double ValidationLoss, double MaskedAccuracy);

/// <summary>The curve of a pretraining run and the baseline it must beat: always predicting the most frequent training token.</summary>
public sealed record MaskedLmRun(List<MaskedLmPoint> Points, long BaselineToken, double BaselineAccuracy)
{
    public MaskedLmPoint Last => Points[^1];
}

/// <summary>
/// Masked language modelling with <see cref="Bert"/> and <see cref="BertMasking"/>: the accuracy on the chosen positions,
/// the most-frequent-token baseline, and the pretraining loop (random windows, fresh masks every step, AdamW).
/// </summary>
public static class MaskedLm
{
    /// <summary>Share of the chosen positions (labels != -100) where argmax of the logits [.., V] is the label; NaN when none is chosen.</summary>
    public static double MaskedAccuracy(Tensor logits, Tensor labels)
    {
        if (logits.ndim != labels.ndim + 1 || !logits.shape.Take((int)labels.ndim).SequenceEqual(labels.shape))
            throw new ArgumentException($"logits must be labels' shape plus a vocabulary axis; got logits {ShapeText.Of(logits)}, labels {ShapeText.Of(labels)}.", nameof(logits));
        using var scope = NewDisposeScope();
        var chosen = labels.ne(BertMasking.IgnoreIndex);
        long n = chosen.sum().item<long>();
        if (n == 0) return double.NaN;
        return logits.argmax(-1).eq(labels).logical_and(chosen).sum().item<long>() / (double)n;
    }

    /// <summary>The most frequent id of <paramref name="ids"/> that is not special (bincount in libtorch).</summary>
    public static long MostFrequentToken(Tensor ids, int vocabSize, IReadOnlyCollection<long> specialIds)
    {
        using var scope = NewDisposeScope();
        var counts = bincount(ids.flatten().cpu(), minlength: vocabSize).to_type(ScalarType.Float64);
        foreach (var s in specialIds) if (s >= 0 && s < vocabSize) counts[s] = -1;
        return counts.argmax().item<long>();
    }

    /// <summary>Accuracy of always predicting <paramref name="token"/> at the chosen positions.</summary>
    public static double ConstantAccuracy(Tensor labels, long token)
    {
        using var scope = NewDisposeScope();
        var chosen = labels.ne(BertMasking.IgnoreIndex);
        long n = chosen.sum().item<long>();
        return n == 0 ? double.NaN : labels.eq(token).sum().item<long>() / (double)n;
    }

    /// <summary>
    /// The masked-LM loss computed only where it counts: the hidden states of the chosen positions are gathered first
    /// ([M, d], M ≈ 15 % of B·T) and only they go through the MLM head, so the V-wide output layer costs 15 % of
    /// <see cref="Bert.MaskedLmLoss"/>'s, with the same value (the other positions carry the ignore index there).
    /// </summary>
    /// <returns>The mean cross-entropy over the chosen positions and the logits [M, V] with their labels [M].</returns>
    public static (Tensor Loss, Tensor Logits, Tensor Labels) ChosenLoss(Bert bert, Tensor inputs, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var chosen = labels.ne(BertMasking.IgnoreIndex);
        var hidden = bert.Encode(inputs)[chosen];                  // [M, d]
        var logits = bert.MaskedLmLogits(hidden);                  // [M, V]
        var target = labels[chosen];                               // [M]
        var loss = nn.functional.cross_entropy(logits, target);
        return (scope.MoveToOuter(loss), scope.MoveToOuter(logits), scope.MoveToOuter(target));
    }

    /// <summary>Held-out masked-LM loss and accuracy of <paramref name="bert"/> on one fixed masked batch (eval mode, no gradients).</summary>
    public static (double Loss, double Accuracy) Evaluate(Bert bert, MaskedBatch batch, int batchSize = 256)
    {
        bool wasTraining = bert.training;
        bert.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            double lossSum = 0; long chosenSum = 0, correct = 0;
            long n = batch.Inputs.shape[0];
            for (long start = 0; start < n; start += batchSize)
            {
                long b = Math.Min(batchSize, n - start);
                var inputs = batch.Inputs.narrow(0, start, b);
                var labels = batch.Labels.narrow(0, start, b);
                long k = labels.ne(BertMasking.IgnoreIndex).sum().item<long>();
                if (k == 0) continue;
                var (loss, logits, target) = ChosenLoss(bert, inputs, labels);
                lossSum += loss.item<float>() * k;
                correct += logits.argmax(-1).eq(target).sum().item<long>();
                chosenSum += k;
            }
            return chosenSum == 0 ? (double.NaN, double.NaN) : (lossSum / chosenSum, correct / (double)chosenSum);
        }
        finally { bert.train(wasTraining); }
    }

    /// <summary>
    /// Pretrains <paramref name="bert"/> on windows of token ids [N, T] (each starting with the [CLS]/BOS token): every
    /// step draws <c>BatchSize</c> random windows and masks them afresh (BERT's dynamic masking, as RoBERTa does), and
    /// minimises the cross-entropy on the chosen positions with AdamW (weight decay 0.01). The held-out windows are
    /// masked once with the seed, so every measurement sees the same positions.
    /// </summary>
    public static MaskedLmRun Pretrain(Bert bert, Tensor trainWindows, Tensor validationWindows, MaskedLmTraining settings, long maskId,
        IReadOnlyCollection<long> specialIds, long seed, string title = "Masked-LM pretraining")
    {
        ArgumentNullException.ThrowIfNull(bert);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        foreach (var (w, name) in new[] { (trainWindows, nameof(trainWindows)), (validationWindows, nameof(validationWindows)) })
            if (w.ndim != 2 || w.dtype != ScalarType.Int64 || w.shape[0] < 1)
                throw new ArgumentException($"Expected windows of token ids [N, T] int64 with N ≥ 1; got {ShapeText.Of(w)} {w.dtype}.", name);
        int V = bert.Config.VocabSize;
        using var maskGenerator = new Generator((ulong)seed);
        using var batchGenerator = new Generator((ulong)seed + 1);
        using var validation = BertMasking.Apply(validationWindows, maskId, V, specialIds, new Generator((ulong)seed + 2), settings.MaskProbability);
        long baselineToken = MostFrequentToken(trainWindows, V, [.. specialIds, maskId]);
        double baseline = ConstantAccuracy(validation.Labels, baselineToken);

        var adamw = optim.AdamW(bert.parameters(), lr: settings.LearningRate, weight_decay: 0.01);
        int warmup = Math.Max(1, settings.Steps / 10);
        var schedule = optim.lr_scheduler.LambdaLR(adamw, s => s < warmup ? (s + 1.0) / warmup
            : 0.1 + 0.45 * (1 + Math.Cos(Math.PI * Math.Min(1.0, (s - warmup) / (double)Math.Max(1, settings.Steps - warmup)))));
        var accuracies = new List<double>();
        var trainer = new Trainer(bert, adamw, new TrainingOptions(settings.Steps, EvalEvery: settings.EvalEvery, Title: title));
        var history = trainer.Run(
            trainLoss: () =>
            {
                schedule.step();
                var index = randint(0, trainWindows.shape[0], [settings.BatchSize], generator: batchGenerator).to(trainWindows.device);
                var batch = BertMasking.Apply(trainWindows.index_select(0, index), maskId, V, specialIds, maskGenerator, settings.MaskProbability);
                return ChosenLoss(bert, batch.Inputs, batch.Labels).Loss;
            },
            validationLoss: () =>
            {
                var (loss, accuracy) = Evaluate(bert, validation);
                accuracies.Add(accuracy);
                return loss;
            });
        var points = history.Train.Select((p, i) => new MaskedLmPoint(p.Step, p.Loss, history.Validation[i].Loss, accuracies[i])).ToList();
        return new MaskedLmRun(points, baselineToken, baseline);
    }
}

/// <summary>
/// A classifier on an encoder: the mean of the encoder's final hidden states over the real (non-padding) tokens, then
/// one linear layer. The same head reads a frozen body's features (<see cref="Features"/>), a fine-tuned body or one
/// trained from scratch, so that the three differ only in what the body's weights are and whether they move.
/// </summary>
public sealed class EncoderClassifier : nn.Module<Tensor, Tensor>
{
    readonly Bert body;
    readonly TorchSharp.Modules.Linear head;

    public EncoderClassifier(Bert body, int classes, Device? device = null) : base(nameof(EncoderClassifier))
    {
        ArgumentNullException.ThrowIfNull(body);
        if (classes < 2) throw new ArgumentException($"classes must be at least 2; got {classes}.", nameof(classes));
        this.body = body;
        head = nn.Linear(body.Config.ModelDim, classes, device: device);
        RegisterComponents();
    }

    public Bert Body => body;

    /// <summary>Class logits [B, K] for token ids [B, T].</summary>
    public override Tensor forward(Tensor ids)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(head.call(MeanPool(body.Encode(ids), ids, body.Config.PadId)));
    }

    /// <summary>u = Σ_t m_t h_t / Σ_t m_t: the mean hidden state [B, d] over the positions whose id is not <paramref name="padId"/>.</summary>
    public static Tensor MeanPool(Tensor hidden, Tensor ids, long padId)
    {
        if (hidden.ndim != 3 || ids.ndim != 2 || hidden.shape[0] != ids.shape[0] || hidden.shape[1] != ids.shape[1])
            throw new ArgumentException($"Expected hidden states [B, T, d] and ids [B, T]; got {ShapeText.Of(hidden)} and {ShapeText.Of(ids)}.", nameof(hidden));
        using var scope = NewDisposeScope();
        var m = ids.ne(padId).to(hidden.dtype).unsqueeze(2);   // m_t [B, T, 1]
        return scope.MoveToOuter(hidden.mul(m).sum(1).div(m.sum(1).clamp_min(1)));
    }

    /// <summary>Frozen features: the mean-pooled final hidden states [N, d] of <paramref name="body"/> for ids [N, T], in eval mode without gradients.</summary>
    public static Tensor Features(Bert body, Tensor ids, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        bool wasTraining = body.training;
        body.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var parts = new List<Tensor>();
            for (long start = 0; start < ids.shape[0]; start += batchSize)
            {
                var chunk = ids.narrow(0, start, Math.Min(batchSize, ids.shape[0] - start));
                parts.Add(MeanPool(body.Encode(chunk), chunk, body.Config.PadId));
            }
            return scope.MoveToOuter(cat(parts, 0));
        }
        finally { body.train(wasTraining); }
    }
}

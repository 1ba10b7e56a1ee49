using GenAI.Agents;
using GenAI.Text;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>How notebook 23's agent model is trained: its sizes and the data and optimiser settings, all recorded in the checkpoint key.</summary>
/// <param name="Model">The GPT (VocabSize must be <see cref="ToyChatFormat.VocabSize"/>).</param>
/// <param name="TrainProblems">Distinct arithmetic problems the training episodes draw from (held-out problems are never among them).</param>
/// <param name="Episodes">Rendered episodes in the training text.</param>
public sealed record AgentGptTraining(GptConfig Model, int TrainProblems, int Episodes, int Steps, int BatchSize = 32, double LearningRate = 3e-3)
{
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        if (Model.VocabSize != ToyChatFormat.VocabSize)
            throw new ArgumentException($"Model.VocabSize must be {ToyChatFormat.VocabSize} (ToyChatFormat.Alphabet); got {Model.VocabSize}.", nameof(Model));
        if (TrainProblems < 4) throw new ArgumentException($"TrainProblems must be at least 4; got {TrainProblems}.", nameof(TrainProblems));
        if (Episodes < 1) throw new ArgumentException($"Episodes must be at least 1; got {Episodes}.", nameof(Episodes));
        if (Steps < 1) throw new ArgumentException($"Steps must be at least 1; got {Steps}.", nameof(Steps));
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be at least 1; got {BatchSize}.", nameof(BatchSize));
        if (!(LearningRate > 0)) throw new ArgumentException($"LearningRate must be positive; got {LearningRate}.", nameof(LearningRate));
    }
}

public static partial class CourseModels
{
    /// <summary>
    /// Notebook 23's agent model: a character GPT trained on ReAct traces (<see cref="AgentTasks.Corpus"/>) of
    /// arithmetic problems (the calculator) and course questions (the search), and on answers without tools
    /// (zero-, few-shot, chain of thought). Loaded from the checkpoint store when it holds this exact model, else
    /// trained (AdamW, cosine decay, random windows of the text) and saved. <paramref name="heldOut"/> lists the problems
    /// that training must never see. The summary is the loss history.
    /// </summary>
    public static TrainedModel<Gpt, LossHistory> AgentGpt(AgentGptTraining settings, IReadOnlySet<string> heldOut, IReadOnlyList<CourseQuestion> questions,
        long seed, Device? device = null, CheckpointStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(questions);
        settings.Validate();
        var problems = AgentTasks.Arithmetic(settings.TrainProblems, (int)seed, heldOut);
        var corpus = AgentTasks.Corpus(problems, questions, settings.Episodes, (int)seed + 1);
        var ids = ToyChatFormat.Encode(corpus);
        using var stream = new TokenStream(ids, device);
        var key = CheckpointKey.Create("agent-gpt", settings, seed, DataFingerprint.Of($"agent traces, {settings.Episodes} episodes", stream.Ids),
            typeof(Gpt), typeof(AgentTasks), typeof(ToyChatFormat), typeof(CourseModels));
        return (store ?? new CheckpointStore()).LoadOrTrain(key,
            () => { manual_seed(seed); return new Gpt(settings.Model, device); },
            gpt =>
            {
                using var batches = new Generator((ulong)seed);
                var adam = optim.AdamW(gpt.parameters(), lr: settings.LearningRate, weight_decay: 0.01);
                var schedule = optim.lr_scheduler.CosineAnnealingLR(adam, settings.Steps, eta_min: settings.LearningRate / 10);
                var trainer = new Trainer(gpt, adam, new TrainingOptions(Steps: settings.Steps, EvalEvery: Math.Max(1, settings.Steps / 10), Title: "agent GPT on ReAct traces"));
                return trainer.Run(() =>
                {
                    var (x, y) = stream.RandomBatch(settings.BatchSize, settings.Model.ContextLength, batches);
                    var loss = gpt.Loss(x, y);
                    schedule.step();
                    return loss;
                });
            });
    }
}

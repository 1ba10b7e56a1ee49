using GenAI.Agents;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>How notebook 23's agent model is trained: its sizes and the data and optimiser settings, all recorded in the checkpoint key.</summary>
/// <param name="Model">The GPT (VocabSize must be <see cref="ToyChatFormat.VocabSize"/>).</param>
/// <param name="TrainProblems">Distinct arithmetic problems the training episodes draw from (held-out problems are never among them).</param>
/// <param name="Episodes">Rendered episodes in the training text.</param>
/// <param name="Mix">The shares of the kinds of episode (null: <see cref="EpisodeMix.Default"/>).</param>
public sealed record AgentGptTraining(GptConfig Model, int TrainProblems, int Episodes, int Steps, int BatchSize = 32, double LearningRate = 3e-3, EpisodeMix? Mix = null)
{
    /// <summary>
    /// Notebook 23's settings (and the agent server's). Quick mode (CI): two layers, 500 steps (about 40 s of one CPU
    /// core); the full run: three layers, 1 500 steps (over 500 s of CPU under load on 2026-12-04 with this mix, whose long course
    /// episodes make every batch about 120 characters: over the 10-minute budget with the evaluation; fewer steps are the fix to try). Both train mostly on tool episodes
    /// (60 % arithmetic with the calculator, 25 % course questions with the search, 5 % each zero-shot, few-shot and chain
    /// of thought): the default mix (40 % and 20 %) left 3-6 % of held-out sums miscopied from the calculator's result,
    /// and a full run with 45 % chains of thought (2026-12-04) reached only 2.7 % alone and 94.3 % with the calculator.
    /// </summary>
    public static AgentGptTraining Notebook(bool quick) => quick
        ? new(new GptConfig(ToyChatFormat.VocabSize, ContextLength: 128, Layers: 2, Heads: 4, EmbeddingDim: 64), TrainProblems: 2000, Episodes: 8000, Steps: 500, BatchSize: 32, LearningRate: 6e-3,
            Mix: new EpisodeMix(ArithmeticWithTools: 0.6, CourseWithTools: 0.25, ZeroShot: 0.05, FewShot: 0.05, ChainOfThought: 0.05))
        : new(new GptConfig(ToyChatFormat.VocabSize, ContextLength: 128, Layers: 3, Heads: 4, EmbeddingDim: 96), TrainProblems: 20000, Episodes: 30000, Steps: 1500, BatchSize: 32, LearningRate: 4e-3,
            Mix: new EpisodeMix(ArithmeticWithTools: 0.6, CourseWithTools: 0.25, ZeroShot: 0.05, FewShot: 0.05, ChainOfThought: 0.05));

    /// <summary>How many held-out problems notebook 23 draws (seed + 1000) and keeps out of training.</summary>
    public static int NotebookHeldOut(bool quick) => quick ? 100 : 300;

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
        Mix?.Validate();
    }
}

public static partial class CourseModels
{
    /// <summary>
    /// Notebook 23's agent model: a character GPT trained on ReAct traces (<see cref="AgentTasks.Corpus"/>) of
    /// arithmetic problems (the calculator) and course questions (the search), and on answers without tools
    /// (zero-, few-shot, chain of thought). Loaded from the checkpoint store when it holds this exact model, else
    /// trained (AdamW, cosine decay, mini-batches of whole episodes with the loss on the assistant's characters only) and saved. <paramref name="heldOut"/> lists the problems
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
        var episodes = AgentTasks.Corpus(problems, questions, settings.Episodes, (int)seed + 1, settings.Mix)
            .Select(t => AgentTasks.TrainingExample(t)).Where(e => e.X.Length <= settings.Model.ContextLength).ToList();
        if (episodes.Count == 0) throw new ArgumentException($"No episode fits ContextLength {settings.Model.ContextLength}.", nameof(settings));
        // Episodes as rows [E, T], padded (inputs with '\n', targets with -100, which the loss ignores): each row starts
        // at position 0, as a request does, and only the assistant's characters are targets.
        int T = settings.Model.ContextLength;
        var xs = new long[episodes.Count * T];
        var ys = Enumerable.Repeat(-100L, episodes.Count * T).ToArray();
        var lengths = new long[episodes.Count];
        for (int e = 0; e < episodes.Count; e++)
        {
            Array.Copy(episodes[e].X, 0, xs, e * T, episodes[e].X.Length);
            Array.Copy(episodes[e].Y, 0, ys, e * T, episodes[e].Y.Length);
            lengths[e] = episodes[e].X.Length;
        }
        using var X = tensor(xs, [episodes.Count, T], device: device);
        using var Y = tensor(ys, [episodes.Count, T], device: device);
        var key = CheckpointKey.Create("agent-gpt", settings, seed, DataFingerprint.Of($"agent episodes ({episodes.Count})", X, Y),
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
                    var idx = randint(0, episodes.Count, [settings.BatchSize], generator: batches);
                    long longest = idx.data<long>().Max(i => lengths[i]);   // cut the batch to its longest episode
                    var dix = idx.to(X.device);
                    var x = X.index_select(0, dix).narrow(1, 0, longest);
                    var y = Y.index_select(0, dix).narrow(1, 0, longest);
                    var logits = gpt.call(x);
                    var loss = nn.functional.cross_entropy(logits.reshape(-1, settings.Model.VocabSize), y.reshape(-1), ignore_index: -100);
                    schedule.step();
                    return loss;
                });
            });
    }
}

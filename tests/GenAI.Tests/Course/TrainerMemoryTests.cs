using GenAI.Text;
using System.Diagnostics;
using GenAI.Models;
using GenAI.Training;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace GenAI.Tests.Course;

/// <summary>
/// The course's promise about long runs: the library's <see cref="Trainer"/> disposes what each
/// step makes, so 10 000 steps take no more memory than 500 and every tensor a step made is gone.
/// </summary>
[Collection(MemoryCollection.Name)]
public class TrainerMemoryTests(ITestOutputHelper output)
{
    const int WarmupSteps = 500;
    const int MeasuredSteps = 10_000;
    const long AllowedGrowth = 50L * 1024 * 1024;

    sealed record Snapshot(int Step, long LiveTensors, long Rss, long Malloc);

    [Fact]
    public void Ten_thousand_Trainer_steps_keep_memory_flat_and_free_every_step_tensor()
    {
        // One sequence whose every 3-token context is followed by one token only, so the loss can
        // fall towards 0 and a falling loss shows that the steps really train.
        long[] sequence = [1, 2, 3, 4, 5, 1, 3, 5, 2, 4];
        manual_seed(11);
        using var examples = NextTokenExamples.Build([sequence], contextLength: 3, boundaryToken: 0);
        // A course model, made tiny so that 10 500 steps take seconds.
        using var model = new MlpLanguageModel(new MlpLanguageModelConfig(VocabSize: 6, ContextLength: 3, EmbeddingDim: 4, HiddenDim: 16));
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        using var batches = new Generator(5);
        double firstLoss = double.NaN;

        Tensor TrainLoss()
        {
            // Random mini-batches: the indices, the gathered rows, the logits and the loss are all step tensors.
            var (contexts, targets) = examples.RandomBatch(8, batches);
            var loss = nn.functional.cross_entropy(model.call(contexts), targets);
            if (double.IsNaN(firstLoss)) firstLoss = loss.item<float>();
            return loss;
        }

        var snapshots = new List<Snapshot>();
        var trainer = new Trainer(model, optimizer, new TrainingOptions(Steps: WarmupSteps + MeasuredSteps, EvalEvery: WarmupSteps, Quiet: true));
        // Evaluated runs after the step's dispose scope has closed: what is alive then outlives the step.
        trainer.Evaluated += _ =>
        {
            ProcessMemory.CollectGarbage();
            snapshots.Add(new Snapshot(trainer.Step, DisposeScopeManager.Statistics.ThreadTotalLiveCount,
                ProcessMemory.ResidentBytes(), ProcessMemory.MallocInUseBytes()));
        };

        // Ops this small gain nothing from a second thread, and on a busy 2-core machine libtorch's
        // waiting worker threads made the run 13 times slower (59 s against 4.6 s). This collection
        // runs alone, so changing the process-wide setting for its length disturbs no other test.
        int threads = get_num_threads();
        set_num_threads(1);
        LossHistory history;
        var clock = Stopwatch.StartNew();
        try
        {
            history = trainer.Run(TrainLoss);
        }
        finally
        {
            set_num_threads(threads);
        }

        var warm = snapshots.Single(s => s.Step == WarmupSteps);
        var end = snapshots[^1];
        long rssGrowth = end.Rss - warm.Rss, mallocGrowth = end.Malloc - warm.Malloc;
        output.WriteLine($"{end.Step} steps in {clock.Elapsed.TotalSeconds:F1} s; loss {firstLoss:F4} at step 1, {history.LastTrain:F6} over the last {WarmupSteps} steps");
        output.WriteLine($"over {MeasuredSteps} steps after a {WarmupSteps}-step warm-up: RSS grew {ProcessMemory.Megabytes(rssGrowth)}, " +
                         $"malloc in use {ProcessMemory.Megabytes(mallocGrowth)}, live tensors {warm.LiveTensors} -> {end.LiveTensors}");
        foreach (var s in snapshots)
            output.WriteLine($"  step {s.Step,6}: live tensors {s.LiveTensors}, RSS {ProcessMemory.Megabytes(s.Rss)}, malloc {ProcessMemory.Megabytes(s.Malloc)}");

        Assert.Equal(WarmupSteps + MeasuredSteps, end.Step);
        Assert.True(history.LastTrain < firstLoss / 10,
            $"the loss should fall far below its start {firstLoss:F4}; the last {WarmupSteps} steps averaged {history.LastTrain:F4}");
        // Every tensor a step made was disposed by the Trainer's scope: no step left one behind.
        Assert.All(snapshots, s => Assert.Equal(warm.LiveTensors, s.LiveTensors));
        Assert.True(rssGrowth < AllowedGrowth,
            $"RSS grew by {ProcessMemory.Megabytes(rssGrowth)} over {MeasuredSteps} steps (allowed: {ProcessMemory.Megabytes(AllowedGrowth)})");
        Assert.True(mallocGrowth < AllowedGrowth,
            $"malloc-ed memory grew by {ProcessMemory.Megabytes(mallocGrowth)} over {MeasuredSteps} steps (allowed: {ProcessMemory.Megabytes(AllowedGrowth)})");
    }
}

using GenAI.Text;
using GenAI.Models;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Training;

[Collection(SeededCollection.Name)]
public sealed class CheckpointTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "genai-checkpoint-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    static NextTokenExamples Corpus() => NextTokenExamples.Build([[1, 2, 3], [2, 3, 3], [3, 1, 2]], contextLength: 1, boundaryToken: 0);

    // Adam keeps per-parameter moment estimates; a resume that forgot them would take different steps.
    static (NeuralBigram Model, torch.optim.Optimizer Optimizer) Fresh(int seed)
    {
        manual_seed(seed);
        var model = new NeuralBigram(4);
        return (model, optim.Adam(model.parameters(), lr: 0.05));
    }

    static LossHistory Train(NeuralBigram model, torch.optim.Optimizer optimizer, NextTokenExamples data, int steps, string? checkpoints) =>
        new Trainer(model, optimizer, new TrainingOptions(Steps: steps, EvalEvery: 10, CheckpointFolder: checkpoints, Quiet: true))
            .Run(() => nn.functional.cross_entropy(model.call(data.Contexts), data.Targets), () => 2.0);

    [Fact]
    public void ResumingContinuesExactlyWhereTheRunStopped()
    {
        using var data = Corpus();

        var (straight, straightOptimizer) = Fresh(seed: 1);
        var straightHistory = Train(straight, straightOptimizer, data, steps: 40, checkpoints: null);

        var (first, firstOptimizer) = Fresh(seed: 1);
        Train(first, firstOptimizer, data, steps: 20, checkpoints: folder);
        Assert.True(Checkpoint.Exists(folder));

        // A new process would start from different random weights; the checkpoint must overwrite them.
        var (resumed, resumedOptimizer) = Fresh(seed: 99);
        var resumedHistory = Train(resumed, resumedOptimizer, data, steps: 40, checkpoints: folder);

        Assert.Equal(new[] { 10, 20, 30, 40 }, resumedHistory.Train.Select(p => p.Step));
        Assert.Equal(straightHistory.Train.Select(p => p.Loss), resumedHistory.Train.Select(p => p.Loss), new Close(1e-5));
        Assert.True(resumed.Weight.allclose(straight.Weight, rtol: 1e-5, atol: 1e-6), "resumed weights should equal an uninterrupted run's");
        foreach (var d in new IDisposable[] { straight, straightOptimizer, first, firstOptimizer, resumed, resumedOptimizer }) d.Dispose();
    }

    [Fact]
    public void SaveAndLoadRoundTripTheStateAndParameters()
    {
        var (model, optimizer) = Fresh(seed: 5);
        var history = new LossHistory([new LossPoint(10, 2.5), new LossPoint(20, 2.25)], [new LossPoint(20, 2.4)]);
        Checkpoint.Save(folder, model, optimizer, new TrainingState(20, history));

        var (other, otherOptimizer) = Fresh(seed: 6);
        Assert.False(other.Weight.allclose(model.Weight));
        var state = Checkpoint.Load(folder, other, otherOptimizer);
        Assert.Equal(20, state.Step);
        Assert.Equal(history.Train, state.History.Train);
        Assert.Equal(history.Validation, state.History.Validation);
        Assert.True(other.Weight.allclose(model.Weight));
        foreach (var d in new IDisposable[] { model, optimizer, other, otherOptimizer }) d.Dispose();
    }

    [Fact]
    public void LoadingFromAnEmptyFolderNamesTheFolder()
    {
        var (model, optimizer) = Fresh(seed: 5);
        var e = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(folder, model, optimizer));
        Assert.Contains(folder, e.Message);
        model.Dispose();
        optimizer.Dispose();
    }

    [Fact]
    public void ACorruptStateFileIsAClearError()
    {
        var (model, optimizer) = Fresh(seed: 5);
        Checkpoint.Save(folder, model, optimizer, new TrainingState(3, new LossHistory()));
        File.WriteAllText(Path.Combine(folder, "state.json"), "{ not json");
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(folder, model, optimizer));
        Assert.Contains("state.json", e.Message);
        model.Dispose();
        optimizer.Dispose();
    }

    sealed class Close(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}

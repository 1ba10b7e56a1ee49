using GenAI.Text;
using GenAI.Models;
using GenAI.Training;
using static TorchSharp.torch;

namespace GenAI.Tests.Training;

[Collection(SeededCollection.Name)]
public class TrainerTests
{
    static NextTokenExamples Corpus() => NextTokenExamples.Build([[1, 2, 3], [2, 3], [3, 1, 2]], contextLength: 1, boundaryToken: 0);

    static Func<Tensor> FullBatchLoss(NeuralBigram model, NextTokenExamples data) =>
        () => nn.functional.cross_entropy(model.call(data.Contexts), data.Targets);

    [Fact]
    public void RecordsMeanTrainLossAndValidationEveryEvalEverySteps()
    {
        manual_seed(3);
        using var data = Corpus();
        using var model = new NeuralBigram(4);
        using var optimizer = optim.SGD(model.parameters(), 1.0);
        int validations = 0;
        var trainer = new Trainer(model, optimizer, new TrainingOptions(Steps: 25, EvalEvery: 10, Quiet: true));
        var progress = new List<int>();
        trainer.Evaluated += h => progress.Add(h.Train[^1].Step);
        var history = trainer.Run(FullBatchLoss(model, data), () => { validations++; return 1.5; });

        Assert.Equal(new[] { 10, 20, 25 }, history.Train.Select(p => p.Step));
        Assert.Equal(new[] { 10, 20, 25 }, history.Validation.Select(p => p.Step));
        Assert.Equal(3, validations);
        Assert.Equal(new[] { 10, 20, 25 }, progress);
        Assert.Equal(1.5, history.LastValidation);
        Assert.True(history.Train[2].Loss < history.Train[0].Loss, "the loss should fall");
        Assert.Equal(25, trainer.Step);
    }

    [Fact]
    public void ValidationRunsInEvalModeWithoutGradients()
    {
        using var data = Corpus();
        using var model = new NeuralBigram(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var seen = new List<(bool Training, bool Grad)>();
        var trainer = new Trainer(model, optimizer, new TrainingOptions(Steps: 2, EvalEvery: 1, Quiet: true));
        trainer.Run(FullBatchLoss(model, data), () =>
        {
            using var logits = model.call(data.Contexts);
            seen.Add((model.training, logits.requires_grad));
            return 0;
        });
        Assert.All(seen, s => Assert.Equal((false, false), s));
        Assert.True(model.training, "training mode is restored after evaluating");
    }

    [Fact]
    public void NonFiniteLossStopsWithAMessage()
    {
        using var model = new NeuralBigram(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var trainer = new Trainer(model, optimizer, new TrainingOptions(Steps: 5, Quiet: true));
        var e = Assert.Throws<InvalidOperationException>(() =>
            trainer.Run(() => model.Weight.sum().mul(double.NaN)));
        Assert.Contains("NaN at step 1", e.Message);
    }

    [Fact]
    public void CheckpointEveryWithoutAFolderIsRejected()
    {
        using var model = new NeuralBigram(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(model, optimizer, new TrainingOptions(Steps: 5, CheckpointEvery: 2)));
        Assert.Contains("CheckpointFolder", e.Message);
    }

    [Fact]
    public void APerExampleLossIsRejectedWithItsShape()
    {
        using var data = Corpus();
        using var model = new NeuralBigram(4);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var trainer = new Trainer(model, optimizer, new TrainingOptions(Steps: 3, Quiet: true));
        var before = model.Weight.detach().data<float>().ToArray();
        var e = Assert.Throws<ArgumentException>(() => trainer.Run(() =>
            nn.functional.cross_entropy(model.call(data.Contexts), data.Targets, reduction: nn.Reduction.None)));
        Assert.Equal("trainLoss", e.ParamName);
        Assert.StartsWith("trainLoss must return the mini-batch loss as one number; at step 1 it returned a tensor of shape [11]. Reduce it, for example with .mean().", e.Message);
        Assert.Equal(0, trainer.Step);
        Assert.Equal(before, model.Weight.detach().data<float>().ToArray()); // no update was made
    }
}

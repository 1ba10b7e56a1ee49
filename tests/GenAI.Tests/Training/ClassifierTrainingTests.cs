using GenAI.Data;
using GenAI.Models;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Training;

[Collection(SeededCollection.Name)]
public class ClassifierTrainingTests
{
    // Two Gaussian blobs, class = which side of x0 + x1 = 0 the point's centre lies.
    static LabelledTensors Blobs(int count, long seed)
    {
        var g = new Generator((ulong)seed);
        var labels = randint(0, 2, [count], generator: g);
        var centres = labels.to(ScalarType.Float32).unsqueeze(1) * 4 - 2;
        return new LabelledTensors(centres + randn([count, 2], generator: g), labels);
    }

    [Fact]
    public void LearnsASeparableProblem()
    {
        manual_seed(1);
        using var train = Blobs(200, 1);
        using var validation = Blobs(100, 2);
        using var model = new MlpClassifier(new MlpClassifierConfig(2, [8], 2));
        var run = ClassifierTraining.Fit(model, optim.Adam(model.parameters(), 0.05), train, validation, epochs: 10, batchSize: 32, seed: 3);
        Assert.Equal(10, run.Epochs.Count);
        Assert.True(run.Last.TrainLoss < run.Epochs[0].TrainLoss);
        Assert.True(run.Last.ValidationAccuracy > 0.95, $"validation accuracy {run.Last.ValidationAccuracy}");
        Assert.False(run.StoppedEarly);
    }

    [Fact]
    public void PredictInBatchesGivesTheArgmaxOfOneForwardPassAndRestoresTrainingMode()
    {
        manual_seed(4);
        using var model = new MlpClassifier(new MlpClassifierConfig(2, [8], 3, Dropout: 0.5));
        using var features = randn(10, 2);
        model.train();
        var predicted = ClassifierTraining.Predict(model, features, batchSize: 3);   // batches of 3, 3, 3 and 1
        model.eval();
        using var expected = model.call(features).argmax(1);
        Assert.True(predicted.equal(expected).all().item<bool>(), $"{predicted.str()} vs {expected.str()}");
        model.train();
        ClassifierTraining.Predict(model, features);
        Assert.True(model.training);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierTraining.Predict(model, features, batchSize: 0));
        Assert.StartsWith("batchSize must be at least 1.", error.Message);
    }

    [Fact]
    public void EarlyStoppingStopsAfterPatienceAndRestoresTheBestWeights()
    {
        // Random labels: nothing generalises, so the validation loss soon rises while the net memorises.
        manual_seed(2);
        using var train = new LabelledTensors(randn(60, 10), randint(0, 2, [60]));
        using var validation = new LabelledTensors(randn(60, 10), randint(0, 2, [60]));
        using var model = new MlpClassifier(new MlpClassifierConfig(10, [128], 2));
        var run = ClassifierTraining.Fit(model, optim.Adam(model.parameters(), 0.01), train, validation, epochs: 200, batchSize: 20, seed: 4, patience: 3);
        Assert.True(run.StoppedEarly);
        Assert.Equal(run.BestEpoch + 3, run.Last.Epoch);
        Assert.Equal(run.Best.ValidationLoss, ClassifierTraining.Evaluate(model, validation).Loss, 6);
        Assert.True(run.Best.ValidationLoss < run.Last.ValidationLoss);
    }

    [Fact]
    public void ZeroPatienceIsRejected()
    {
        using var data = new LabelledTensors(zeros(4, 2), zeros(new long[] { 4 }, ScalarType.Int64));
        using var model = new MlpClassifier(new MlpClassifierConfig(2, [], 2));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ClassifierTraining.Fit(model, optim.SGD(model.parameters(), 0.1), data, data, 1, 2, 0, patience: 0));
        Assert.Equal("patience", e.ParamName);
    }
}

using GenAI.Data;
using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

/// <summary>A tiny judge (one epoch on 600 images) is enough to check the plumbing; its accuracy is the notebooks' business.</summary>
[Collection(SeededCollection.Name)]
public class FashionMnistJudgeTests
{
    static readonly Lazy<FashionMnistJudge> Tiny = new(() => FashionMnistJudge.LoadOrTrain(CPU, new FashionMnistJudgeOptions(Epochs: 1, Limit: 600, Seed: 5)));

    [Fact]
    public void LearnsSomethingAndGivesPenultimateFeatures()
    {
        var judge = Tiny.Value;
        Assert.InRange(judge.TestAccuracy, 0.4, 1.0);   // one epoch on 600 images: far above the 10 % of guessing
        using var test = FashionMnist.LoadTest(limit: 50);
        using var features = judge.Features(test.Features, batchSize: 16);
        Assert.Equal(new long[] { 50, judge.FeatureDim }, features.shape);
        Assert.True(features.min().item<float>() >= 0);   // after a ReLU
        using var viaNetwork = judge.Network.Embedding(test.Features);
        Assert.True(features.allclose(viaNetwork, 1e-5, 1e-5));
        using var predicted = judge.Classify(test.Features);
        Assert.Equal(50, judge.Histogram(test.Features).Total);
        Assert.Equal(predicted.bincount(null, 10).data<long>().ToArray(), judge.Histogram(test.Features).Counts);
    }

    [Fact]
    public void FidOfASetWithItselfIsZeroAndNoiseIsFarAboveTheFloor()
    {
        var judge = Tiny.Value;
        using var train = FashionMnist.LoadTrain(limit: 1000);
        using var test = FashionMnist.LoadTest(limit: 1000);
        using var some = test.Features.narrow(0, 0, 300);
        Assert.Equal(0.0, judge.Fid(some, some), 6);
        var report = judge.FidWithBounds(train.Features.narrow(0, 0, 300), train.Features, test.Features, seed: 1);
        Assert.Equal(300, report.SampleCount);
        Assert.True(report.Ceiling > 5 * report.Floor, report.ToString());
        Assert.True(report.Fid < report.Ceiling / 5, report.ToString());
    }

    [Fact]
    public void SmallerImagesAreResizedAndWrongRangesAreRefused()
    {
        var judge = Tiny.Value;
        using var small = rand(4, 1, 16, 16);
        Assert.Equal(new long[] { 4, judge.FeatureDim }, judge.Features(small).shape);
        using var tanhRange = rand(4, 1, 28, 28) * 2 - 1;
        Assert.Contains("(x + 1) / 2", Assert.Throws<ArgumentException>(() => judge.Features(tanhRange)).Message);
        using var flat = rand(4, 784);
        Assert.Contains("[N, 1, H, W]", Assert.Throws<ArgumentException>(() => judge.Classify(flat)).Message);
        Assert.Contains("Epochs", Assert.Throws<ArgumentException>(() => FashionMnistJudge.LoadOrTrain(CPU, new FashionMnistJudgeOptions(Epochs: 0))).Message);
    }

    [Fact]
    public void FromStoreTrainsOnceAndThenLoadsTheSameJudge()
    {
        var folder = Path.Combine(Path.GetTempPath(), "genai-judge-store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var log = new List<string>();
            var store = new GenAI.Training.CheckpointStore(folder) { Log = log.Add };
            var options = new FashionMnistJudgeOptions(Epochs: 1, Limit: 300, Seed: 3);
            using var first = FashionMnistJudge.FromStore(CPU, options, store);
            using var second = FashionMnistJudge.FromStore(CPU, options, store);
            Assert.StartsWith("trained fashion-mnist-judge", log[0]);
            Assert.StartsWith("loaded fashion-mnist-judge", log[1]);
            Assert.Equal(first.TestAccuracy, second.TestAccuracy, 12);
            using var test = FashionMnist.LoadTest(limit: 20);
            Assert.True(first.Features(test.Features).allclose(second.Features(test.Features), 1e-6, 1e-6));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}

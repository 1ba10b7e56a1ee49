using GenAI;
using GenAI.Adaptation;
using GenAI.Data;
using GenAI.Models;
using GenAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Adaptation;

public class FineTuningTests
{
    static LabelledTensors Six() =>
        new(arange(6, dtype: ScalarType.Float32).view(6, 1).mul(10), tensor(new long[] { 3, 5, 3, 1, 5, 0 }));

    [Fact]
    public void SelectClassesKeepsTheOrderAndRelabelsByPosition()
    {
        using var data = Six();
        using var task = FineTuning.SelectClasses(data, [5, 3]);
        // rows 0, 1, 2, 4 have labels 3, 5, 3, 5; class 5 becomes 0, class 3 becomes 1
        Assert.Equal(new float[] { 0, 10, 20, 40 }, task.Features.flatten().data<float>().ToArray());
        Assert.Equal(new long[] { 1, 0, 1, 0 }, task.Labels.data<long>().ToArray());
        using var firstTwo = FineTuning.SelectClasses(data, [5, 3], limit: 2);
        Assert.Equal(new long[] { 1, 0 }, firstTwo.Labels.data<long>().ToArray());
    }

    [Fact]
    public void SelectClassesNamesBadChoices()
    {
        using var data = Six();
        Assert.Contains("distinct", Assert.Throws<ArgumentException>(() => FineTuning.SelectClasses(data, [1, 1])).Message);
        Assert.Contains("No example", Assert.Throws<ArgumentException>(() => FineTuning.SelectClasses(data, [7])).Message);
        Assert.Throws<ArgumentException>(() => FineTuning.SelectClasses(data, []));
    }

    [Fact]
    public void CopyComputesTheSameAndIsIndependent()
    {
        manual_seed(1);
        var config = new VisionTransformerConfig(ImageSize: 8, PatchSize: 4, ModelDim: 8, Layers: 1, Heads: 2, FfnDim: 16, Classes: 3);
        using var source = new VisionTransformer(config);
        source.eval();
        manual_seed(2);
        using var copy = FineTuning.Copy(source, () => new VisionTransformer(config));
        using var x = randn(2, 1, 8, 8, generator: new Generator(3));
        using var a = source.call(x);
        using var b = copy.call(x);
        Assert.True(a.equal(b).all().item<bool>());
        using (no_grad()) copy.parameters().First().add_(1);
        using var c = source.call(x);
        Assert.True(a.equal(c).all().item<bool>());
        Assert.False(copy.training);
    }

    [Fact]
    public void CopyRejectsAnotherArchitecture()
    {
        using var source = nn.Linear(3, 2);
        Assert.Contains("different architecture", Assert.Throws<ArgumentException>(() => FineTuning.Copy(source, () => nn.Linear(4, 2))).Message);
    }

    [Fact]
    public void FreezeAllButLeavesOnlyTheChosenParametersTrainable()
    {
        using var model = nn.Sequential(("body", nn.Linear(4, 5)), ("head", nn.Linear(5, 3)));
        var kept = FineTuning.FreezeAllBut(model, n => n.StartsWith("head."));
        Assert.Equal(2, kept.Count);
        Assert.Equal(5 * 3 + 3, model.TrainableParameterCount());
        Assert.All(model.named_parameters().Where(p => p.name.StartsWith("body.")), p => Assert.False(p.parameter.requires_grad));
        Assert.Throws<ArgumentException>(() => FineTuning.FreezeAllBut(model, _ => false));
    }

    [Fact]
    public void ResetLinearDrawsNewWeightsWithinTheDefaultBound()
    {
        using var model = nn.Sequential(("body", nn.Linear(4, 5)), ("head", nn.Linear(16, 3)));
        using var before = model.named_parameters().Single(p => p.name == "head.weight").parameter.clone();
        FineTuning.ResetLinear(model, "head", seed: 7);
        var w = model.named_parameters().Single(p => p.name == "head.weight").parameter;
        Assert.False(w.equal(before).all().item<bool>());
        Assert.True(w.abs().max().item<float>() <= 0.25f);   // 1 / sqrt(16)
        using var first = w.clone();
        FineTuning.ResetLinear(model, "head", seed: 7);
        Assert.True(w.equal(first).all().item<bool>());            // the same seed draws the same weights
        Assert.Contains("no layer named", Assert.Throws<ArgumentException>(() => FineTuning.ResetLinear(model, "tail", 1)).Message);
    }

    [Fact]
    public void PretrainOrLoadTrainsOnceThenLoadsTheSameWeights()
    {
        string folder = Path.Combine(Path.GetTempPath(), "genai-finetuning-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var g = new Generator(3);
            using var train = new LabelledTensors(randn(32, 1, 8, 8, generator: g), randint(0, 3, new long[] { 32 }, generator: g));
            using var val = new LabelledTensors(randn(8, 1, 8, 8, generator: g), randint(0, 3, new long[] { 8 }, generator: g));
            var config = new VisionTransformerConfig(ImageSize: 8, PatchSize: 4, ModelDim: 8, Layers: 1, Heads: 2, FfnDim: 16, Classes: 3);
            var settings = new ClassifierPretraining<VisionTransformerConfig>(config, [0, 1, 2], Epochs: 2, BatchSize: 8, LearningRate: 1e-2);
            var store = new CheckpointStore(folder) { Log = _ => { } };
            var first = FineTuning.PretrainOrLoad("test-vit", settings, train, val, 5, () => new VisionTransformer(config), typeof(VisionTransformer), store);
            var second = FineTuning.PretrainOrLoad("test-vit", settings, train, val, 5, () => new VisionTransformer(config), typeof(VisionTransformer), store);
            Assert.False(first.Loaded);
            Assert.True(second.Loaded);
            Assert.Equal(2, second.Summary.Epochs.Count);
            Assert.Equal(first.Summary.Last.ValidationLoss, second.Summary.Last.ValidationLoss, 9);
            using var x = randn(4, 1, 8, 8, generator: g);
            using var a = first.Model.call(x);
            using var b = second.Model.call(x);
            Assert.True(a.equal(b).all().item<bool>());
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }
}

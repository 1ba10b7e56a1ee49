using GenAI.Adaptation;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Adaptation;

public class LoraTests
{
    static TorchSharp.Modules.Linear Layer(int dIn, int dOut, long seed)
    {
        using var g = new Generator((ulong)seed);
        var layer = nn.Linear(dIn, dOut);
        using (no_grad())
        {
            layer.weight!.copy_(randn(dOut, dIn, generator: g));
            layer.bias!.copy_(randn(dOut, generator: g));
        }
        return layer;
    }

    [Fact]
    public void StartsExactlyAtTheBaseLayer()
    {
        using var layer = Layer(6, 4, 1);
        using var x = randn(5, 6, generator: new Generator(2));
        using var before = layer.call(x);
        using var lora = new LoraLinear(layer, rank: 2, alpha: 4, generator: new Generator(3));
        using var after = lora.call(x);
        Assert.True(before.equal(after).all().item<bool>());
        Assert.Equal(0.0, lora.B.abs().sum().item<float>());
        Assert.True(lora.A.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void TheSameGeneratorSeedGivesTheSameA()
    {
        using var layer = Layer(6, 4, 1);
        using var first = new LoraLinear(layer, rank: 2, generator: new Generator(11));
        using var drawn = randn(50);   // the global generator moves on; A must not depend on it
        using var second = new LoraLinear(layer, rank: 2, generator: new Generator(11));
        using var other = new LoraLinear(layer, rank: 2, generator: new Generator(12));
        Assert.True(first.A.eq(second.A).all().item<bool>());
        Assert.False(first.A.eq(other.A).all().item<bool>());
        double bound = 1 / Math.Sqrt(6);
        Assert.True(first.A.abs().max().item<float>() <= bound);
    }

    [Fact]
    public void TrainsOnlyRTimesDInPlusDOut()
    {
        using var layer = Layer(10, 7, 1);
        using var lora = new LoraLinear(layer, rank: 3);
        Assert.Equal(3 * (10 + 7), lora.TrainableParameterCount());
        Assert.Equal(LoraLinear.TrainableCount(10, 7, 3), lora.TrainableParameterCount());
        Assert.False(layer.weight!.requires_grad);
        Assert.False(layer.bias!.requires_grad);
    }

    [Fact]
    public void ForwardIsBasePlusScaledLowRankUpdate()
    {
        using var layer = Layer(4, 3, 1);
        using var lora = new LoraLinear(layer, rank: 2, alpha: 6);
        using (no_grad()) lora.B.copy_(randn(3, 2, generator: new Generator(5)));
        using var x = randn(2, 4, generator: new Generator(6));
        // y = W x + b + (alpha / r) B A x, alpha / r = 3
        using var expected = layer.call(x).add(x.mm(lora.A.t()).mm(lora.B.t()).mul(3.0));
        using var y = lora.call(x);
        Assert.True(y.allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void MergingGivesTheSameOutputsWithoutTheAdapter()
    {
        using var layer = Layer(8, 5, 1);
        using var lora = new LoraLinear(layer, rank: 2, alpha: 2);
        using (no_grad()) lora.B.copy_(randn(5, 2, generator: new Generator(5)));
        using var x = randn(3, 8, generator: new Generator(6));
        using var adapted = lora.call(x);
        var merged = lora.Merge();
        using var plain = merged.call(x);
        Assert.True(plain.allclose(adapted, rtol: 0, atol: 1e-5));
        Assert.True(lora.IsMerged);
        Assert.Throws<InvalidOperationException>(() => lora.Merge());
    }

    [Fact]
    public void RejectsARankLargerThanTheLayer()
    {
        using var layer = Layer(4, 3, 1);
        var e = Assert.Throws<ArgumentException>(() => new LoraLinear(layer, rank: 4));
        Assert.Contains("rank", e.Message);
        Assert.Contains("got 4", e.Message);
    }

    [Fact]
    public void AppliesToLayersOfAModelByNameAndMergesBack()
    {
        var config = new BertConfig(VocabSize: 20, ContextLength: 8, ModelDim: 8, Layers: 2, Heads: 2, FfnDim: 16, Classes: 3);
        using var model = new Bert(config);
        model.eval();
        using var ids = randint(3, 20, [4, 8], generator: new Generator(1));
        using var before = model.call(ids);
        using var adapters = LoraAdapters.Apply(model, n => n.EndsWith("attention.q_proj") || n.EndsWith("attention.v_proj"), rank: 2, alpha: 4, seed: 7,
            trainable: n => n.StartsWith("classifier"));
        Assert.Equal(4, adapters.LayerNames.Count);
        Assert.Contains("encoder.blocks.0.attention.q_proj", adapters.LayerNames);
        // 4 layers of 8 -> 8 at rank 2: 4 * 2 * (8 + 8) = 128, plus the classifier 8 * 3 + 3 = 27
        Assert.Equal(128 + 27, adapters.TrainableCount);
        Assert.Equal(27, model.TrainableParameterCount());
        using var start = model.call(ids);
        Assert.True(start.equal(before).all().item<bool>());

        using (no_grad()) foreach (var l in adapters.Layers) l.B.normal_(0, 0.5);
        using var adapted = model.call(ids);
        Assert.False(adapted.allclose(before, atol: 1e-4));
        adapters.Merge();
        using var merged = model.call(ids);
        Assert.True(merged.allclose(adapted, rtol: 0, atol: 1e-5));
        Assert.Equal(config.ParameterCount, model.ParameterCount());
    }

    [Fact]
    public void GradientsReachOnlyTheAdapters()
    {
        var config = new BertConfig(VocabSize: 20, ContextLength: 8, ModelDim: 8, Layers: 1, Heads: 2, FfnDim: 16, Classes: 2);
        using var model = new Bert(config);
        using var adapters = LoraAdapters.Apply(model, ["encoder.blocks.0.attention.q_proj"], rank: 1, alpha: 1, seed: 1);
        using var ids = randint(3, 20, [2, 8], generator: new Generator(1));
        using var loss = model.call(ids).pow(2).sum();
        loss.backward();
        Assert.NotNull(adapters.Layers[0].B.grad);
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void NamesAnUnknownLayer()
    {
        var config = new BertConfig(VocabSize: 20, ContextLength: 8, ModelDim: 8, Layers: 1, Heads: 2, FfnDim: 16, Classes: 2);
        using var model = new Bert(config);
        var e = Assert.Throws<ArgumentException>(() => LoraAdapters.Apply(model, ["encoder.blocks.5.attention.q_proj"], 1, 1, 1));
        Assert.Contains("encoder.blocks.5.attention.q_proj", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => LoraAdapters.Apply(model, n => n == "embedding_norm", 1, 1, 1));
        Assert.Contains("LayerNorm", e2.Message);
    }
}

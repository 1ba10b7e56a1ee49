using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class RecurrentFromScratchTests
{
    public static TheoryData<RecurrentKind, bool, int, bool> EveryCombination()
    {
        var data = new TheoryData<RecurrentKind, bool, int, bool>();
        foreach (var kind in Enum.GetValues<RecurrentKind>())
            foreach (bool batchFirst in new[] { false, true })
                foreach (int layers in new[] { 1, 2 })
                    foreach (bool bidirectional in new[] { false, true })
                        data.Add(kind, batchFirst, layers, bidirectional);
        return data;
    }

    static nn.Module Fused(RecurrentConfig c) => c.Kind switch
    {
        RecurrentKind.Rnn => nn.RNN(c.InputSize, c.HiddenSize, c.NumLayers, bias: c.Bias, batchFirst: c.BatchFirst, bidirectional: c.Bidirectional),
        RecurrentKind.Lstm => nn.LSTM(c.InputSize, c.HiddenSize, c.NumLayers, bias: c.Bias, batchFirst: c.BatchFirst, bidirectional: c.Bidirectional),
        _ => nn.GRU(c.InputSize, c.HiddenSize, c.NumLayers, bias: c.Bias, batchFirst: c.BatchFirst, bidirectional: c.Bidirectional),
    };

    static (Tensor Output, Tensor H, Tensor? C) RunFused(nn.Module module, Tensor x, Tensor h0, Tensor c0) => module switch
    {
        TorchSharp.Modules.LSTM lstm => lstm.call(x, (h0, c0)) is var (o, h, c) ? (o, h, c) : default,
        TorchSharp.Modules.GRU gru => gru.call(x, h0) is var (o, h) ? (o, h, null) : default,
        TorchSharp.Modules.RNN rnn => rnn.call(x, h0) is var (o, h) ? (o, h, null) : default,
        _ => throw new ArgumentException("not a recurrent module"),
    };

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void WholeSequenceAgreesWithTorchSharpsFusedModuleOnTheSameWeights(RecurrentKind kind, bool batchFirst, int layers, bool bidirectional)
    {
        manual_seed(7);
        var config = new RecurrentConfig(kind, InputSize: 5, HiddenSize: 6, NumLayers: layers, BatchFirst: batchFirst, Bidirectional: bidirectional);
        using var scope = NewDisposeScope();
        var fused = Fused(config);
        var scratch = new RecurrentFromScratch(config);
        scratch.CopyFrom(fused);

        const int steps = 7, batch = 3;
        var x = batchFirst ? randn(batch, steps, 5) : randn(steps, batch, 5);
        var h0 = randn(layers * config.Directions, batch, 6);
        var c0 = randn(layers * config.Directions, batch, 6);

        var expected = RunFused(fused, x, h0, c0);
        var actual = scratch.Run(x, h0, kind == RecurrentKind.Lstm ? c0 : null);

        Assert.Equal(expected.Output.shape, actual.Output.shape);
        Assert.Equal(expected.H.shape, actual.H.shape);
        Assert.True(actual.Output.allclose(expected.Output, rtol: 0, atol: 1e-5), "outputs differ");
        Assert.True(actual.H.allclose(expected.H, rtol: 0, atol: 1e-5), "final hidden states differ");
        if (kind == RecurrentKind.Lstm)
            Assert.True(actual.C!.allclose(expected.C!, rtol: 0, atol: 1e-5), "final cell states differ");
        else
            Assert.Null(actual.C);
        // Same weights: the parameter lists have the same names and sizes.
        Assert.Equal(fused.named_parameters().Select(p => p.name), scratch.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void WithoutBiasAndWithZeroStartStateAgreesToo()
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        var config = new RecurrentConfig(RecurrentKind.Gru, 4, 5, Bias: false);
        var fused = nn.GRU(4, 5, bias: false);
        var scratch = new RecurrentFromScratch(config);
        scratch.CopyFrom(fused);
        var x = randn(6, 2, 4);
        var (output, h) = fused.call(x);
        Assert.True(scratch.call(x).allclose(output, rtol: 0, atol: 1e-5));
        Assert.True(scratch.Run(x).H.allclose(h, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void RnnCellMatchesAHandWorkedStep()
    {
        // x = [1, 2], h = [0.5], W_ih = [[0.1, 0.2]], W_hh = [[0.3]], b_ih = [0.05], b_hh = [-0.05]
        // h' = tanh(0.1 + 0.4 + 0.15 + 0.05 - 0.05) = tanh(0.65)
        using var h = RecurrentCells.Rnn(tensor(new float[] { 1, 2 }, [1, 2]), tensor(new float[] { 0.5f }, [1, 1]),
            tensor(new float[] { 0.1f, 0.2f }, [1, 2]), tensor(new float[] { 0.3f }, [1, 1]), tensor(new float[] { 0.05f }), tensor(new float[] { -0.05f }));
        Assert.Equal(Math.Tanh(0.65), h.item<float>(), 5);
    }

    [Fact]
    public void LstmCellWithAClosedForgetGateForgetsTheOldCellState()
    {
        // Zero weights; biases set i, f, g, o pre-activations: f = σ(-100) ≈ 0, i = σ(100) ≈ 1, g = tanh(1), o = σ(100) ≈ 1.
        using var scope = NewDisposeScope();
        var bias = tensor(new float[] { 100, -100, 1, 100 });
        var step = RecurrentCells.Lstm(ones(1, 2), ones(1, 1), full(1, 1, 5f), zeros(4, 2), zeros(4, 1), bias, zeros(4));
        Assert.Equal(Math.Tanh(1), step.C.item<float>(), 5);              // c = 0·5 + 1·tanh(1)
        Assert.Equal(Math.Tanh(Math.Tanh(1)), step.H.item<float>(), 5);   // h = 1·tanh(c)
        Assert.Equal(0, step.Forget.item<float>(), 5);
    }

    [Fact]
    public void GruCellWithAnOpenUpdateGateKeepsTheOldState()
    {
        // z = σ(100) ≈ 1: h' = (1 - z)·n + z·h ≈ h.
        using var scope = NewDisposeScope();
        var bias = tensor(new float[] { 0, 100, 0 });
        var step = RecurrentCells.Gru(randn(1, 3), full(1, 1, 0.7f), randn(3, 3), randn(3, 1), bias, zeros(3));
        Assert.Equal(0.7, step.H.item<float>(), 5);
    }

    [Fact]
    public void BadShapesNameTheParameterAndTheShapes()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => RecurrentCells.Lstm(zeros(2, 3), zeros(2, 4), zeros(2, 4), zeros(12, 3), zeros(16, 4)));
        Assert.Equal("wIh", ex.ParamName);
        Assert.Contains("[16, 3]", ex.Message);
        Assert.Contains("[12, 3]", ex.Message);

        var layer = new RecurrentFromScratch(new RecurrentConfig(RecurrentKind.Rnn, 3, 4, BatchFirst: true));
        var bad = Assert.Throws<ArgumentException>(() => layer.Run(zeros(2, 5, 7)));
        Assert.Equal("input", bad.ParamName);
        Assert.Contains("[B, T, 3]", bad.Message);
        Assert.Contains("[2, 5, 7]", bad.Message);

        var badState = Assert.Throws<ArgumentException>(() => layer.Run(zeros(2, 5, 3), zeros(1, 3, 4)));
        Assert.Equal("h0", badState.ParamName);
        Assert.Contains("[1, 2, 4]", badState.Message);

        var wrongReference = Assert.Throws<ArgumentException>(() => layer.CopyFrom(nn.GRU(3, 4)));
        Assert.Equal("reference", wrongReference.ParamName);
    }
}

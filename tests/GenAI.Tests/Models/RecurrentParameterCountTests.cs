using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

public class RecurrentParameterCountTests
{
    static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());

    [Fact]
    public void KerasSimpleRnnExamplesFromTheNotes()
    {
        // SimpleRNN(16, input_shape=(5, 10)): 10·16 + 16·16 + 16 = 432; the 5 time steps do not count.
        Assert.Equal(432, RecurrentParameterCount.Keras(RecurrentKind.Rnn, 10, 16));
        // SimpleRNN(32, use_bias=False) after it reads 16 features: 16·32 + 32·32 = 1536.
        Assert.Equal(1536, RecurrentParameterCount.Keras(RecurrentKind.Rnn, 16, 32, useBias: false));
    }

    [Fact]
    public void KerasLstmExamplesFromTheNotes()
    {
        // LSTM(10, input_shape=(6, 2)): 4·(2·10 + 10·10 + 10) = 520.
        Assert.Equal(520, RecurrentParameterCount.Keras(RecurrentKind.Lstm, 2, 10));
        // LSTM(3, use_bias=False) after it: 4·(10·3 + 3·3) = 156.
        Assert.Equal(156, RecurrentParameterCount.Keras(RecurrentKind.Lstm, 10, 3, useBias: false));
    }

    [Fact]
    public void KerasGruExamplesFromTheNotes()
    {
        // GRU(10, input_shape=(6, 2)), reset_after (Keras' default): 3·(2·10 + 10·10 + 2·10) = 420; classic GRU: 3·(20 + 100 + 10) = 390.
        Assert.Equal(420, RecurrentParameterCount.Keras(RecurrentKind.Gru, 2, 10));
        Assert.Equal(390, RecurrentParameterCount.Keras(RecurrentKind.Gru, 2, 10, resetAfter: false));
        // GRU(3, use_bias=False) after it: 3·(10·3 + 3·3) = 117, with either reset convention.
        Assert.Equal(117, RecurrentParameterCount.Keras(RecurrentKind.Gru, 10, 3, useBias: false));
        Assert.Equal(117, RecurrentParameterCount.Keras(RecurrentKind.Gru, 10, 3, useBias: false, resetAfter: false));
    }

    [Fact]
    public void PyTorchsTwoBiasesAddOneBiasPerGateToKerasCount()
    {
        // Hand-worked: RNN 432 + 16 = 448, LSTM 520 + 40 = 560, GRU 390 + 30 = 420 (= Keras reset_after).
        Assert.Equal(448, RecurrentParameterCount.PyTorch(RecurrentKind.Rnn, 10, 16));
        Assert.Equal(560, RecurrentParameterCount.PyTorch(RecurrentKind.Lstm, 2, 10));
        Assert.Equal(420, RecurrentParameterCount.PyTorch(RecurrentKind.Gru, 2, 10));
        // ...and checked against TorchSharp's modules.
        using var rnn = nn.RNN(10, 16);
        using var lstm = nn.LSTM(2, 10);
        using var gru = nn.GRU(2, 10);
        Assert.Equal(448, Count(rnn));
        Assert.Equal(560, Count(lstm));
        Assert.Equal(420, Count(gru));
    }

    [Fact]
    public void WithoutBiasBothConventionsAgreeWithTheModules()
    {
        using var rnn = nn.RNN(16, 32, bias: false);
        using var lstm = nn.LSTM(10, 3, bias: false);
        using var gru = nn.GRU(10, 3, bias: false);
        Assert.Equal(RecurrentParameterCount.Keras(RecurrentKind.Rnn, 16, 32, useBias: false), Count(rnn));
        Assert.Equal(RecurrentParameterCount.PyTorch(RecurrentKind.Rnn, 16, 32, bias: false), Count(rnn));
        Assert.Equal(RecurrentParameterCount.Keras(RecurrentKind.Lstm, 10, 3, useBias: false), Count(lstm));
        Assert.Equal(RecurrentParameterCount.PyTorch(RecurrentKind.Lstm, 10, 3, bias: false), Count(lstm));
        Assert.Equal(RecurrentParameterCount.Keras(RecurrentKind.Gru, 10, 3, useBias: false), Count(gru));
        Assert.Equal(RecurrentParameterCount.PyTorch(RecurrentKind.Gru, 10, 3, bias: false), Count(gru));
    }

    [Theory]
    [InlineData(RecurrentKind.Rnn)]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void StackedAndBidirectionalCountsMatchTheModules(RecurrentKind kind)
    {
        using nn.Module module = kind switch
        {
            RecurrentKind.Rnn => nn.RNN(7, 5, numLayers: 2, bidirectional: true),
            RecurrentKind.Lstm => nn.LSTM(7, 5, numLayers: 2, bidirectional: true),
            _ => nn.GRU(7, 5, numLayers: 2, bidirectional: true),
        };
        Assert.Equal(RecurrentParameterCount.PyTorch(kind, 7, 5, numLayers: 2, bidirectional: true), Count(module));
        // A bidirectional single layer is exactly twice the one-directional layer.
        Assert.Equal(2 * RecurrentParameterCount.PyTorch(kind, 7, 5), RecurrentParameterCount.PyTorch(kind, 7, 5, bidirectional: true));
        // The from-scratch stack holds the same number.
        using var scratch = new RecurrentFromScratch(new RecurrentConfig(kind, 7, 5, NumLayers: 2, Bidirectional: true));
        Assert.Equal(Count(module), Count(scratch));
    }

    [Fact]
    public void NonPositiveSizesAreRejectedByName()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RecurrentParameterCount.Keras(RecurrentKind.Lstm, 0, 3));
        Assert.Equal("inputSize", ex.ParamName);
        var units = Assert.Throws<ArgumentOutOfRangeException>(() => RecurrentParameterCount.PyTorch(RecurrentKind.Gru, 3, 0));
        Assert.Equal("hiddenSize", units.ParamName);
    }
}

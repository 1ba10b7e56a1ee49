using GenAI.Models;
using GenAI.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class CharLstmLanguageModelTests
{
    [Fact]
    public void PadShiftsTargetsByOneAndMarksPaddingIgnored()
    {
        // "ab" = [1, 2] and "c" = [3] with boundary 0.
        using var padded = CharLstmLanguageModel.Pad([[1, 2], [3]], boundaryToken: 0);
        Assert.Equal(new long[] { 0, 1, 2, 0, 3, 0 }, padded.Inputs.data<long>().ToArray());
        Assert.Equal(new long[] { 1, 2, 0, 3, 0, -100 }, padded.Targets.data<long>().ToArray());
        Assert.Equal(5, padded.TargetCount);
    }

    [Fact]
    public void ParameterCountFormulaMatchesTheModule()
    {
        var config = new CharLstmConfig(VocabSize: 27, EmbeddingDim: 16, HiddenDim: 32, NumLayers: 2);
        using var model = new CharLstmLanguageModel(config);
        // 27·16 + [4·(16·32 + 32·32 + 64) + 4·(32·32 + 32·32 + 64)] + (32·27 + 27) = 432 + 6400 + 8448 + 891
        Assert.Equal(16_171, config.ParameterCount);
        Assert.Equal(config.ParameterCount, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void LossIgnoresPaddingAndEachPositionSeesOnlyItsPrefix()
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        var model = new CharLstmLanguageModel(new CharLstmConfig(5, 4, 8));
        using var padded = CharLstmLanguageModel.Pad([[1, 2, 3], [4]], 0);
        // The short row's loss is the same alone or padded next to a longer one.
        using var alone = CharLstmLanguageModel.Pad([[4]], 0);
        var all = model.forward(padded.Inputs);
        Assert.True(all[1, ..2].allclose(model.forward(alone.Inputs)[0], atol: 1e-6));
        // Mean over the 6 real targets, by hand from the log-softmax.
        var logp = all.log_softmax(2);
        double sum = 0;
        long[] rows = [0, 0, 0, 0, 1, 1], cols = [0, 1, 2, 3, 0, 1], targets = [1, 2, 3, 0, 4, 0];
        for (int i = 0; i < 6; i++) sum -= logp[rows[i], cols[i], targets[i]].item<float>();
        Assert.Equal(sum / 6, model.Loss(padded.Inputs, padded.Targets).item<float>(), tolerance: 1e-5);   // a tolerance, not rounding: the weights are unseeded
    }

    [Fact]
    public void LearnsToCountCharactersAndGeneratesTheLearnedWord()
    {
        // "aaab" needs memory of how many a's came: an LSTM can learn it.
        manual_seed(3);
        using var model = new CharLstmLanguageModel(new CharLstmConfig(3, 8, 32));
        using var data = CharLstmLanguageModel.Pad([[1, 1, 1, 2]], 0);
        using var optimizer = optim.Adam(model.parameters(), lr: 0.03);
        for (int step = 0; step < 200; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            model.Loss(data.Inputs, data.Targets).backward();
            optimizer.step();
        }
        Assert.Equal(new long[] { 1, 1, 1, 2 }, model.Generate(0, 10, SamplingOptions.GreedyDecoding));
    }

    [Fact]
    public void WrongRankIsAnErrorNamingTheShape()
    {
        using var model = new CharLstmLanguageModel(new CharLstmConfig(5, 4, 8));
        var ex = Assert.Throws<ArgumentException>(() => model.forward(zeros(3, dtype: ScalarType.Int64)));
        Assert.Equal("tokens", ex.ParamName);
        Assert.Contains("[3]", ex.Message);
    }
}

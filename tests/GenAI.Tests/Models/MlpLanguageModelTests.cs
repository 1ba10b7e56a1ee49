using GenAI.Text;
using GenAI.Models;
using GenAI.Sampling;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class MlpLanguageModelTests
{
    [Fact]
    public void ForwardMapsContextsToLogits()
    {
        using var model = new MlpLanguageModel(new MlpLanguageModelConfig(VocabSize: 6, ContextLength: 3, EmbeddingDim: 4, HiddenDim: 8));
        using var x = tensor(new long[] { 0, 0, 1, 2, 3, 4 }, [2, 3]);
        using var logits = model.call(x);
        Assert.Equal(new long[] { 2, 6 }, logits.shape);
    }

    [Fact]
    public void ParameterCountFormulaMatchesTheModule()
    {
        var config = new MlpLanguageModelConfig(VocabSize: 27, ContextLength: 3, EmbeddingDim: 10, HiddenDim: 200);
        using var model = new MlpLanguageModel(config);
        long counted = model.parameters().Sum(p => p.numel());
        // 27*10 + (30*200 + 200) + (200*27 + 27) = 270 + 6200 + 5427
        Assert.Equal(11_897, config.ParameterCount);
        Assert.Equal(config.ParameterCount, counted);
    }

    [Fact]
    public void LearnsADependencyThatABigramCannotSee()
    {
        // After "1 2" comes 3, after "4 2" comes 5: the token before the 2 decides, which a bigram cannot see.
        manual_seed(1);
        using var examples = NextTokenExamples.Build([[1, 2, 3], [4, 2, 5]], contextLength: 2, boundaryToken: 0);
        using var bigramPairs = NextTokenExamples.Build([[1, 2, 3], [4, 2, 5]], contextLength: 1, boundaryToken: 0);
        using var bigram = CountBigram.Fit(bigramPairs, vocabSize: 6, smoothing: 0);

        using var model = new MlpLanguageModel(new MlpLanguageModelConfig(VocabSize: 6, ContextLength: 2, EmbeddingDim: 4, HiddenDim: 32));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.03);
        double loss = double.NaN;
        for (int step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var l = nn.functional.cross_entropy(model.call(examples.Contexts), examples.Targets);
            l.backward();
            optimizer.step();
            loss = l.item<float>();
        }
        // Both corpora start ambiguously (1 or 4 after the boundary): ln 2 at two of the eight positions is
        // unavoidable, so the best possible loss is 2 ln 2 / 8. The bigram also pays ln 2 at both "2 -> ?".
        double unavoidable = 2 * Math.Log(2) / 8;
        Assert.Equal(4 * Math.Log(2) / 8, bigram.NegativeLogLikelihood(bigramPairs), 5);
        Assert.True(loss < unavoidable + 0.01, $"the MLP should reach the best possible loss {unavoidable:F4}; got {loss:F4}");
        Assert.Equal(new long[] { 2, 3 }, model.Generate(0, 10, SamplingOptions.GreedyDecoding, prompt: [1]));
        Assert.Equal(new long[] { 5 }, model.Generate(0, 10, SamplingOptions.GreedyDecoding, prompt: [4, 2]));
    }

    [Fact]
    public void GenerateStopsAtMaxTokens()
    {
        using var model = new MlpLanguageModel(new MlpLanguageModelConfig(VocabSize: 5, ContextLength: 2, EmbeddingDim: 3, HiddenDim: 4));
        // Make the boundary token 0 impossible (a huge negative output bias), so only the limit can stop the loop.
        using (no_grad()) model.parameters().Last()[0].fill_(-1e9);
        using var g = new Generator(3);
        var tokens = model.Generate(boundaryToken: 0, maxTokens: 7, SamplingOptions.Multinomial, g);
        Assert.Equal(7, tokens.Count);
        Assert.All(tokens, t => Assert.InRange(t, 1, 4));
    }

    [Fact]
    public void WrongContextLengthIsAClearError()
    {
        using var model = new MlpLanguageModel(new MlpLanguageModelConfig(VocabSize: 5, ContextLength: 3));
        using var x = zeros(new long[] { 4, 2 }, ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => model.call(x));
        Assert.Contains("context length 3", e.Message);
        Assert.Contains("[4, 2]", e.Message);
    }
}

using GenAI.Text;
using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class NeuralBigramTests
{
    // Sequences from a small Markov chain over tokens 1..4 (0 is the boundary), made with a fixed seed.
    static List<long[]> MarkovCorpus(int count)
    {
        var random = new Random(17);
        var corpus = new List<long[]>();
        for (int i = 0; i < count; i++)
        {
            var s = new List<long> { random.Next(1, 5) };
            while (s.Count < 8 && random.NextDouble() < 0.8)
                s.Add(random.NextDouble() < 0.6 ? s[^1] % 4 + 1 : random.Next(1, 5));
            corpus.Add([.. s]);
        }
        return corpus;
    }

    [Fact]
    public void TrainingApproachesTheCountModelsNll()
    {
        manual_seed(0);
        using var examples = NextTokenExamples.Build(MarkovCorpus(400), contextLength: 1, boundaryToken: 0);
        using var counts = CountBigram.Fit(examples, vocabSize: 5, smoothing: 0);
        double target = counts.NegativeLogLikelihood(examples);

        using var model = new NeuralBigram(vocabSize: 5);
        using var optimizer = optim.Adam(model.parameters(), lr: 0.1);
        double first = double.NaN, last = double.NaN;
        for (int step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(examples.Contexts), examples.Targets);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
            if (step == 0) first = last;
        }
        Assert.True(first - target > 0.3, $"the untrained model ({first:F3}) should start well above the count model ({target:F3})");
        // Unsmoothed counts are the maximum-likelihood answer, so the net can approach but not beat them.
        Assert.True(last >= target - 1e-4, $"neural {last:F4} cannot beat the maximum-likelihood counts {target:F4}");
        Assert.True(last - target < 0.01, $"neural {last:F4} should be within 0.01 of the count model {target:F4}");
    }

    [Fact]
    public void ForwardGivesOneRowOfLogitsPerToken()
    {
        using var model = new NeuralBigram(vocabSize: 7);
        using var x = tensor(new long[] { 0, 3, 6 });
        using var logits = model.call(x);
        Assert.Equal(new long[] { 3, 7 }, logits.shape);
        // The row for token 3 is row 3 of W: the one-hot product is a lookup.
        using var expected = model.Weight[3];
        Assert.True(logits[1].allclose(expected));
        using var p = model.Probabilities();
        Assert.Equal(new long[] { 7, 7 }, p.shape);
    }

    [Fact]
    public void WrongInputShapeIsAClearError()
    {
        using var model = new NeuralBigram(vocabSize: 4);
        using var x = zeros(new long[] { 2, 3 }, ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => model.call(x));
        Assert.Contains("[2, 3]", e.Message);
    }
}

using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class Seq2SeqGruTests
{
    const long Pad = 0, Bos = 1;

    static Seq2SeqConfig Config(AttentionScore? score) =>
        new(SourceVocab: 6, TargetVocab: 6, SourcePad: Pad, TargetBos: Bos, EmbeddingDim: 8, HiddenDim: 16, Attention: score);

    [Theory]
    [InlineData(null)]
    [InlineData(AttentionScore.Additive)]
    [InlineData(AttentionScore.Dot)]
    [InlineData(AttentionScore.General)]
    public void ShapesOfLogitsAndAttentionWeights(AttentionScore? score)
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        var model = new Seq2SeqGru(Config(score));
        var source = tensor(new long[] { 2, 3, 4, 0, 5, 5, 5, 5 }, [2, 4]);
        var decoded = model.Decode(source, full(2, 3, Bos));
        Assert.Equal(new long[] { 2, 3, 6 }, decoded.Logits.shape);
        if (score is null) Assert.Null(decoded.Weights);
        else
        {
            Assert.Equal(new long[] { 2, 3, 4 }, decoded.Weights!.shape);
            Assert.Equal(0f, decoded.Weights[0, .., 3].abs().sum().item<float>());   // the padded source position
        }
    }

    [Fact]
    public void PaddingDoesNotChangeTheTranslation()
    {
        // The encoder's summary is its state after the last real token, so extra padding changes nothing.
        manual_seed(3);
        using var scope = NewDisposeScope();
        foreach (var score in new AttentionScore?[] { null, AttentionScore.Additive })
        {
            var model = new Seq2SeqGru(Config(score));
            var shortSource = tensor(new long[] { 2, 3, 4 }, [1, 3]);
            var padded = tensor(new long[] { 2, 3, 4, 0, 0 }, [1, 5]);
            var inputs = tensor(new long[] { Bos, 2, 3 }, [1, 3]);
            Assert.True(model.call(shortSource, inputs).allclose(model.call(padded, inputs), atol: 1e-6));
        }
    }

    [Fact]
    public void TeacherForcingReadsTheTruthAndFreeRunningReadsItsOwnGuesses()
    {
        manual_seed(4);
        using var scope = NewDisposeScope();
        var model = new Seq2SeqGru(Config(AttentionScore.Additive));
        var source = tensor(new long[] { 2, 3, 4, 5 }, [1, 4]);
        var (greedy, _) = model.Greedy(source, 4);
        // Free running equals teacher forcing on the model's own greedy output.
        var own = cat([tensor(new[] { Bos }, [1, 1]), greedy[.., ..3]], 1);
        using (no_grad())
        {
            Assert.True(model.Decode(source, full(1, 4, Bos), teacherForcing: 0).Logits.allclose(model.call(source, own), atol: 1e-6));
            // BeamSearch's view: the logits after a prefix are the last step of teacher forcing on it.
            var next = model.NextTokenLogits([2, 3, 4, 5], [greedy[0, 0].item<long>()]);
            Assert.True(next.allclose(model.call(source, own[.., ..2])[0, 1], atol: 1e-6));
            // Encoding once and decoding many prefixes gives the same logits.
            using var encoded = model.Encode(source);
            Assert.True(model.NextTokenLogits(encoded, [greedy[0, 0].item<long>()]).allclose(next, atol: 1e-6));
        }
    }

    [Fact]
    public void LearnsToReverseShortSequencesWithAttention()
    {
        manual_seed(5);
        using var model = new Seq2SeqGru(Config(AttentionScore.Additive));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.02);
        var g = new Generator(5);
        double first = 0, last = 0;
        for (int step = 0; step < 150; step++)
        {
            using var scope = NewDisposeScope();
            var source = randint(2, 6, [32, 4], generator: g);
            var target = source.flip(1);
            var inputs = cat([full(32, 1, Bos), target[.., ..3]], 1);
            var loss = nn.functional.cross_entropy(model.call(source, inputs).reshape(-1, 6), target.reshape(-1));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        Assert.True(last < first / 3, $"loss {first} -> {last}");
    }

    [Fact]
    public void MismatchedBatchIsAnErrorNamingTheShapes()
    {
        using var scope = NewDisposeScope();
        var model = new Seq2SeqGru(Config(null));
        var ex = Assert.Throws<ArgumentException>(() => model.Decode(zeros(2, 4, dtype: ScalarType.Int64), zeros(3, 2, dtype: ScalarType.Int64)));
        Assert.Equal("targetInputs", ex.ParamName);
        Assert.Contains("[3, 2]", ex.Message);
        Assert.Contains("[2, 4]", ex.Message);
        var bad = Assert.Throws<ArgumentException>(() => model.Decode(zeros(2, dtype: ScalarType.Int64), zeros(2, 2, dtype: ScalarType.Int64)));
        Assert.Equal("source", bad.ParamName);
    }
}

using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class Seq2SeqAttentionTests
{
    // One query s = [1, 2] and three keys h_1 = [1, 0], h_2 = [0, 1], h_3 = [1, 1].
    static Tensor Query() => tensor(new float[] { 1, 2 }, [1, 2]);
    static Tensor Keys() => tensor(new float[] { 1, 0, 0, 1, 1, 1 }, [1, 3, 2]);

    [Fact]
    public void DotScoreIsTheInnerProduct()
    {
        using var scope = NewDisposeScope();
        var attention = new Seq2SeqAttention(AttentionScore.Dot, 2, 2);
        // e = s·h_j = 1, 2, 3
        Assert.Equal(new float[] { 1, 2, 3 }, attention.Scores(Query(), Keys()).data<float>().ToArray());
        var (context, weights) = attention.Attend(Query(), Keys());
        // α = softmax(1, 2, 3); c = α_1 [1,0] + α_2 [0,1] + α_3 [1,1]
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        double[] alpha = [Math.Exp(1) / z, Math.Exp(2) / z, Math.Exp(3) / z];
        Assert.Equal(alpha[0], weights[0, 0].item<float>(), 5);
        Assert.Equal(alpha[2], weights[0, 2].item<float>(), 5);
        Assert.Equal(alpha[0] + alpha[2], context[0, 0].item<float>(), 5);
        Assert.Equal(alpha[1] + alpha[2], context[0, 1].item<float>(), 5);
    }

    [Fact]
    public void GeneralScoreIsQueryTimesMatrixTimesKey()
    {
        using var scope = NewDisposeScope();
        var attention = new Seq2SeqAttention(AttentionScore.General, 2, 2);
        // W_a = [[2, 0], [1, 3]]: W_a h_1 = [2, 1], W_a h_2 = [0, 3], W_a h_3 = [2, 4]; e = s·(W_a h_j) = 4, 6, 10
        using (no_grad()) attention.parameters().Single().copy_(tensor(new float[] { 2, 0, 1, 3 }, [2, 2]));
        Assert.Equal(new float[] { 4, 6, 10 }, attention.Scores(Query(), Keys()).data<float>().ToArray());
        // With W_a = I it is the dot score.
        using (no_grad()) attention.parameters().Single().copy_(eye(2));
        Assert.Equal(new float[] { 1, 2, 3 }, attention.Scores(Query(), Keys()).data<float>().ToArray());
    }

    [Fact]
    public void AdditiveScoreIsASmallNetwork()
    {
        using var scope = NewDisposeScope();
        var attention = new Seq2SeqAttention(AttentionScore.Additive, 2, 2, attentionSize: 1);
        // W_s = [0.5, 0], W_h = [1, -1], v = [2]: e_j = 2 tanh(0.5 + h_j1 - h_j2) = 2 tanh(1.5), 2 tanh(-0.5), 2 tanh(0.5)
        var p = attention.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        using (no_grad())
        {
            p["queryProjection.weight"].copy_(tensor(new float[] { 0.5f, 0 }, [1, 2]));
            p["keyProjection.weight"].copy_(tensor(new float[] { 1, -1 }, [1, 2]));
            p["energy.weight"].copy_(tensor(new float[] { 2 }, [1, 1]));
        }
        var e = attention.Scores(Query(), Keys()).data<float>().ToArray();
        Assert.Equal(2 * Math.Tanh(1.5), e[0], 5);
        Assert.Equal(2 * Math.Tanh(-0.5), e[1], 5);
        Assert.Equal(2 * Math.Tanh(0.5), e[2], 5);
    }

    [Theory]
    [InlineData(AttentionScore.Additive)]
    [InlineData(AttentionScore.Dot)]
    [InlineData(AttentionScore.General)]
    public void WeightsSumToOneAndPaddingGetsNone(AttentionScore score)
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        var attention = new Seq2SeqAttention(score, 4, 4);
        var keys = randn(2, 5, 4);
        var mask = tensor(new[] { true, true, true, false, false, true, true, true, true, true }, [2, 5]);
        var query = randn(2, 4);
        var (context, weights) = attention.Attend(query, keys, mask);
        // Projecting the keys once (as a decoder does) changes nothing.
        Assert.True(attention.Attend(query, keys, mask, attention.ProjectKeys(keys)).Weights.allclose(weights, atol: 1e-6));
        Assert.True(weights.sum(1).allclose(ones(2)));
        Assert.Equal(0f, weights[0, 3].item<float>());
        Assert.Equal(0f, weights[0, 4].item<float>());
        // The context is the weighted sum of the keys, computed here with a loop over positions.
        var expected = zeros(2, 4);
        for (int j = 0; j < 5; j++) expected = expected.add(weights[.., j].unsqueeze(1).mul(keys[.., j]));
        Assert.True(context.allclose(expected, atol: 1e-6));
    }

    [Fact]
    public void BadShapesNameTheParameterAndTheShapes()
    {
        using var scope = NewDisposeScope();
        var attention = new Seq2SeqAttention(AttentionScore.General, 3, 4);
        var ex = Assert.Throws<ArgumentException>(() => attention.Attend(zeros(2, 3), zeros(2, 5, 3)));
        Assert.Equal("keys", ex.ParamName);
        Assert.Contains("[B, S, 4]", ex.Message);
        Assert.Contains("[2, 5, 3]", ex.Message);
        var mask = Assert.Throws<ArgumentException>(() => attention.Attend(zeros(2, 3), zeros(2, 5, 4), ones(2, 4, dtype: ScalarType.Bool)));
        Assert.Equal("mask", mask.ParamName);
        var dot = Assert.Throws<ArgumentException>(() => new Seq2SeqAttention(AttentionScore.Dot, 3, 4));
        Assert.Contains("3 and 4", dot.Message);
    }
}

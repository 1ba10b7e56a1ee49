using GenAI.Models;
using GenAI.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class EncoderModelsTests
{
    static readonly BertConfig Tiny = new(VocabSize: 30, ContextLength: 12, ModelDim: 16, Layers: 2, Heads: 4, FfnDim: 32, Classes: 3);

    [Fact]
    public void BertBaseHas109482240Parameters()
    {
        // 30522*768 + 512*768 + 2*768 + 2*768 + 12 * 7 087 872 + 768*768 + 768 = 109 482 240 (BERT-base, "110M", pooler included)
        Assert.Equal(7_087_872L, BertConfig.BertBase.BlockConfig.ParametersPerBlock);
        Assert.Equal(109_482_240L, BertConfig.BertBase.BodyParameterCount);
    }

    [Fact]
    public void BertParameterCountFromTheConfigEqualsTheModule()
    {
        using var model = new Bert(Tiny);
        Assert.Equal(Tiny.ParameterCount, model.ParameterCount());
        var noHead = Tiny with { Classes = 0, SegmentTypes = 0 };
        using var bare = new Bert(noHead);
        Assert.Equal(noHead.ParameterCount, bare.ParameterCount());
    }

    [Fact]
    public void BertIsBidirectionalAndIgnoresPadding()
    {
        manual_seed(1);
        using var model = new Bert(Tiny);
        model.eval();
        using var ids = tensor(new long[] { 5, 6, 7, 8, 9, 0, 0 }).view(1, 7);
        using var h = model.Encode(ids);
        Assert.Equal(new long[] { 1, 7, 16 }, h.shape);
        // changing the LAST real token changes the FIRST position's state (a causal model would not)
        using var ids2 = tensor(new long[] { 5, 6, 7, 8, 10, 0, 0 }).view(1, 7);
        using var h2 = model.Encode(ids2);
        Assert.False(h[0, 0].allclose(h2[0, 0], atol: 1e-5));
        // the padded keys change nothing at the real positions: the same as the sequence with one pad fewer
        using var more = tensor(new long[] { 5, 6, 7, 8, 9, 0 }).view(1, 6);
        using var h3 = model.Encode(more);
        Assert.True(h[0, ..5].allclose(h3[0, ..5], atol: 1e-5));
        using var logits = model.call(ids);
        Assert.Equal(new long[] { 1, 3 }, logits.shape);
    }

    [Fact]
    public void BertMaskedLmLossIsOnlyOnChosenPositions()
    {
        manual_seed(2);
        using var model = new Bert(Tiny);
        model.eval();
        using var ids = randint(3, 30, [4, 12], generator: new Generator(1));
        using var batch = BertMasking.Apply(ids, 2, 30, [0L, 1L], new Generator(2), probability: 0.3);
        using var loss = model.MaskedLmLoss(batch.Inputs, batch.Labels);
        using var logits = model.MaskedLmLogits(model.Encode(batch.Inputs)).view(-1, 30);
        using var chosen = batch.Chosen.view(-1).nonzero().view(-1);
        using var expected = nn.functional.cross_entropy(logits.index_select(0, chosen), ids.view(-1).index_select(0, chosen));
        Assert.Equal(expected.item<float>(), loss.item<float>(), 4);
        // tied: the MLM output matrix is the token embedding
        Assert.Equal(new long[] { 30, 16 }, model.TokenEmbeddings.shape);
    }

    [Fact]
    public void BertConfigNamesTheBadField()
    {
        var e = Assert.Throws<ArgumentException>(() => new Bert(Tiny with { Classes = 1 }));
        Assert.Equal("Classes", e.ParamName);
        var e2 = Assert.Throws<ArgumentException>(() => new Bert(Tiny with { Heads = 3 }));
        Assert.Contains("Heads", e2.Message);
        using var model = new Bert(Tiny);
        Assert.Contains("ContextLength", Assert.Throws<ArgumentException>(() => model.Encode(zeros(1, 13, ScalarType.Int64))).Message);
    }

    static readonly T5Config TinyT5 = new(VocabSize: 12, ContextLength: 10, ModelDim: 32, Layers: 1, Heads: 4, FfnDim: 64);

    [Fact]
    public void T5LearnsToCopyAndDecodesGreedyAndBeam()
    {
        manual_seed(3);
        using var model = new T5(TinyT5);
        using var g = new Generator(4);
        var optimizer = optim.Adam(model.parameters(), 3e-3);
        for (int step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            var src = randint(3, 12, [32, 4], generator: g);
            // target = source reversed, then EOS
            var tgt = cat([src.flip(1), full(32, 1, 2L, ScalarType.Int64)], 1);
            optimizer.zero_grad();
            model.Loss(src, tgt).backward();
            optimizer.step();
        }
        using var test = tensor(new long[] { 3, 5, 7, 9, 4, 4, 8, 11 }).view(2, 4);
        var greedy = model.GenerateGreedy(test, maxLength: 6);
        Assert.Equal(new long[] { 9, 7, 5, 3 }, greedy[0]);
        Assert.Equal(new long[] { 11, 8, 4, 4 }, greedy[1]);
        var beam = model.GenerateBeam([3, 5, 7, 9], beamWidth: 3, maxLength: 6);
        Assert.Equal(new long[] { 9, 7, 5, 3, 2 }, beam.Best.Tokens);
    }

    [Fact]
    public void T5DecoderIsCausal()
    {
        manual_seed(5);
        using var model = new T5(TinyT5);
        model.eval();
        using var src = tensor(new long[] { 3, 4, 5 }).view(1, 3);
        using var a = model.call(src, tensor(new long[] { 1, 6, 7, 8 }).view(1, 4));
        using var b = model.call(src, tensor(new long[] { 1, 6, 9, 10 }).view(1, 4));
        Assert.True(a[0, ..2].allclose(b[0, ..2], atol: 1e-5));
        Assert.False(a[0, 2].allclose(b[0, 2], atol: 1e-5));
    }
}

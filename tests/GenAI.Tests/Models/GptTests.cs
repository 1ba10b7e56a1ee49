using GenAI.Text;
using GenAI.Models;
using GenAI.Sampling;
using GenAI.Transformers;
using static TorchSharp.torch;

namespace GenAI.Tests.Models;

[Collection(SeededCollection.Name)]
public class GptTests
{
    static readonly GptConfig Tiny = new(VocabSize: 11, ContextLength: 16, Layers: 2, Heads: 2, EmbeddingDim: 8);

    [Fact]
    public void Gpt2SmallHas124439808Parameters()
    {
        // V d + T d + L (12 d^2 + 13 d) + 2 d with V = 50257, T = 1024, L = 12, d = 768:
        // 38 597 376 + 786 432 + 12 * 7 087 872 + 1 536 = 124 439 808 (the 124M of the GPT-2 release)
        Assert.Equal(7_087_872L, GptConfig.Gpt2Small.ParametersPerBlock);
        Assert.Equal(124_439_808L, GptConfig.Gpt2Small.ParameterCount);
    }

    [Fact]
    public void Gpt3HasAbout175BillionParameters()
    {
        // 50257 * 12288 + 2048 * 12288 + 96 * (12 * 12288^2 + 13 * 12288) + 2 * 12288
        Assert.Equal(174_604_259_328L, GptConfig.Gpt3.ParameterCount);
        Assert.InRange(GptConfig.Gpt3.ParameterCount / 1e9, 174.5, 175.5);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ParameterCountFormulaMatchesTheModule(bool tied)
    {
        var config = Tiny with { TiedEmbeddings = tied };
        using var model = new Gpt(config);
        long counted = model.parameters().Sum(p => p.numel());
        // 11*8 + 16*8 + 2 * (12*64 + 13*8) + 2*8 = 88 + 128 + 1744 + 16 = 1976, plus 88 untied
        Assert.Equal(tied ? 1976 : 2064, config.ParameterCount);
        Assert.Equal(config.ParameterCount, counted);
    }

    [Fact]
    public void IsBuiltOnTheSharedTransformerWithNanoGptsInitialisation()
    {
        manual_seed(0);
        using var model = new Gpt(Tiny);
        Assert.Equal(Tiny.Layers, model.Transformer.Layers);
        Assert.True(model.Transformer.Blocks.All(b => b.Config == Tiny.BlockConfig && b.Config.Causal && b.Config.FfnDim == 4 * Tiny.EmbeddingDim));
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        // GPT-2's init: N(0, 0.02), the residual projections N(0, 0.02 / sqrt(2L)), biases 0, layer norms 1
        Assert.Equal(0.0, p["h.blocks.0.attention.q_proj.bias"].abs().sum().item<float>());
        Assert.Equal(1.0, p["h.norm.weight"].mean().item<float>());
        using var wide = new Gpt(Tiny with { EmbeddingDim = 64, Heads = 4 });
        var w = wide.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        Assert.InRange(w["h.blocks.0.attention.q_proj.weight"].std().item<float>(), 0.018, 0.022);
        Assert.InRange(w["h.blocks.1.ffn.fc2.weight"].std().item<float>(), 0.009, 0.011);   // 0.02 / sqrt(4)
        Assert.InRange(w["h.blocks.1.attention.out_proj.weight"].std().item<float>(), 0.009, 0.011);
    }

    [Fact]
    public void ForwardGivesLogitsPerPositionAndIsCausal()
    {
        manual_seed(1);
        using var model = new Gpt(Tiny);
        model.eval();
        using var x = tensor(new long[] { 1, 2, 3, 4, 5, 1, 2, 3, 9, 9 }, [2, 5]);
        using var logits = model.call(x);
        Assert.Equal(new long[] { 2, 5, 11 }, logits.shape);
        // the rows differ only from position 3 on, so positions 0..2 must give the same logits
        Assert.True(logits[0, ..3].allclose(logits[1, ..3], atol: 1e-6), "a position saw a later token");
        Assert.False(logits[0, 3].allclose(logits[1, 3], atol: 1e-6));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CachedForwardEqualsFullForward(bool preLayerNorm)
    {
        manual_seed(2);
        using var model = new Gpt(Tiny with { PreLayerNorm = preLayerNorm });
        model.eval();
        using var x = tensor(new long[] { 1, 2, 3, 4, 5, 6, 7 }, [1, 7]);
        using var full = model.call(x);
        using var cache = new KvCache(Tiny.Layers);
        using var first = model.Forward(x[.., ..4], cache);   // a prompt of 4 tokens
        using var next = model.Forward(x[.., 4..6], cache);   // two at once
        using var last = model.Forward(x[.., 6..], cache);    // one
        Assert.Equal(7, cache.Length);
        using var stitched = cat([first, next, last], 1);
        Assert.True(stitched.allclose(full, rtol: 0, atol: 1e-5), "the cache changed the logits");
    }

    [Fact]
    public void GreedyGenerationWithCacheGivesExactlyTheTokensOfRecomputation()
    {
        manual_seed(3);
        using var model = new Gpt(Tiny);
        // 30 new tokens after a 3-token prompt runs past the 16-token context, so the window slides too
        var withCache = model.Generate([1, 2, 3], 30, SamplingOptions.GreedyDecoding, useKvCache: true);
        var without = model.Generate([1, 2, 3], 30, SamplingOptions.GreedyDecoding, useKvCache: false);
        Assert.Equal(30, withCache.Count);
        Assert.Equal(without, withCache);
        // sampled with the same seed, too
        var a = model.Generate([4], 12, SamplingOptions.Multinomial, new Generator(5), useKvCache: true);
        var b = model.Generate([4], 12, SamplingOptions.Multinomial, new Generator(5), useKvCache: false);
        Assert.Equal(b, a);
    }

    [Fact]
    public void LearnsARepeatingSequence()
    {
        manual_seed(4);
        using var model = new Gpt(Tiny);
        using var stream = new TokenStream(Enumerable.Range(0, 200).Select(i => (long)(i % 5 + 1)).ToArray());
        using var optimizer = optim.AdamW(model.parameters(), lr: 3e-2);
        var g = new Generator(6);
        double first = double.NaN, last = double.NaN;
        for (int step = 0; step < 60; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = stream.RandomBatch(8, 10, g);
            optimizer.zero_grad();
            var loss = model.Loss(x, y);
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        Assert.True(first > 2.0, $"an untrained model should be near ln 11 = 2.4; got {first:F3}");
        Assert.True(last < 0.2, $"1 2 3 4 5 1 2 ... is predictable after one token; loss {last:F3}");
        Assert.Equal(new long[] { 4, 5, 1, 2, 3, 4 }, model.Generate([1, 2, 3], 6, SamplingOptions.GreedyDecoding));
    }

    // Logits of a seeded GPT (manual_seed(42), V = 11, T_max = 16, L = 2, h = 2, d = 8) on fixed ids [2, 5], recorded with the
    // forward as it was before HiddenStates was split out of it (commit 0323d41): the sum, the sum of squares, and row [1, -1].
    public static TheoryData<bool, bool, float, float, float[]> LogitsBeforeTheRefactor => new()
    {
        { true, true, -0.36462113f, 0.3556899f, [-0.058122158f, -0.01512217f, -0.042544365f, 0.01808691f, -0.009431606f, -0.028443076f, 0.05582447f, 0.05172298f, 0.006047845f, -0.05746673f, -0.03719767f] },
        { true, false, -0.1509531f, 0.36333746f, [-0.05533032f, -0.007338859f, -0.04538917f, 0.019700788f, -0.0059376527f, -0.026862666f, 0.05869907f, 0.05116356f, 0.014492206f, -0.05654715f, -0.043295257f] },
        { false, true, 0.5427373f, 0.39375538f, [0.038267907f, 0.13539349f, 0.08482744f, 0.060348097f, -0.010199472f, -0.023008782f, -0.04320161f, -0.034583844f, -0.110459805f, -0.038145207f, -0.021456713f] },
        { false, false, 0.5633428f, 0.40129137f, [0.04746226f, 0.13363719f, 0.0814863f, 0.05583638f, -0.004577549f, -0.027835317f, -0.03850451f, -0.030725807f, -0.105998866f, -0.042433538f, -0.024906153f] },
    };

    [Theory]
    [MemberData(nameof(LogitsBeforeTheRefactor))]
    public void LogitsAreTheSameAsBeforeHiddenStatesWasSplitOut(bool tied, bool preLayerNorm, float sum, float sumOfSquares, float[] lastRow)
    {
        manual_seed(42);
        using var model = new Gpt(Tiny with { PreLayerNorm = preLayerNorm, TiedEmbeddings = tied });
        using var idx = tensor(new long[] { 1, 5, 9, 2, 7, 3, 0, 10, 4, 6 }, [2, 5], ScalarType.Int64);
        using var logits = model.forward(idx);
        Assert.Equal(sum, logits.sum().item<float>(), 5);
        Assert.Equal(sumOfSquares, logits.square().sum().item<float>(), 5);
        var row = logits[1, -1].data<float>().ToArray();
        for (int v = 0; v < lastRow.Length; v++) Assert.Equal(lastRow[v], row[v], 6);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HiddenStatesAreTheFinalLayerNormsOutputAndForwardMapsThemToLogits(bool tied)
    {
        manual_seed(5);
        using var model = new Gpt(Tiny with { TiedEmbeddings = tied });
        model.eval();
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        using var idx = tensor(new long[] { 3, 1, 4, 1, 5, 9, 2, 6 }, [2, 4], ScalarType.Int64);
        using var hidden = model.HiddenStates(idx);
        Assert.Equal(new long[] { 2, 4, Tiny.EmbeddingDim }, hidden.shape);
        // by hand: x_0 = W_e[idx] + W_p[0..t), then the blocks and ln_f of the shared transformer
        using var x0 = p["wte.weight"].index_select(0, idx.view(-1)).view(2, 4, -1) + p["wpe.weight"][..4];
        using var byHand = model.Transformer.Forward(x0);
        Assert.True(hidden.allclose(byHand, rtol: 0, atol: 1e-6), "HiddenStates is not embeddings -> blocks -> ln_f");
        // ln_f at GPT-2's init (gain 1, bias 0): every position has mean 0 and variance v / (v + eps) across d, with v the
        // variance of ln_f's input (about 0.02^2 here, so a few per cent under 1 with eps = 1e-5)
        Assert.True(hidden.mean([-1]).abs().max().item<float>() < 1e-5);
        Assert.InRange(hidden.var([-1], unbiased: false).min().item<float>(), 0.9f, 1.0f);
        // the logits are the output layer applied to them: x W_e^T (tied) or x W_out^T
        using var logits = model.forward(idx);
        using var expected = nn.functional.linear(hidden, tied ? p["wte.weight"] : p["lm_head.weight"]);
        Assert.True(logits.allclose(expected, rtol: 0, atol: 1e-6));
        // with a cache, the new tokens' hidden states continue the positions after the cached ones
        using var cache = new KvCache(Tiny.Layers);
        using var first = model.HiddenStates(idx[.., ..3], cache);
        using var rest = model.HiddenStates(idx[.., 3..], cache);
        using var stitched = cat([first, rest], 1);
        Assert.True(stitched.allclose(hidden, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void BadInputIsReported()
    {
        var heads = Assert.Throws<ArgumentException>(() => new Gpt(Tiny with { Heads = 3 }));
        Assert.Contains("EmbeddingDim (8) must be divisible by Heads (3)", heads.Message);
        Assert.Equal("Heads", heads.ParamName);
        Assert.Equal("VocabSize", Assert.Throws<ArgumentException>(() => new Gpt(Tiny with { VocabSize = 0 })).ParamName);
        using var model = new Gpt(Tiny);
        using var tooLong = zeros([1, 17], ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => model.call(tooLong));
        Assert.Contains("ContextLength (16); got [1, 17]", e.Message);
        using var flat = zeros([5], ScalarType.Int64);
        Assert.Contains("got [5]", Assert.Throws<ArgumentException>(() => model.call(flat)).Message);
        Assert.Contains("ContextLength (16); got [1, 17]", Assert.Throws<ArgumentException>(() => model.HiddenStates(tooLong)).Message);
        Assert.Equal("prompt", Assert.Throws<ArgumentException>(() => model.Generate([], 3, SamplingOptions.GreedyDecoding)).ParamName);
    }
}

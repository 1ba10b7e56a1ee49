using GenAI.Transformers;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Transformers;

[Collection(SeededCollection.Name)]
public class MultiHeadAttentionTests
{
    internal static Tensor W(nn.Module m, string name) => m.named_parameters().Single(p => p.name == name).parameter;

    /// <summary>TorchSharp's nn.MultiheadAttention with the same weights (it keeps W_Q, W_K, W_V stacked in one in_proj [3d, d]).</summary>
    static TorchSharp.Modules.MultiheadAttention TorchCopyOf(MultiHeadAttention ours)
    {
        var theirs = nn.MultiheadAttention(ours.ModelDim, ours.Heads);
        using var noGrad = no_grad();
        var p = theirs.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        p["in_proj_weight"].copy_(cat([W(ours, "q_proj.weight"), W(ours, "k_proj.weight"), W(ours, "v_proj.weight")], 0));
        p["in_proj_bias"].copy_(cat([W(ours, "q_proj.bias"), W(ours, "k_proj.bias"), W(ours, "v_proj.bias")], 0));
        p["out_proj.weight"].copy_(W(ours, "out_proj.weight"));
        p["out_proj.bias"].copy_(W(ours, "out_proj.bias"));
        return theirs;
    }

    /// <summary>The reference computed with TorchSharp pieces: the same projections, K/V heads repeated per group, libtorch's fused attention.</summary>
    static Tensor Reference(MultiHeadAttention m, Tensor query, Tensor source, Tensor? mask, bool causal = false)
    {
        long B = query.shape[0], Tq = query.shape[1], Tk = source.shape[1];
        int h = m.Heads, g = m.KvHeads, hs = m.HeadDim;
        using var scope = NewDisposeScope();
        var q = nn.functional.linear(query, W(m, "q_proj.weight"), W(m, "q_proj.bias")).view(B, Tq, h, hs).transpose(1, 2);
        var k = nn.functional.linear(source, W(m, "k_proj.weight"), W(m, "k_proj.bias")).view(B, Tk, g, hs).transpose(1, 2);
        var v = nn.functional.linear(source, W(m, "v_proj.weight"), W(m, "v_proj.bias")).view(B, Tk, g, hs).transpose(1, 2);
        var groupOf = tensor(Enumerable.Range(0, h).Select(i => (long)(i / (h / g))).ToArray());
        var y = nn.functional.scaled_dot_product_attention(q, k.index_select(1, groupOf), v.index_select(1, groupOf), attn_mask: mask, is_casual: causal);
        return scope.MoveToOuter(nn.functional.linear(y.transpose(1, 2).reshape(B, Tq, h * hs), W(m, "out_proj.weight"), W(m, "out_proj.bias")));
    }

    static void Close(Tensor actual, Tensor expected, string what, double atol = 1e-5) =>
        Assert.True(actual.allclose(expected, rtol: 0, atol: atol), $"{what}: largest difference {(actual - expected).abs().max().item<float>():G3}");

    [Fact]
    public void AgreesWithTorchMultiheadAttentionOnTheSameWeights()
    {
        manual_seed(7);
        const int d = 8, heads = 2;
        using var ours = new MultiHeadAttention(d, heads);
        using var theirs = TorchCopyOf(ours);
        var g = new Generator(8);
        using var x = randn([3, 5, d], generator: g);          // [B, T, d]
        using var memory = randn([3, 4, d], generator: g);     // cross-attention source
        using var causal = AttentionMasks.Causal(5);
        using var lengths = tensor(new long[] { 4, 2, 3 });
        using var padding = AttentionMasks.KeyPaddingFromLengths(lengths, 4);     // [3, 1, 1, 4]
        // nn.MultiheadAttention is sequence-first [T, B, d]. Its attn_mask is given additively (0 = allowed, -inf = not):
        // TorchSharp 0.107's module does not apply a bool mask as PyTorch documents, an additive one it does.
        // Its key_padding_mask is PyTorch's: true where a key is padding, the opposite of the course's masks.
        using var additive = zeros(5, 5).masked_fill(causal.logical_not(), double.NegativeInfinity);
        using var xt = x.transpose(0, 1);
        using var mt = memory.transpose(0, 1);

        var (selfOut, selfWeights) = ours.Forward(x, mask: causal, needWeights: true);
        var (refOut, refWeights) = theirs.call(xt, xt, xt, attn_mask: additive);
        Close(selfOut, refOut.transpose(0, 1), "causal self-attention");
        Close(selfWeights!.mean([1]), refWeights, "head-averaged weights");
        Close(ours.Forward(x, causal: true).Output, refOut.transpose(0, 1), "causal: true");

        var (crossOut, crossWeights) = ours.Forward(x, memory, padding, needWeights: true);
        var (refCross, refCrossWeights) = theirs.call(xt, mt, mt, key_padding_mask: padding.view(3, 4).logical_not());
        Close(crossOut, refCross.transpose(0, 1), "cross-attention with key padding");
        Close(crossWeights!.mean([1]), refCrossWeights, "cross-attention weights");
        Assert.Equal(new long[] { 3, heads, 5, 4 }, crossWeights.shape);
    }

    public static TheoryData<string> MaskKinds => new() { "none", "causal", "key padding", "combined", "cross", "cross with padding" };

    [Theory]
    [MemberData(nameof(MaskKinds))]
    public void EveryMaskKindAgreesWithScaledDotProductAttention(string kind)
    {
        manual_seed(11);
        const int d = 12, heads = 3;
        using var m = new MultiHeadAttention(d, heads);
        var g = new Generator(12);
        using var x = randn([2, 6, d], generator: g);
        using var memory = randn([2, 4, d], generator: g);
        bool cross = kind.StartsWith("cross");
        var source = cross ? memory : x;
        using var lengths = tensor(new long[] { cross ? 4 : 6, cross ? 2 : 3 });
        using var padding = AttentionMasks.KeyPaddingFromLengths(lengths, source.shape[1]);
        using var causal = AttentionMasks.Causal(6);
        Tensor? mask = kind switch
        {
            "key padding" or "cross with padding" => padding,
            "combined" => AttentionMasks.Combine(causal, padding),
            _ => null,
        };
        if (kind == "combined") Assert.Equal(new long[] { 2, 1, 6, 6 }, mask!.shape);
        using var expected = Reference(m, x, source, mask, causal: kind == "causal");
        var (fused, _) = m.Forward(x, cross ? memory : null, mask, causal: kind == "causal");
        var (explicitly, weights) = m.Forward(x, cross ? memory : null, mask, causal: kind == "causal", needWeights: true);
        Close(fused, expected, $"{kind}, fused kernel");
        Close(explicitly, expected, $"{kind}, written-out attention");
        using var sums = weights!.sum(-1);
        Close(sums, ones_like(sums), "weight rows sum to 1");
        if (mask is not null)
        {
            // a forbidden key gets exactly zero weight
            using var forbidden = weights.masked_select(mask.logical_not().expand_as(weights));
            Assert.Equal(0.0, forbidden.abs().sum().item<float>());
        }
    }

    [Theory]
    [InlineData(4, 2)]  // GQA: two query heads per K/V head
    [InlineData(4, 1)]  // MQA: one K/V head for all
    [InlineData(4, 4)]  // MHA
    public void GroupedHeadsAgreeWithAttentionOnRepeatedKeysAndValues(int heads, int kvHeads)
    {
        manual_seed(9);
        const int d = 16;
        using var m = new MultiHeadAttention(d, heads, kvHeads);
        var g = new Generator(10);
        using var x = randn([2, 6, d], generator: g);
        using var memory = randn([2, 3, d], generator: g);
        Close(m.Forward(x, causal: true).Output, Reference(m, x, x, null, causal: true), $"h={heads}, g={kvHeads} self");
        Close(m.Forward(x, memory).Output, Reference(m, x, memory, null), $"h={heads}, g={kvHeads} cross");
        // K and V projections shrink with the number of K/V heads
        int hs = d / heads;
        Assert.Equal(new long[] { kvHeads * hs, d }, W(m, "k_proj.weight").shape);
        Assert.Equal(new long[] { d, d }, W(m, "q_proj.weight").shape);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(4, 2)]
    [InlineData(4, 1)]
    public void KvCacheTokenByTokenGivesTheFullCausalPass(int heads, int? kvHeads)
    {
        manual_seed(13);
        const int d = 16;
        using var m = new MultiHeadAttention(d, heads, kvHeads);
        var g = new Generator(14);
        using var x = randn([2, 7, d], generator: g);
        using var full = m.Forward(x, causal: true).Output;
        using var cache = new KvCache(1);
        var pieces = new List<Tensor> { m.Forward(x[.., ..3], causal: true, cache: cache).Output };   // a prompt of 3
        pieces.Add(m.Forward(x[.., 3..5], causal: true, cache: cache).Output);                        // two at once
        for (int t = 5; t < 7; t++)                                                                   // then one by one
            pieces.Add(m.Forward(x[.., t..(t + 1)], causal: true, cache: cache, needWeights: t == 6).Output);
        Assert.Equal(7, cache.Length);
        Close(cat(pieces, 1), full, "cached steps");
        // the cache keeps the K/V heads, not their repeats: [B, KvHeads, T, d_head]
        var (k, _) = cache.Append(0, zeros(2, kvHeads ?? heads, 0, d / heads), zeros(2, kvHeads ?? heads, 0, d / heads));
        Assert.Equal(new long[] { 2, kvHeads ?? heads, 7, d / heads }, k.shape);
    }

    [Fact]
    public void KvCacheWithAKeyPaddingMaskCountsTheCachedKeys()
    {
        manual_seed(15);
        using var m = new MultiHeadAttention(8, 2);
        var g = new Generator(16);
        using var x = randn([2, 5, 8], generator: g);
        using var lengths = tensor(new long[] { 5, 2 });
        using var padding = AttentionMasks.KeyPaddingFromLengths(lengths, 5);   // [2, 1, 1, 5]
        using var full = m.Forward(x, mask: padding, causal: true).Output;
        using var cache = new KvCache(1);
        var first = m.Forward(x[.., ..3], mask: padding[.., .., .., ..3], causal: true, cache: cache).Output;
        var rest = m.Forward(x[.., 3..], mask: padding, causal: true, cache: cache).Output;
        Close(cat([first, rest], 1), full, "cached steps with key padding");
    }

    [Fact]
    public void DropoutActsOnTheWeightsOnlyWhileTraining()
    {
        manual_seed(17);
        using var m = new MultiHeadAttention(8, 2, dropout: 0.5);
        using var x = randn(1, 6, 8);
        m.eval();
        var (evalOut, evalWeights) = m.Forward(x, needWeights: true);
        Close(evalWeights!.sum(-1), ones(1, 2, 6), "eval weights are distributions");
        Close(m.Forward(x).Output, evalOut, "eval: fused and written-out paths agree");
        m.train();
        var (_, trainWeights) = m.Forward(x, needWeights: true);
        // dropout zeroes about half the weights and doubles the rest (1 / (1 - p))
        using var zeroed = trainWeights!.eq(0);
        Assert.InRange(zeroed.to_type(ScalarType.Float32).mean().item<float>(), 0.2, 0.8);
        using var kept = trainWeights.masked_select(zeroed.logical_not());
        using var doubled = evalWeights.mul(2).masked_select(zeroed.logical_not());
        Close(kept, doubled, "kept weights are scaled by 1 / (1 - p)");
    }

    [Fact]
    public void BadSizesAndShapesAreReported()
    {
        Assert.Contains("modelDim (10) must be divisible by heads (4)", Assert.Throws<ArgumentException>(() => new MultiHeadAttention(10, 4)).Message);
        Assert.Equal("kvHeads", Assert.Throws<ArgumentException>(() => new MultiHeadAttention(16, 4, 3)).ParamName);
        Assert.Equal("dropout", Assert.Throws<ArgumentException>(() => new MultiHeadAttention(16, 4, dropout: 1)).ParamName);
        using var m = new MultiHeadAttention(8, 2, 1);
        using var x = zeros(2, 5, 6);
        var e = Assert.Throws<ArgumentException>(() => m.Forward(x, x));
        Assert.Contains("got query [2, 5, 6], keyValue [2, 5, 6]", e.Message);
        using var good = zeros(2, 5, 8);
        using var other = zeros(3, 4, 8);
        Assert.Contains("keyValue [3, 4, 8]", Assert.Throws<ArgumentException>(() => m.Forward(good, other)).Message);
        using var wrongMask = ones(2, 1, 1, 4, ScalarType.Bool);
        var me = Assert.Throws<ArgumentException>(() => m.Forward(good, mask: wrongMask));
        Assert.Contains("[B, H, Tq, Tk] = [2, 2, 5, 5]", me.Message);
        Assert.Contains("got mask [2, 1, 1, 4]", me.Message);
        using var cache = new KvCache(1);
        Assert.Equal("cache", Assert.Throws<ArgumentException>(() => m.Forward(good, zeros(2, 3, 8), cache: cache)).ParamName);
    }
}

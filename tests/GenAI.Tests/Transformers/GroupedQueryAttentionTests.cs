using GenAI.Transformers;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Transformers;

[Collection(SeededCollection.Name)]
public class GroupedQueryAttentionTests
{
    static Tensor W(GroupedQueryAttention m, string name) => m.named_parameters().Single(p => p.name == name).parameter;

    [Fact]
    public void MultiHeadAgreesWithTorchMultiheadAttentionOnTheSameWeights()
    {
        manual_seed(7);
        const int d = 8, heads = 2;
        using var ours = new GroupedQueryAttention(d, heads, kvHeads: heads);
        using var theirs = nn.MultiheadAttention(d, heads);
        using (no_grad())
        {
            // TorchSharp keeps W_Q, W_K, W_V stacked in one in_proj matrix [3d, d]
            var inProj = theirs.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            inProj["in_proj_weight"].copy_(cat([W(ours, "q_proj.weight"), W(ours, "k_proj.weight"), W(ours, "v_proj.weight")], 0));
            inProj["in_proj_bias"].copy_(cat([W(ours, "q_proj.bias"), W(ours, "k_proj.bias"), W(ours, "v_proj.bias")], 0));
            inProj["out_proj.weight"].copy_(W(ours, "out_proj.weight"));
            inProj["out_proj.bias"].copy_(W(ours, "out_proj.bias"));
        }
        var g = new Generator(8);
        using var x = randn([3, 5, d], generator: g);          // [B, T, d]
        using var memory = randn([3, 4, d], generator: g);     // cross-attention source
        using var mask = GenAI.Transformers.DotProductAttention.CausalMask(5);

        var (selfOut, selfWeights) = ours.Forward(x, x, mask);
        // nn.MultiheadAttention is sequence-first [T, B, d]. Its mask is given additively (0 = allowed, -inf = not):
        // TorchSharp 0.107's module does not apply a bool mask as PyTorch documents, an additive one it does.
        using var additive = zeros(5, 5).masked_fill(mask.logical_not(), double.NegativeInfinity);
        var (refOut, refWeights) = theirs.call(x.transpose(0, 1), x.transpose(0, 1), x.transpose(0, 1), attn_mask: additive);
        Assert.True(selfOut.allclose(refOut.transpose(0, 1), rtol: 0, atol: 1e-5), "self-attention output differs");
        Assert.True(selfWeights.mean([1]).allclose(refWeights, rtol: 0, atol: 1e-5), "head-averaged weights differ");

        var (crossOut, _) = ours.Forward(x, memory);
        var (refCross, _) = theirs.call(x.transpose(0, 1), memory.transpose(0, 1), memory.transpose(0, 1));
        Assert.True(crossOut.allclose(refCross.transpose(0, 1), rtol: 0, atol: 1e-5), "cross-attention output differs");
    }

    [Theory]
    [InlineData(4, 2)]  // GQA: two query heads per K/V head
    [InlineData(4, 1)]  // MQA: one K/V head for all
    public void GroupedHeadsAgreeWithTorchAttentionOnRepeatedKeysAndValues(int heads, int kvHeads)
    {
        manual_seed(9);
        const int d = 16;
        using var m = new GroupedQueryAttention(d, heads, kvHeads);
        var g = new Generator(10);
        using var x = randn([2, 6, d], generator: g);
        var (output, _) = m.Forward(x, x, GenAI.Transformers.DotProductAttention.CausalMask(6));

        // reference: project with the same weights, give every query head its group's K/V head, then libtorch's attention
        int hs = d / heads;
        using var q = nn.functional.linear(x, W(m, "q_proj.weight"), W(m, "q_proj.bias")).view(2, 6, heads, hs).transpose(1, 2);
        using var k = nn.functional.linear(x, W(m, "k_proj.weight"), W(m, "k_proj.bias")).view(2, 6, kvHeads, hs).transpose(1, 2);
        using var v = nn.functional.linear(x, W(m, "v_proj.weight"), W(m, "v_proj.bias")).view(2, 6, kvHeads, hs).transpose(1, 2);
        var groupOf = tensor(Enumerable.Range(0, heads).Select(i => (long)(i / (heads / kvHeads))).ToArray());
        using var y = nn.functional.scaled_dot_product_attention(q, k.index_select(1, groupOf), v.index_select(1, groupOf), is_casual: true);
        using var reference = nn.functional.linear(y.transpose(1, 2).reshape(2, 6, d), W(m, "out_proj.weight"), W(m, "out_proj.bias"));
        Assert.True(output.allclose(reference, rtol: 0, atol: 1e-5), $"h={heads}, g={kvHeads} differs from the reference");
        // K and V projections shrink with the number of K/V heads
        Assert.Equal(new long[] { kvHeads * hs, d }, W(m, "k_proj.weight").shape);
    }

    [Fact]
    public void KvCacheBytesForALlama2_70BLikeConfiguration()
    {
        // 80 layers, 64 query heads of size 128, 4096 tokens, fp16 (2 bytes), batch 1:
        // MHA: 2 * 80 * 64 * 128 * 4096 * 2 = 10 737 418 240 bytes (10 GiB)
        Assert.Equal(10_737_418_240L, GroupedQueryAttention.KvCacheBytes(80, 64, 128, 4096));
        // GQA with 8 K/V heads: 8 times less, 1 342 177 280 bytes (1.25 GiB)
        Assert.Equal(1_342_177_280L, GroupedQueryAttention.KvCacheBytes(80, 8, 128, 4096));
        // MQA: 64 times less, 167 772 160 bytes (160 MiB)
        Assert.Equal(167_772_160L, GroupedQueryAttention.KvCacheBytes(80, 1, 128, 4096));
        Assert.Equal(2 * 167_772_160L, GroupedQueryAttention.KvCacheBytes(80, 1, 128, 4096, batch: 2));
    }

    [Fact]
    public void BadSizesAndShapesAreReported()
    {
        Assert.Contains("divisible", Assert.Throws<ArgumentException>(() => new GroupedQueryAttention(10, 4, 4)).Message);
        Assert.Equal("kvHeads", Assert.Throws<ArgumentException>(() => new GroupedQueryAttention(16, 4, 3)).ParamName);
        using var m = new GroupedQueryAttention(8, 2, 1);
        using var x = zeros(2, 5, 6);
        var e = Assert.Throws<ArgumentException>(() => m.Forward(x, x));
        Assert.Contains("got query [2, 5, 6], keyValue [2, 5, 6]", e.Message);
    }
}

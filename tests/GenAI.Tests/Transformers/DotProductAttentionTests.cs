using GenAI.Transformers;
using static TorchSharp.torch;

namespace GenAI.Tests.Transformers;

public class DotProductAttentionTests
{
    /// <summary>Random queries, keys and values of the given shapes from one seeded generator.</summary>
    static (Tensor Q, Tensor K, Tensor V) RandomQkv(ulong seed, long[] qShape, long[] kShape, long[] vShape)
    {
        var g = new Generator(seed);
        return (randn(qShape, generator: g), randn(kShape, generator: g), randn(vShape, generator: g));
    }

    [Fact]
    public void TwoKeysHandWorked()
    {
        // q = [1, 0]; keys [1, 0] and [0, 1]; scores / sqrt(2) = [1/sqrt2, 0];
        // weights = softmax = [e^a / (e^a + 1), 1 / (e^a + 1)] with a = 1/sqrt2; output mixes v1 = [10, 0], v2 = [0, 10].
        using var q = tensor(new float[] { 1, 0 }, [1, 2]);
        using var k = tensor(new float[] { 1, 0, 0, 1 }, [2, 2]);
        using var v = tensor(new float[] { 10, 0, 0, 10 }, [2, 2]);
        var (output, weights) = DotProductAttention.Compute(q, k, v);
        double a = 1 / Math.Sqrt(2);
        double w1 = Math.Exp(a) / (Math.Exp(a) + 1);
        Assert.Equal(w1, weights[0, 0].item<float>(), 6);
        Assert.Equal(1 - w1, weights[0, 1].item<float>(), 6);
        Assert.Equal(10 * w1, output[0, 0].item<float>(), 5);
        Assert.Equal(10 * (1 - w1), output[0, 1].item<float>(), 5);
    }

    [Fact]
    public void AgreesWithTorchScaledDotProductAttention()
    {
        var (q, k, v) = RandomQkv(3, [2, 3, 5, 8], [2, 3, 7, 8], [2, 3, 7, 4]);
        var (output, _) = DotProductAttention.Compute(q, k, v);
        using var reference = nn.functional.scaled_dot_product_attention(q, k, v);
        Assert.True(output.allclose(reference, rtol: 0, atol: 1e-5), "unmasked attention differs from libtorch's");
    }

    [Fact]
    public void CausalMaskAgreesWithTorchIsCausalAndZeroesTheFuture()
    {
        var (q, k, v) = RandomQkv(4, [2, 2, 6, 8], [2, 2, 6, 8], [2, 2, 6, 8]);
        using var mask = DotProductAttention.CausalMask(6);
        var (output, weights) = DotProductAttention.Compute(q, k, v, mask);
        using var reference = nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true);
        Assert.True(output.allclose(reference, rtol: 0, atol: 1e-5), "causal attention differs from libtorch's is_causal");
        // exactly zero above the diagonal, rows sum to 1
        using var above = weights.masked_select(mask.logical_not());
        Assert.Equal(0.0, above.abs().max().item<float>());
        Assert.True(weights.sum(-1).allclose(ones(2, 2, 6), atol: 1e-6));
    }

    [Fact]
    public void BoolMaskAgreesWithTorchAttnMask()
    {
        var (q, k, v) = RandomQkv(5, [1, 2, 8, 4], [1, 2, 8, 4], [1, 2, 8, 4]);
        using var mask = DotProductAttention.SlidingWindowMask(8, 3);
        var (output, _) = DotProductAttention.Compute(q, k, v, mask);
        using var reference = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask: mask);
        Assert.True(output.allclose(reference, rtol: 0, atol: 1e-5), "masked attention differs from libtorch's attn_mask");
    }

    [Fact]
    public void BroadcastMasksAgreeWithTorchAttnMask()
    {
        // key padding [B, 1, 1, Tk] and padding combined with causal [B, 1, Tq, Tk] on scores [B, H, Tq, Tk]
        var (q, k, v) = RandomQkv(6, [2, 3, 5, 4], [2, 3, 5, 4], [2, 3, 5, 4]);
        using var padding = AttentionMasks.KeyPaddingFromLengths(tensor(new long[] { 5, 2 }), 5);
        using var combined = AttentionMasks.Combine(DotProductAttention.CausalMask(5), padding)!;
        foreach (var mask in new[] { padding, combined })
        {
            var (output, weights) = DotProductAttention.Compute(q, k, v, mask);
            using var reference = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask: mask);
            Assert.True(output.allclose(reference, rtol: 0, atol: 1e-5), $"mask {mask.ShapeString()} differs from libtorch's attn_mask");
            // sequence 1 has two real keys: keys 2..4 get no weight from any query
            Assert.Equal(0.0, weights[1, .., .., 2..].abs().sum().item<float>());
        }
    }

    [Fact]
    public void SlidingWindowMaskKeepsTheLastWindowPositions()
    {
        using var mask = DotProductAttention.SlidingWindowMask(5, 2);
        var expected = new bool[]
        {
            true, false, false, false, false,
            true, true, false, false, false,
            false, true, true, false, false,
            false, false, true, true, false,
            false, false, false, true, true,
        };
        Assert.Equal(expected, mask.data<bool>().ToArray());
        // a window as long as the sequence is the causal mask
        using var full = DotProductAttention.SlidingWindowMask(5, 5);
        using var causal = DotProductAttention.CausalMask(5);
        Assert.True(full.equal(causal).all().item<bool>());
    }

    [Fact]
    public void MismatchedShapesNameTheTensors()
    {
        using var q = zeros(2, 5, 8);
        using var k = zeros(2, 7, 6);
        using var v = zeros(2, 7, 4);
        var e = Assert.Throws<ArgumentException>(() => DotProductAttention.Compute(q, k, v));
        Assert.Contains("q [2, 5, 8], k [2, 7, 6], v [2, 7, 4]", e.Message);
        Assert.Equal("k", e.ParamName);

        using var k2 = zeros(2, 7, 8);
        using var v2 = zeros(2, 6, 4);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => DotProductAttention.Compute(q, k2, v2)).ParamName);

        using var kBatch = zeros(3, 7, 8);
        Assert.Contains("leading", Assert.Throws<ArgumentException>(() => DotProductAttention.Compute(q, kBatch, v)).Message);

        using var badMask = ones(5, 5, ScalarType.Bool);
        var m = Assert.Throws<ArgumentException>(() => DotProductAttention.Compute(q, k2, zeros(2, 7, 4), badMask));
        Assert.Contains("[..., Tq, Tk] = [2, 5, 7]", m.Message);
        Assert.Contains("got mask [5, 5]", m.Message);

        using var floatMask = ones(5, 7);
        Assert.Contains("bool", Assert.Throws<ArgumentException>(() => DotProductAttention.Compute(q, k2, zeros(2, 7, 4), floatMask)).Message);
    }
}

using GenAI.Transformers;
using static TorchSharp.torch;

namespace GenAI.Tests.Transformers;

public class KvCacheTests
{
    [Fact]
    public void BytesForALlama2_70BLikeConfiguration()
    {
        // 80 layers, 64 query heads of size 128, 4096 tokens, fp16 (2 bytes), batch 1:
        // MHA: 2 * 80 * 64 * 128 * 4096 * 2 = 10 737 418 240 bytes (10 GiB)
        Assert.Equal(10_737_418_240L, KvCache.Bytes(80, 64, 128, 4096));
        // GQA with 8 K/V heads: 8 times less, 1 342 177 280 bytes (1.25 GiB)
        Assert.Equal(1_342_177_280L, KvCache.Bytes(80, 8, 128, 4096));
        // MQA: 64 times less, 167 772 160 bytes (160 MiB)
        Assert.Equal(167_772_160L, KvCache.Bytes(80, 1, 128, 4096));
        Assert.Equal(2 * 167_772_160L, KvCache.Bytes(80, 1, 128, 4096, batch: 2));
        Assert.Equal("layers", Assert.Throws<ArgumentException>(() => KvCache.Bytes(0, 1, 1, 1)).ParamName);
    }

    [Fact]
    public void AppendConcatenatesAlongTimeAndChecksShapes()
    {
        using var cache = new KvCache(2);
        using var k = arange(12f).view(1, 2, 3, 2);
        cache.Append(1, k, k);
        var (all, _) = cache.Append(1, k[.., .., ..1], k[.., .., ..1]);
        Assert.Equal(new long[] { 1, 2, 4, 2 }, all.shape);
        Assert.Equal(4, cache.Length);
        Assert.Equal(0, cache.LengthOf(0));
        Assert.True(all[.., .., 3].allclose(k[.., .., 0], rtol: 0, atol: 0));
        var e = Assert.Throws<ArgumentException>(() => cache.Append(1, zeros(1, 1, 1, 2), zeros(1, 1, 1, 2)));
        Assert.Contains("caches keys [1, 2, 4, 2]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Append(2, k, k));
        cache.Clear();
        Assert.Equal(0, cache.Length);
    }
}

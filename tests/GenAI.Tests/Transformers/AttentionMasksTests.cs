using GenAI.Transformers;
using static TorchSharp.torch;

namespace GenAI.Tests.Transformers;

public class AttentionMasksTests
{
    static bool[] Values(Tensor t) => t.data<bool>().ToArray();

    [Fact]
    public void CausalMaskAfterCachedTokensIsTheBottomOfTheFullOne()
    {
        using var full = AttentionMasks.Causal(5);
        Assert.Equal(Values(DotProductAttention.CausalMask(5)), Values(full));
        // 2 new tokens after 3 cached: rows 3 and 4 of the 5 x 5 lower triangle
        using var tail = AttentionMasks.Causal(2, 5);
        Assert.Equal(new long[] { 2, 5 }, tail.shape);
        Assert.Equal(Values(full[3..]), Values(tail));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttentionMasks.Causal(4, 3));
    }

    [Fact]
    public void KeyPaddingFromIdsAndFromLengthsAgree()
    {
        using var ids = tensor(new long[] { 5, 6, 7, 0, 4, 0, 0, 0 }, [2, 4]);
        using var fromIds = AttentionMasks.KeyPadding(ids, padId: 0);
        Assert.Equal(new long[] { 2, 1, 1, 4 }, fromIds.shape);
        Assert.Equal(new[] { true, true, true, false, true, false, false, false }, Values(fromIds));
        using var lengths = tensor(new long[] { 3, 1 });
        using var fromLengths = AttentionMasks.KeyPaddingFromLengths(lengths, 4);
        Assert.Equal(Values(fromIds), Values(fromLengths));
        Assert.Contains("got lengths from 0 to 3", Assert.Throws<ArgumentException>(() => AttentionMasks.KeyPaddingFromLengths(tensor(new long[] { 3, 0 }), 4)).Message);
        Assert.Contains("got [8]", Assert.Throws<ArgumentException>(() => AttentionMasks.KeyPadding(ids.flatten(), 0)).Message);
    }

    [Fact]
    public void CombineIsLogicalAndWithBroadcasting()
    {
        using var causal = AttentionMasks.Causal(3);
        using var padding = AttentionMasks.KeyPaddingFromLengths(tensor(new long[] { 3, 2 }), 3);
        using var both = AttentionMasks.Combine(causal, padding)!;
        Assert.Equal(new long[] { 2, 1, 3, 3 }, both.shape);
        // sequence 1 has 2 real tokens: its last key is forbidden to every query, on top of the causal triangle
        Assert.Equal(new[] { true, false, false, true, true, false, true, true, false }, Values(both[1, 0]));
        Assert.Equal(Values(causal), Values(both[0, 0]));
        Assert.Same(causal, AttentionMasks.Combine(causal, null));
        Assert.Null(AttentionMasks.Combine(null, null));
        using var other = ones(4, 4, ScalarType.Bool);
        Assert.Contains("[3, 3] and [4, 4]", Assert.Throws<ArgumentException>(() => AttentionMasks.Combine(causal, other)).Message);
    }
}

using GenAI.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Text;

public class BertMaskingTests
{
    const long Pad = 0, Cls = 1, Mask = 2;
    const int V = 50;

    static Tensor Ids()
    {
        // 200 sequences of 64: [CLS], 55 ordinary tokens in 3..49, 8 padding
        using var g = new Generator(11);
        var body = randint(3, V, [200, 55], generator: g);
        return cat([full(200, 1, Cls, ScalarType.Int64), body, zeros(200, 8, ScalarType.Int64)], 1);
    }

    [Fact]
    public void ChoosesFifteenPercentAndSplitsThem80_10_10()
    {
        using var ids = Ids();
        using var batch = BertMasking.Apply(ids, Mask, V, [Pad, Cls], new Generator(5));
        double ordinary = 200 * 55;
        double chosen = batch.Chosen.sum().item<long>();
        Assert.InRange(chosen / ordinary, 0.14, 0.16);
        double masked = batch.Inputs.eq(Mask).sum().item<long>();
        double changed = batch.Inputs.ne(ids).logical_and(batch.Inputs.ne(Mask)).sum().item<long>();
        double kept = batch.Chosen.logical_and(batch.Inputs.eq(ids)).sum().item<long>();
        Assert.InRange(masked / chosen, 0.77, 0.83);
        // a random replacement equals the original token 1 time in 47: counted among the kept ones
        Assert.InRange(changed / chosen, 0.08, 0.12);
        Assert.InRange(kept / chosen, 0.08, 0.12);
        Assert.Equal(chosen, masked + changed + kept);
    }

    [Fact]
    public void UnchosenPositionsCarryTheIgnoreIndexAndChosenOnesTheOriginal()
    {
        using var ids = Ids();
        using var batch = BertMasking.Apply(ids, Mask, V, [Pad, Cls], new Generator(5));
        using var notChosen = batch.Chosen.logical_not();
        Assert.True(batch.Labels.masked_select(notChosen).eq(BertMasking.IgnoreIndex).all().item<bool>());
        Assert.True(batch.Labels.masked_select(batch.Chosen).equal(ids.masked_select(batch.Chosen)).all().item<bool>());
        // where not chosen, the input is the original token
        Assert.True(batch.Inputs.masked_select(notChosen).equal(ids.masked_select(notChosen)).all().item<bool>());
    }

    [Fact]
    public void SpecialsAreNeverChosenNorDrawnAsRandomTokens()
    {
        using var ids = Ids();
        using var batch = BertMasking.Apply(ids, Mask, V, [Pad, Cls], new Generator(5), probability: 1.0);
        Assert.False(batch.Chosen[.., 0].any().item<bool>());
        Assert.False(batch.Chosen[.., 56..].any().item<bool>());
        using var changed = batch.Inputs.ne(ids).logical_and(batch.Inputs.ne(Mask));
        Assert.True(batch.Inputs.masked_select(changed).ge(3).all().item<bool>());
    }

    [Fact]
    public void SameSeedSameMasking()
    {
        using var ids = Ids();
        using var a = BertMasking.Apply(ids, Mask, V, [Pad, Cls], new Generator(9));
        using var b = BertMasking.Apply(ids, Mask, V, [Pad, Cls], new Generator(9));
        Assert.True(a.Inputs.equal(b.Inputs).all().item<bool>());
    }

    [Fact]
    public void RejectsBadInput()
    {
        using var f = zeros(2, 3);
        Assert.Contains("Int64", Assert.Throws<ArgumentException>(() => BertMasking.Apply(f, Mask, V, [Pad])).Message);
        using var ids = Ids();
        Assert.Contains("maskId", Assert.Throws<ArgumentException>(() => BertMasking.Apply(ids, 99, V, [Pad])).Message);
    }
}

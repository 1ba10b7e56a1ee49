namespace GenAI.Tests;

public sealed class ClaimTests
{
    [Fact]
    public void A_claim_that_holds_passes_silently()
    {
        Claim.That(true, "never shown");
        Claim.AtLeast(0.95, 0.95, "accuracy");
        Claim.AtMost(1.0, 1.5, "loss");
        Claim.Less(1.0, 2.0, "loss");
        Claim.Close(1.00001, 1.0, 1e-4, "ratio");
        Claim.Equal(85L, 85L, "parameters");
    }

    [Fact]
    public void A_failed_bound_names_the_quantity_and_both_numbers()
    {
        var e = Assert.Throws<ClaimFailedException>(() => Claim.AtLeast(0.912, 0.95, "test accuracy"));
        Assert.Equal("claim failed: test accuracy: 0.912 is below 0.95", e.Message);
        e = Assert.Throws<ClaimFailedException>(() => Claim.AtMost(2.5, 2, "held-out loss"));
        Assert.Equal("claim failed: held-out loss: 2.5 is above 2", e.Message);
        e = Assert.Throws<ClaimFailedException>(() => Claim.Less(3, 3, "pre-LN loss vs post-LN loss"));
        Assert.Equal("claim failed: pre-LN loss vs post-LN loss: 3 is not below 3", e.Message);
    }

    [Fact]
    public void Close_reports_the_gap_and_the_tolerance()
    {
        var e = Assert.Throws<ClaimFailedException>(() => Claim.Close(1.5, 1.0, 0.1, "hand gradient vs autograd"));
        Assert.Equal("claim failed: hand gradient vs autograd: 1.5 differs from 1 by 0.5, more than 0.1", e.Message);
    }

    [Fact]
    public void NaN_never_passes_a_bound()
    {
        Assert.Throws<ClaimFailedException>(() => Claim.AtLeast(double.NaN, 0, "loss"));
        Assert.Throws<ClaimFailedException>(() => Claim.AtMost(double.NaN, 0, "loss"));
        Assert.Throws<ClaimFailedException>(() => Claim.Close(double.NaN, 0, 1, "loss"));
    }

    [Fact]
    public void Equal_shows_what_came_and_what_was_expected()
    {
        var e = Assert.Throws<ClaimFailedException>(() => Claim.Equal("[2, 3]", "[3, 2]", "shape"));
        Assert.Equal("claim failed: shape: got [2, 3], expected [3, 2]", e.Message);
        e = Assert.Throws<ClaimFailedException>(() => Claim.That(false, "every row sums to 1"));
        Assert.Equal("claim failed: every row sums to 1", e.Message);
    }
}

using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Tests.Metrics;

public class ContrastiveMetricsTests
{
    // Hand-worked 3x3 example. logits = [[ln3, 0, 0], [ln3, ln2, 0], [0, 0, 0]]
    // rows (image -> texts), target = the diagonal:
    //   row 0: exp = [3, 1, 1], -log(3/5) = ln(5/3);  row 1: exp = [3, 2, 1], -log(2/6) = ln 3;  row 2: [1, 1, 1], ln 3
    //   mean = (ln(5/3) + 2 ln 3) / 3 = ln 15 / 3
    // columns (text -> images):
    //   col 0: exp = [3, 3, 1], -log(3/7) = ln(7/3);  col 1: exp = [1, 2, 1], -log(2/4) = ln 2;  col 2: ln 3
    //   mean = (ln(7/3) + ln 2 + ln 3) / 3 = ln 14 / 3
    // symmetric loss = (ln 15 / 3 + ln 14 / 3) / 2 = ln 210 / 6
    static Tensor HandLogits() => tensor(new float[] { MathF.Log(3), 0, 0, MathF.Log(3), MathF.Log(2), 0, 0, 0, 0 }).view(3, 3);

    [Fact]
    public void SymmetricInfoNceMatchesTheHandWorked3x3Example()
    {
        using var logits = HandLogits();
        using var loss = ContrastiveLoss.SymmetricInfoNce(logits);
        Assert.Equal(Math.Log(210) / 6, loss.item<float>(), 5);
        // the two directions differ (ln15/3 = 0.9027 vs ln14/3 = 0.8797): the loss really uses both
        using var rows = nn.functional.cross_entropy(logits, arange(3, dtype: ScalarType.Int64));
        Assert.Equal(Math.Log(15) / 3, rows.item<float>(), 5);
    }

    [Fact]
    public void SymmetricInfoNceOfAStackIsTheMeanOfItsBatches()
    {
        using var a = HandLogits();
        using var b = tensor(new float[] { 2, 0, 0, 0, 2, 0, 0, 0, 2 }).view(3, 3);   // every row and column: ln(1 + 2 e^-2)
        using var both = stack([a, b]);
        using var loss = ContrastiveLoss.SymmetricInfoNce(both);
        Assert.Equal((Math.Log(210) / 6 + Math.Log(1 + 2 * Math.Exp(-2))) / 2, loss.item<float>(), 5);
    }

    [Fact]
    public void SymmetricInfoNceRejectsANonSquareMatrix()
    {
        using var logits = zeros(2, 3);
        var e = Assert.Throws<ArgumentException>(() => ContrastiveLoss.SymmetricInfoNce(logits));
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void RecallAtKOnAHandWorkedRanking()
    {
        // 3 queries x 4 items. query 0 ranks items 2,0,1,3; query 1 ranks 3,1,...; query 2 ranks 0,1,2,3
        using var s = tensor(new float[] { 0.5f, 0.2f, 0.9f, 0.1f,   0.0f, 0.6f, 0.1f, 0.8f,   0.9f, 0.8f, 0.7f, 0.6f }).view(3, 4);
        using var queries = tensor(new long[] { 0, 1, 2 });
        using var items = tensor(new long[] { 0, 1, 2, 3 });   // only the partner is relevant: item i for query i
        // partner ranks: query 0 -> 2nd, query 1 -> 2nd, query 2 -> 3rd
        Assert.Equal(new[] { 0.0, 2.0 / 3, 1.0 }, CrossModalRetrieval.RecallAtK(s, queries, items, [1, 2, 3]));
        // class labels: items 0 and 2 are class 0, so query 0 (class 0) hits at rank 1
        using var classes = tensor(new long[] { 0, 1, 0, 1 });
        using var queryClasses = tensor(new long[] { 0, 1, 1 });
        Assert.Equal(new[] { 2.0 / 3, 1.0 }, CrossModalRetrieval.RecallAtK(s, queryClasses, classes, [1, 2]));
        // the other direction is the transpose: item 3 (label 3) never has a query of its own
        using var st = s.t();
        // items 0..3 rank queries first as 2, 2, 0, 1: no partner at rank 1; at k = 3 all but item 3 hit
        Assert.Equal(new[] { 0.0, 0.75 }, CrossModalRetrieval.RecallAtK(st, items, queries, [1, 3]));
    }

    [Fact]
    public void RecallAtKChecksTheLabelShapes()
    {
        using var s = zeros(3, 4);
        using var bad = zeros(4, dtype: ScalarType.Int64);
        using var items = zeros(4, dtype: ScalarType.Int64);
        var e = Assert.Throws<ArgumentException>(() => CrossModalRetrieval.RecallAtK(s, bad, items, 1));
        Assert.Contains("queryLabels must be [3]", e.Message);
    }
}

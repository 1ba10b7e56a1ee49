using System.Text.Json;
using GenAI.Metrics;
using static TorchSharp.torch;

namespace GenAI.Tests.Metrics;

public class BoxIouTests
{
    [Fact]
    public void IdenticalBoxesHaveIouOne() =>
        Assert.Equal(1.0, BoxIou.Of((1, 2, 5, 7), (1, 2, 5, 7)), 12);

    [Fact]
    public void DisjointAndTouchingBoxesHaveIouZero()
    {
        Assert.Equal(0.0, BoxIou.Of((0, 0, 2, 2), (3, 3, 5, 5)));
        Assert.Equal(0.0, BoxIou.Of((0, 0, 2, 2), (2, 0, 4, 2)));   // share an edge, no area
    }

    [Fact]
    public void PartialOverlapMatchesTheHandWorkedValue()
    {
        // A = (0,0)-(4,4), area 16; B = (2,2)-(6,6), area 16; intersection (2,2)-(4,4), area 4;
        // union 16 + 16 - 4 = 28; IoU = 4 / 28 = 1/7.
        Assert.Equal(1.0 / 7, BoxIou.Of((0, 0, 4, 4), (2, 2, 6, 6)), 12);
        // A box inside another: (1,1)-(3,3) (area 4) in (0,0)-(4,4) (area 16): 4 / 16.
        Assert.Equal(0.25, BoxIou.Of((1, 1, 3, 3), (0, 0, 4, 4)), 12);
        // Overlap in x only partly, in y fully: (0,0)-(10,2) and (5,0)-(15,2): 10 / (20 + 20 - 10) = 1/3.
        Assert.Equal(1.0 / 3, BoxIou.Of((0, 0, 10, 2), (5, 0, 15, 2)), 12);
    }

    [Fact]
    public void IouIsSymmetric()
    {
        using var a = tensor(new double[] { 0, 0, 4, 4, 1, 1, 3, 6 }, [2, 4]);
        using var b = tensor(new double[] { 2, 2, 6, 6, 0, 5, 2, 9, 1, 1, 3, 6 }, [3, 4]);
        using var ab = BoxIou.Pairwise(a, b);
        using var ba = BoxIou.Pairwise(b, a);
        Assert.True(ab.allclose(ba.T), "IoU(a, b) must equal IoU(b, a)");
    }

    [Fact]
    public void EmptyBoxesGiveZeroNotNaN()
    {
        using var point = tensor(new double[] { 1, 1, 1, 1 }, [1, 4]);
        using var iou = BoxIou.Pairwise(point, point);
        Assert.Equal(0.0, iou.item<double>());
    }

    [Fact]
    public void PairwiseMatchesThePythonReference()
    {
        var reference = ReferenceFixture.Load("Metrics", "box_iou_reference.json");
        double[][] Rows(string name) => reference.GetProperty(name).EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var a = Rows("boxes_a");
        var b = Rows("boxes_b");
        var expected = Rows("iou");
        using var ta = tensor(a.SelectMany(r => r).ToArray(), [a.Length, 4]);
        using var tb = tensor(b.SelectMany(r => r).ToArray(), [b.Length, 4]);
        using var iou = BoxIou.Pairwise(ta, tb);
        Assert.Equal(new long[] { a.Length, b.Length }, iou.shape);
        Assert.Contains(expected.SelectMany(r => r), v => v > 0 && v < 1);   // the fixture exercises partial overlaps
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++)
                Assert.Equal(expected[i][j], iou[i, j].item<double>(), 12);
    }

    [Fact]
    public void FloatAndIntegerBoxesWork()
    {
        using var f = tensor(new float[] { 0, 0, 4, 4 }, [1, 4]);
        using var l = tensor(new long[] { 2, 2, 6, 6 }, [1, 4]);
        using var iou = BoxIou.Pairwise(f, l);
        Assert.Equal(1.0 / 7, iou.item<double>(), 6);
    }

    [Fact]
    public void FromCenterConvertsToCorners()
    {
        // centre (5, 4), width 4, height 2 -> (3, 3)-(7, 5)
        using var c = tensor(new double[] { 5, 4, 4, 2 }, [1, 4]);
        using var corners = BoxIou.FromCenter(c);
        Assert.Equal(new double[] { 3, 3, 7, 5 }, corners.data<double>().ToArray());
    }

    [Fact]
    public void WrongShapeIsAClearError()
    {
        using var bad = zeros(3, 5);
        using var ok = zeros(1, 4);
        var e = Assert.Throws<ArgumentException>(() => BoxIou.Pairwise(bad, ok));
        Assert.Equal("boxesA", e.ParamName);
        Assert.Contains("[3, 5]", e.Message);
        Assert.Contains("[N, 4]", e.Message);
        using var flat = zeros(4);
        var e2 = Assert.Throws<ArgumentException>(() => BoxIou.Pairwise(ok, flat));
        Assert.Equal("boxesB", e2.ParamName);
        Assert.Contains("[4]", e2.Message);
    }

    [Fact]
    public void SwappedCornersAreAClearError()
    {
        // Box 1 has x2 < x1: probably (cx, cy, w, h) or (x, y, w, h) passed as corners.
        using var boxes = tensor(new double[] { 0, 0, 2, 2, 5, 1, 3, 4 }, [2, 4]);
        using var ok = tensor(new double[] { 0, 0, 1, 1 }, [1, 4]);
        var e = Assert.Throws<ArgumentException>(() => BoxIou.Pairwise(ok, boxes));
        Assert.Equal("boxesB", e.ParamName);
        Assert.Contains("Box 1", e.Message);
        Assert.Contains("(5, 1, 3, 4)", e.Message);
        Assert.Contains("x1 <= x2", e.Message);
    }

    [Fact]
    public void NaNCoordinatesAreAClearError()
    {
        using var boxes = tensor(new double[] { 0, 0, double.NaN, 2 }, [1, 4]);
        var e = Assert.Throws<ArgumentException>(() => BoxIou.Pairwise(boxes, boxes));
        Assert.Contains("NaN", e.Message);
    }

    [Fact]
    public void NegativeSizeInCenterFormIsAClearError()
    {
        using var c = tensor(new double[] { 5, 4, -1, 2 }, [1, 4]);
        var e = Assert.Throws<ArgumentException>(() => BoxIou.FromCenter(c));
        Assert.Equal("centerBoxes", e.ParamName);
        using var wrong = zeros(2, 3);
        var e2 = Assert.Throws<ArgumentException>(() => BoxIou.FromCenter(wrong));
        Assert.Contains("[2, 3]", e2.Message);
    }
}

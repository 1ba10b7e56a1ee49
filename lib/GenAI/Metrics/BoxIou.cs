using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Metrics;

/// <summary>
/// Intersection over union of axis-aligned boxes, the score detection uses to decide whether a predicted box
/// found an object: IoU = area(A ∩ B) / area(A ∪ B), 1 for identical boxes and 0 for boxes that do not overlap.
/// Boxes are rows (x1, y1, x2, y2) with the top-left corner first (x1 &lt;= x2, y1 &lt;= y2), in pixels.
/// </summary>
public static class BoxIou
{
    /// <summary>
    /// IoU of every box in <paramref name="boxesA"/> [N, 4] with every box in <paramref name="boxesB"/> [M, 4]: a [N, M] tensor.
    /// Two boxes of zero area that do not overlap have IoU 0 (not 0 / 0).
    /// </summary>
    public static Tensor Pairwise(Tensor boxesA, Tensor boxesB)
    {
        Check(boxesA, nameof(boxesA));
        Check(boxesB, nameof(boxesB));
        using var scope = NewDisposeScope();
        var a = boxesA.to_type(ScalarType.Float64).unsqueeze(1);   // [N, 1, 4]
        var b = boxesB.to_type(ScalarType.Float64).to(boxesA.device).unsqueeze(0);   // [1, M, 4]
        // The intersection is the box between the larger top-left corner and the smaller bottom-right corner,
        // empty (width or height clamped to 0) when those cross.
        var topLeft = maximum(a[.., .., ..2], b[.., .., ..2]);
        var bottomRight = minimum(a[.., .., 2..], b[.., .., 2..]);
        var sides = bottomRight.sub(topLeft).clamp_min(0);
        var intersection = sides[.., .., 0].mul(sides[.., .., 1]);   // [N, M]
        // area(A ∪ B) = area(A) + area(B) - area(A ∩ B)
        var union = Area(a).add(Area(b)).sub(intersection);
        var iou = where(union.gt(0), intersection.div(union.clamp_min(double.Epsilon)), zeros_like(union));
        return scope.MoveToOuter(iou);
    }

    /// <summary>IoU of two boxes given as (x1, y1, x2, y2).</summary>
    public static double Of((double X1, double Y1, double X2, double Y2) a, (double X1, double Y1, double X2, double Y2) b)
    {
        using var scope = NewDisposeScope();
        var ta = tensor(new[] { a.X1, a.Y1, a.X2, a.Y2 }, [1, 4]);
        var tb = tensor(new[] { b.X1, b.Y1, b.X2, b.Y2 }, [1, 4]);
        return Pairwise(ta, tb).item<double>();
    }

    /// <summary>
    /// Boxes given by centre and size (cx, cy, w, h), the way YOLO predicts them, as corners (x1, y1, x2, y2).
    /// </summary>
    public static Tensor FromCenter(Tensor centerBoxes)
    {
        if (centerBoxes.ndim != 2 || centerBoxes.shape[1] != 4)
            throw new ArgumentException(
                $"Boxes must be a [N, 4] tensor of rows (cx, cy, w, h); got shape {ShapeText.Of(centerBoxes)}.", nameof(centerBoxes));
        using var scope = NewDisposeScope();
        if (centerBoxes[.., 2..].lt(0).any().item<bool>())
            throw new ArgumentException("Boxes (cx, cy, w, h) need a width and height of at least 0; some are negative.", nameof(centerBoxes));
        var center = centerBoxes[.., ..2];
        var half = centerBoxes[.., 2..].div(2);
        return scope.MoveToOuter(cat([center.sub(half), center.add(half)], 1));
    }

    static Tensor Area(Tensor boxes) => boxes[.., .., 2].sub(boxes[.., .., 0]).mul(boxes[.., .., 3].sub(boxes[.., .., 1]));

    static void Check(Tensor boxes, string name)
    {
        ArgumentNullException.ThrowIfNull(boxes, name);
        if (boxes.ndim != 2 || boxes.shape[1] != 4)
            throw new ArgumentException(
                $"Boxes must be a [N, 4] tensor of rows (x1, y1, x2, y2); {name} has shape {ShapeText.Of(boxes)}.", name);
        if (!boxes.is_floating_point() && boxes.dtype is not (ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Byte))
            throw new ArgumentException($"Boxes must hold numbers; {name} has dtype {boxes.dtype}.", name);
        using var scope = NewDisposeScope();
        var values = boxes.to_type(ScalarType.Float64);
        if (!values.isfinite().all().item<bool>())
            throw new ArgumentException($"Boxes must be finite; {name} {ShapeText.Of(boxes)} holds NaN or infinite coordinates.", name);
        // A box whose corners are swapped has a negative side: its "area" would be negative or, with both swapped, positive but wrong.
        var bad = values[.., 2].lt(values[.., 0]).logical_or(values[.., 3].lt(values[.., 1])).nonzero();
        if (bad.shape[0] > 0)
        {
            long row = bad[0, 0].item<long>();
            var box = values[row].data<double>().ToArray();
            throw new ArgumentException(
                $"Box {row} of {name} is ({string.Join(", ", box)}): boxes are (x1, y1, x2, y2) with x1 <= x2 and y1 <= y2. " +
                "If your boxes are (cx, cy, w, h), convert them with BoxIou.FromCenter.", name);
        }
    }
}

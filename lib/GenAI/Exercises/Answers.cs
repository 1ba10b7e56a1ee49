using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>
/// Comparisons of a learner's answer with the expected one. Each returns null when they agree, and otherwise a
/// short sentence saying how they differ, in the terms a hint needs: the shape, the dtype, or the first position
/// whose value is off with the expected and the actual value.
/// </summary>
public static class Answers
{
    /// <summary>Tensors: same shape, same dtype, values within atol + rtol·|expected| (NaN only where expected is NaN, an infinity only where expected has the same one).</summary>
    public static string? Tensors(Tensor expected, Tensor actual, double rtol = 1e-4, double atol = 1e-5)
    {
        if (actual is null) return "your function returned null instead of a tensor";
        if (!expected.shape.SequenceEqual(actual.shape))
            return $"the shape is {Shape(actual)}, expected {Shape(expected)}";
        if (expected.dtype != actual.dtype)
            return $"the dtype is {actual.dtype}, expected {expected.dtype}";
        using var scope = NewDisposeScope();
        var e = expected.detach().cpu().to(ScalarType.Float64);
        var a = actual.detach().cpu().to(ScalarType.Float64);
        var bothNan = e.isnan().logical_and(a.isnan());
        // Equal values agree first: equal infinities (the -inf of filtered logits) give inf - inf = NaN, and the
        // tolerance applies only where the expected value is finite (rtol·∞ would accept anything).
        var close = e.eq(a).logical_or((e - a).abs().le(atol + rtol * e.abs()).logical_and(e.isfinite())).logical_or(bothNan);
        if (close.all().item<bool>()) return null;
        var first = close.logical_not().nonzero()[0];
        var index = first.data<long>().ToArray();
        var position = index.Length == 0 ? "" : $" at [{string.Join(", ", index)}]";
        var indices = index.Select(i => TensorIndex.Single(i)).ToArray();
        // a 0-d tensor (a loss) has no index to take: its one value is item() itself
        double At(Tensor t) => indices.Length == 0 ? t.item<double>() : t[indices].item<double>();
        return $"the value{position} is {Number(At(a))}, expected {Number(At(e))}";
    }

    /// <summary>Two numbers within atol + rtol·|expected|.</summary>
    public static string? Numbers(double expected, double actual, double rtol = 1e-6, double atol = 1e-9)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return null;
        return Math.Abs(expected - actual) <= atol + rtol * Math.Abs(expected)
            ? null
            : $"you returned {Number(actual)}, expected {Number(expected)}";
    }

    /// <summary>Two sequences, element by element; names the first position that differs or the length.</summary>
    public static string? Sequences<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        if (actual is null) return "your function returned null";
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            if (!comparer.Equals(expected[i], actual[i]))
                return $"item {i} is {Text(actual[i])}, expected {Text(expected[i])}";
        return expected.Count == actual.Count ? null : $"you returned {actual.Count} items, expected {expected.Count}";
    }

    /// <summary>Two strings, exactly.</summary>
    public static string? Strings(string expected, string actual) =>
        string.Equals(expected, actual, StringComparison.Ordinal) ? null : $"you returned {Quote(actual)}, expected {Quote(expected)}";

    public static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";

    static string Number(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    static string Quote(string? s) => s is null ? "null" : "\"" + s + "\"";

    static string Text<T>(T value) => value switch
    {
        null => "null",
        double d => Number(d),
        float f => Number(f),
        string s => Quote(s),
        _ => value.ToString() ?? "null",
    };
}

using System.Globalization;

namespace GenAI;

/// <summary>
/// The checks a notebook makes of its own claims, one short line each. A failed claim throws a
/// <see cref="ClaimFailedException"/> whose message carries what was claimed and the numbers, so the
/// cell fails with a sentence a learner can read ("test accuracy: 0.912 is below 0.95"), not a
/// stack of <c>if (...) throw new Exception(...)</c> lines that run off the rendered cell.
/// </summary>
public static class Claim
{
    /// <summary>Fails with <paramref name="claim"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string claim)
    {
        if (!condition) throw new ClaimFailedException(claim);
    }

    /// <summary><paramref name="value"/> ≥ <paramref name="bound"/>.</summary>
    public static void AtLeast(double value, double bound, string what)
    {
        if (!(value >= bound)) throw new ClaimFailedException($"{what}: {N(value)} is below {N(bound)}");
    }

    /// <summary><paramref name="value"/> ≤ <paramref name="bound"/>.</summary>
    public static void AtMost(double value, double bound, string what)
    {
        if (!(value <= bound)) throw new ClaimFailedException($"{what}: {N(value)} is above {N(bound)}");
    }

    /// <summary><paramref name="smaller"/> &lt; <paramref name="larger"/>, strictly.</summary>
    public static void Less(double smaller, double larger, string what)
    {
        if (!(smaller < larger)) throw new ClaimFailedException($"{what}: {N(smaller)} is not below {N(larger)}");
    }

    /// <summary>|actual − expected| ≤ tolerance.</summary>
    public static void Close(double actual, double expected, double tolerance, string what)
    {
        var gap = Math.Abs(actual - expected);
        if (!(gap <= tolerance))
            throw new ClaimFailedException($"{what}: {N(actual)} differs from {N(expected)} by {N(gap)}, more than {N(tolerance)}");
    }

    /// <summary>Two values that must be equal (counts, shapes as text, tokens).</summary>
    public static void Equal<T>(T actual, T expected, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            throw new ClaimFailedException($"{what}: got {Text(actual)}, expected {Text(expected)}");
    }

    static string N(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    static string Text<T>(T value) => value switch
    {
        double d => N(d),
        float f => N(f),
        null => "null",
        _ => value.ToString() ?? "null",
    };
}

/// <summary>A notebook's claim did not hold; the message says which and with what numbers.</summary>
public sealed class ClaimFailedException(string message) : Exception("claim failed: " + message);

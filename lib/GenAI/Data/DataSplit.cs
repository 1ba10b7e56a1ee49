namespace GenAI.Data;

/// <summary>The three parts of a data set: fit on Train, choose settings on Validation, report on Test once.</summary>
public sealed record DataSplit<T>(T Train, T Validation, T Test);

/// <summary>
/// Shares of a data set held out for validation and test; the rest is for training.
/// Sizes are rounded to whole examples: validation = round(n * Validation), test = round(n * Test).
/// </summary>
public sealed record SplitFractions(double Validation = 0.1, double Test = 0.1)
{
    /// <summary>80 % train, 10 % validation, 10 % test.</summary>
    public static SplitFractions Default { get; } = new();

    /// <summary>Number of examples in each part for a data set of <paramref name="count"/> examples.</summary>
    public (long Train, long Validation, long Test) Sizes(long count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A data set cannot have a negative size.");
        if (!(Validation >= 0 && Test >= 0 && Validation + Test <= 1))
            throw new ArgumentOutOfRangeException(nameof(Validation),
                $"Split fractions must be non-negative and add up to at most 1 (validation {Validation}, test {Test}).");
        long validation = (long)Math.Round(count * Validation, MidpointRounding.AwayFromZero);
        long test = (long)Math.Round(count * Test, MidpointRounding.AwayFromZero);
        // Rounding both up can overshoot by one; the test part gives way.
        test = Math.Min(test, count - validation);
        return (count - validation - test, validation, test);
    }
}

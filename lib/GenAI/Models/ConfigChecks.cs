namespace GenAI.Models;

/// <summary>The checks config records' <c>Validate()</c> share: each names the record, the field and the value it rejects.</summary>
internal static class ConfigChecks
{
    public static void AtLeast(string record, string field, long value, long min)
    {
        if (value < min) throw new ArgumentException($"{record}.{field} must be at least {min}; got {value}.", field);
    }

    /// <summary>A probability such as a dropout rate: 0 &lt;= value &lt; 1.</summary>
    public static void Probability(string record, string field, double value)
    {
        if (!(value >= 0 && value < 1)) throw new ArgumentException($"{record}.{field} must be in [0, 1); got {value}.", field);
    }

    public static void FiniteNonNegative(string record, string field, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value)) throw new ArgumentException($"{record}.{field} must be a finite number of at least 0; got {value}.", field);
    }
}

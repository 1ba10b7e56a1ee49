namespace GenAI.Models;

/// <summary>The checks config records' <c>Validate()</c> share: each names the record, the field and the value it rejects.</summary>
internal static class ConfigChecks
{
    public static void AtLeast(string record, string field, long value, long min)
    {
        if (value < min) throw new ArgumentException($"{record}.{field} must be at least {min}; got {value}.", field);
    }

    /// <summary>As <see cref="AtLeast(string, string, long, long)"/>, the message saying what a value means, e.g. "0 = a tenth of the steps".</summary>
    public static void AtLeast(string record, string field, long value, long min, string meaning)
    {
        if (value < min) throw new ArgumentException($"{record}.{field} must be at least {min} ({meaning}); got {value}.", field);
    }

    /// <summary>A rate or a scale such as a learning rate: finite and above 0.</summary>
    public static void Positive(string record, string field, double value)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new ArgumentException($"{record}.{field} must be a finite number above 0; got {value}.", field);
    }

    /// <summary>A share that must not be empty, such as the masking rate of masked language modelling: 0 &lt; value &lt;= 1.</summary>
    public static void PositiveShare(string record, string field, double value)
    {
        if (!(value > 0 && value <= 1)) throw new ArgumentException($"{record}.{field} must be in (0, 1]; got {value}.", field);
    }

    /// <summary>
    /// The checks that training recipes with the fields Steps, BatchSize and LearningRate share (<see cref="MaskedLmTraining"/>,
    /// <see cref="TextToTextTraining"/>): at least one step, at least one example a step, a finite learning rate above 0.
    /// Each message names the record and the field.
    /// </summary>
    public static void StepsBatchAndLearningRate(string record, int steps, int batchSize, double learningRate)
    {
        AtLeast(record, "Steps", steps, 1);
        AtLeast(record, "BatchSize", batchSize, 1);
        Positive(record, "LearningRate", learningRate);
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

namespace GenAI.Exercises;

/// <summary>What a checker found: the learner's code matches the reference, is not written yet, or differs.</summary>
public enum ExerciseOutcome { Passed, NotDone, Wrong }

/// <summary>
/// The verdict on one exercise, as the line the notebook prints: a pass, a friendly "not done yet", or a hint
/// that names the first input on which the learner's answer differs and how (shape, dtype, value).
/// </summary>
public sealed record ExerciseResult(string Task, ExerciseOutcome Outcome, string Message)
{
    public bool Passed => Outcome == ExerciseOutcome.Passed;

    public override string ToString() => Outcome switch
    {
        ExerciseOutcome.Passed => $"✓ {Task}: passed. {Message}",
        ExerciseOutcome.NotDone => $"… {Task}: not done yet. {Message}",
        _ => $"✗ {Task}: not yet right. {Message}",
    };
}

/// <summary>
/// Thrown when the runner filled in the reference solutions (<c>--solutions</c>) and a checker still rejects one:
/// then the checker, or the solution, is wrong, and the cell must fail.
/// </summary>
public sealed class ExerciseRejectedException(ExerciseResult result)
    : Exception($"the reference solution was rejected by its own checker: {result}")
{
    public ExerciseResult Result { get; } = result;
}

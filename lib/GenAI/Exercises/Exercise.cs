using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>
/// Runs a learner's function on fixed and random inputs against the reference and prints one line: a pass,
/// "not done yet" while the stub still throws <see cref="NotImplementedException"/>, or a hint naming the first
/// input on which the answer differs, how it differs, and which typical mistake it looks like. A checker never
/// throws at the learner, so the notebook goes on whatever the exercise cell holds.
/// <para>
/// The headless runner's <c>--solutions</c> option fills every exercise cell with its reference solution and sets
/// <see cref="SolutionsVariable"/>; then a rejection throws <see cref="ExerciseRejectedException"/>, so CI proves
/// that each checker accepts the solution written in its notebook.
/// </para>
/// </summary>
public static class Exercise
{
    /// <summary>Set to 1 by the runner's <c>--solutions</c>: a checker that rejects an answer then fails the cell.</summary>
    public const string SolutionsVariable = "GENAI_EXERCISE_SOLUTIONS";

    public static bool SolutionsFilledIn => Environment.GetEnvironmentVariable(SolutionsVariable) == "1";

    /// <summary>Checks <paramref name="learner"/> against <paramref name="reference"/> on every case and reports.</summary>
    /// <param name="task">What the learner writes, as the report names it ("softmax over the last axis").</param>
    /// <param name="compare">Null when the two outputs agree, otherwise how they differ (see <see cref="Answers"/>).</param>
    /// <param name="mistakes">Typical wrong answers; the hint names the one the learner's output equals.</param>
    public static ExerciseResult Check<TInput, TOutput>(
        string task,
        Func<TInput, TOutput> learner,
        Func<TInput, TOutput> reference,
        Func<TOutput, TOutput, string?> compare,
        IReadOnlyList<ExerciseCase<TInput>> cases,
        IReadOnlyList<ExerciseMistake<TInput, TOutput>>? mistakes = null)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (cases.Count == 0) throw new ArgumentException("a checker needs at least one input", nameof(cases));
        var result = Evaluate(task, learner, reference, compare, cases, mistakes ?? []);
        Console.WriteLine(result);
        if (!result.Passed && SolutionsFilledIn) throw new ExerciseRejectedException(result);
        return result;
    }

    static ExerciseResult Evaluate<TInput, TOutput>(
        string task,
        Func<TInput, TOutput> learner,
        Func<TInput, TOutput> reference,
        Func<TOutput, TOutput, string?> compare,
        IReadOnlyList<ExerciseCase<TInput>> cases,
        IReadOnlyList<ExerciseMistake<TInput, TOutput>> mistakes)
    {
        foreach (var c in cases)
        {
            using var scope = NewDisposeScope();
            var expected = reference(c.Make());
            TOutput actual;
            try
            {
                actual = learner(c.Make());
            }
            catch (NotImplementedException)
            {
                return new ExerciseResult(task, ExerciseOutcome.NotDone,
                    "Replace the line `throw new NotImplementedException();` with your code, then run the cell and this check again.");
            }
            catch (Exception e)
            {
                return new ExerciseResult(task, ExerciseOutcome.Wrong,
                    $"On {c.Description}, your code threw {e.GetType().Name}: {e.Message}");
            }
            var difference = compare(expected, actual);
            if (difference is null) continue;
            var hint = mistakes.FirstOrDefault(m => LooksLike(m, c, actual, compare));
            return new ExerciseResult(task, ExerciseOutcome.Wrong,
                $"On {c.Description}, {difference}." + (hint is null ? "" : $" Hint: {hint.Hint}"));
        }
        return new ExerciseResult(task, ExerciseOutcome.Passed, $"It agrees with the reference on all {cases.Count} inputs.");
    }

    static bool LooksLike<TInput, TOutput>(ExerciseMistake<TInput, TOutput> mistake, ExerciseCase<TInput> c, TOutput actual,
        Func<TOutput, TOutput, string?> compare)
    {
        try
        {
            return compare(mistake.Answer(c.Make()), actual) is null;
        }
        catch (Exception)
        {
            return false; // a mistake that cannot even run on this input is not the one the learner made
        }
    }
}

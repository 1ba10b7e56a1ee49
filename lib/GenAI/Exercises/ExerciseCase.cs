namespace GenAI.Exercises;

/// <summary>
/// One input a checker tries, with the words a hint uses for it ("a 2x3 matrix with a row of zeros").
/// <see cref="Make"/> builds a fresh input for each call, so a learner's function that changes its argument
/// in place cannot change what the reference sees.
/// </summary>
public sealed record ExerciseCase<TInput>(string Description, Func<TInput> Make);

/// <summary>
/// A typical wrong answer the checker recognises. When the learner's output equals the mistake's output on the
/// failing input, the hint says which mistake it looks like ("this is what a softmax over the rows gives").
/// </summary>
public sealed record ExerciseMistake<TInput, TOutput>(string Hint, Func<TInput, TOutput> Answer);

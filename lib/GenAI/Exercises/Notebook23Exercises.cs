using GenAI.Agents;

namespace GenAI.Exercises;

/// <summary>Notebook 23's exercise: the majority vote of self-consistency.</summary>
public static class Notebook23Exercises
{
    /// <summary>
    /// The most frequent answer among k samples: answers that could not be read (null) do not vote, answers are
    /// compared after trimming spaces, and a tie goes to the answer seen first; null when no sample has an answer.
    /// The reference is the library's own <see cref="SelfConsistency.MajorityVote"/>, which the notebook's vote uses.
    /// </summary>
    public static ExerciseResult CheckMajorityVote(Func<IReadOnlyList<string?>, string?> majorityVote) =>
        Exercise.Check("the majority vote", majorityVote, answers => SelfConsistency.MajorityVote(answers).Answer,
            (expected, actual) => Answers.Strings(expected!, actual!), Cases, Mistakes);

    static readonly ExerciseCase<IReadOnlyList<string?>>[] Cases =
    [
        new("the answers [null, null, null, \"12\", \"15\", \"12\"] (\"12\": nulls do not vote)", () => [null, null, null, "12", "15", "12"]),
        new("the answers [\" 7\", \"9\", \"7 \", \"9\"] (\"7\": spaces trimmed, the tie goes to the first seen)", () => [" 7", "9", "7 ", "9"]),
        new("the answers [\"9\", \"7\", \"7\", \"9\", null] (\"9\": the tie goes to the first seen)", () => ["9", "7", "7", "9", null]),
        new("the answers [null, null] (null: no sample could be read)", () => [null, null]),
        new("11 random answers among \"1\", \"2\", \"3\" and null (seed 1)",
            () => ExerciseInputs.Integers(1, 4, 11).data<long>().Select(v => v == 0 ? null : v.ToString()).ToArray()),
    ];

    static readonly ExerciseMistake<IReadOnlyList<string?>, string?>[] Mistakes =
    [
        new("the unreadable samples (null) voted: skip them before counting.",
            answers => answers.Select(a => a?.Trim()).GroupBy(a => a ?? "\0").OrderByDescending(g => g.Count()).First().First()),
        new("the answers were not trimmed: \" 7\" and \"7 \" are the same answer, compare a.Trim().",
            answers => answers.Where(a => a is not null).GroupBy(a => a!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault()),
        new("the tie went to the answer that sorts first: it goes to the answer seen first among the samples.",
            answers => answers.Where(a => a is not null).GroupBy(a => a!.Trim()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).FirstOrDefault()),
    ];
}

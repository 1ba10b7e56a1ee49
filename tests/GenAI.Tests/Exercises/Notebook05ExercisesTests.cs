using GenAI.Exercises;
using static TorchSharp.torch;

namespace GenAI.Tests.Exercises;

public sealed class Notebook05ExercisesTests
{
    [Fact]
    public void The_reference_gives_the_hand_worked_rows_and_passes()
    {
        // Counts [[0, 1], [2, 2]], plus 0.5 each: [0.5, 1.5] / 2 and [2.5, 2.5] / 5.
        var p = Notebook05Exercises.BigramProbabilities(tensor(new long[] { 0, 1, 1, 1, 1 }), tensor(new long[] { 1, 1, 1, 0, 0 }), 2, 0.5);
        Assert.True(p.allclose(tensor(new float[] { 0.25f, 0.75f, 0.5f, 0.5f }, [2, 2])));
        Assert.True(Notebook05Exercises.CheckBigramProbabilities(Notebook05Exercises.BigramProbabilities).Passed);
    }

    [Theory]
    [InlineData("columns", "this normalises the columns")]
    [InlineData("k-numerator-only", "add α to every count before you divide")]
    [InlineData("transposed", "rows and columns swapped")]
    [InlineData("no-smoothing", "without smoothing")]
    public void Typical_mistakes_are_rejected_with_their_hint(string mistake, string hint)
    {
        Tensor Answer(Tensor current, Tensor next, int V, double k)
        {
            var counts = zeros(V, V);
            var (rows, columns) = mistake == "transposed" ? (next, current) : (current, next);
            counts.index_put_(ones(rows.shape[0]), [rows, columns], accumulate: true);
            var smoothed = mistake == "no-smoothing" ? counts : counts + k;
            return mistake switch
            {
                "columns" => smoothed / smoothed.sum(0, keepdim: true),
                "k-numerator-only" => smoothed / counts.sum(1, keepdim: true),
                _ => smoothed / smoothed.sum(1, keepdim: true),
            };
        }
        var result = Notebook05Exercises.CheckBigramProbabilities(Answer);
        Assert.Equal(ExerciseOutcome.Wrong, result.Outcome);
        Assert.StartsWith("On V = 3, the pairs 0→1, 0→1, 0→2, 1→0, 2→0 and α = 1", result.Message);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Returning_the_counts_names_the_dtype()
    {
        var result = Notebook05Exercises.CheckBigramProbabilities((current, next, V, k) =>
            bincount(current * V + next, minlength: V * V).view(V, V));
        Assert.Equal("On V = 3, the pairs 0→1, 0→1, 0→2, 1→0, 2→0 and α = 1 (row 0: counts [0, 2, 1], so [1, 3, 2] / 6), the dtype is Int64, expected Float32.", result.Message);
    }
}

using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 05's exercise: a bigram model's probability table from the pairs, with add-k smoothing.</summary>
public static class Notebook05Exercises
{
    /// <summary>
    /// P [V, V], float32, with P[i, j] = (N_ij + α) / Σ_j' (N_ij' + α), where N_ij counts the n with current[n] = i
    /// and next[n] = j (two int64 [N] tensors of token ids) and α (add-k smoothing) is the pseudo-count.
    /// </summary>
    public static ExerciseResult CheckBigramProbabilities(Func<Tensor, Tensor, int, double, Tensor> bigramProbabilities) =>
        Exercise.Check("the smoothed bigram probabilities", (Pairs p) => bigramProbabilities(p.Current, p.Next, p.VocabSize, p.K),
            p => BigramProbabilities(p.Current, p.Next, p.VocabSize, p.K),
            (expected, actual) => Answers.Tensors(expected, actual, rtol: 1e-5, atol: 1e-6), Cases, Mistakes);

    /// <summary>The reference: the library's <see cref="CountBigram.Fit(Tensor, Tensor, int, double)"/>, its probabilities.</summary>
    public static Tensor BigramProbabilities(Tensor current, Tensor next, int vocabSize, double k)
    {
        using var model = CountBigram.Fit(current, next, vocabSize, k);
        return model.Probabilities.clone();
    }

    /// <summary>One input of the checker: the pairs current[n] → next[n], the vocabulary size V and α.</summary>
    public sealed record Pairs(Tensor Current, Tensor Next, int VocabSize, double K);

    static Tensor Ids(params long[] ids) => tensor(ids);

    static readonly ExerciseCase<Pairs>[] Cases =
    [
        new("V = 3, the pairs 0→1, 0→1, 0→2, 1→0, 2→0 and α = 1 (row 0: counts [0, 2, 1], so [1, 3, 2] / 6)",
            () => new(Ids(0, 0, 0, 1, 2), Ids(1, 1, 2, 0, 0), 3, 1.0)),
        new("V = 2, the pairs 0→1, 1→1, 1→1, 1→0, 1→0 and α = 0.5 (rows [0.25, 0.75] and [0.5, 0.5])",
            () => new(Ids(0, 1, 1, 1, 1), Ids(1, 1, 1, 0, 0), 2, 0.5)),
        new("V = 6, 200 random pairs and α = 0.1 (seed 1)",
            () => new(ExerciseInputs.Integers(1, 6, 200), ExerciseInputs.Integers(2, 6, 200), 6, 0.1)),
    ];

    static Tensor Counts(Pairs p, bool transposed = false)
    {
        var (rows, columns) = transposed ? (p.Next, p.Current) : (p.Current, p.Next);
        return bincount(rows * p.VocabSize + columns, minlength: (long)p.VocabSize * p.VocabSize)
            .view(p.VocabSize, p.VocabSize).to(ScalarType.Float32);
    }

    static readonly ExerciseMistake<Pairs, Tensor>[] Mistakes =
    [
        new("this normalises the columns: P[i, j] is P(next = j | current = i), so each row (dimension 1) sums to 1.",
            p => { var s = Counts(p) + p.K; return s / s.sum(0, keepdim: true); }),
        new("the rows do not sum to 1: add α to every count before you divide by the row's total, so the total grows by α·V.",
            p => { var n = Counts(p); return (n + p.K) / n.sum(1, keepdim: true); }),
        new("this is the table with rows and columns swapped: row i counts what comes after token i, so the cell of a pair is [current, next].",
            p => { var s = Counts(p, transposed: true) + p.K; return s / s.sum(1, keepdim: true); }),
        new("this is the table without smoothing: add the pseudo-count α to every cell first.",
            p => { var n = Counts(p); return n / n.sum(1, keepdim: true); }),
    ];
}

using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 00's exercise: reductions along a dimension, with keepdim and broadcasting.</summary>
public static class Notebook00Exercises
{
    /// <summary>
    /// Standardise every column of a [rows, columns] matrix: subtract the column's mean and divide by its
    /// population standard deviation (divide by the number of rows), so each column has mean 0 and std 1.
    /// </summary>
    public static ExerciseResult CheckStandardiseColumns(Func<Tensor, Tensor> standardiseColumns) =>
        Exercise.Check("standardise the columns", standardiseColumns, StandardiseColumns,
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);

    /// <summary>The reference solution.</summary>
    public static Tensor StandardiseColumns(Tensor x) =>
        (x - x.mean([0], keepdim: true)) / x.std(0, unbiased: false, keepdim: true);

    static readonly ExerciseCase<Tensor>[] Cases =
    [
        new("the 3x2 matrix [[1, 10], [2, 20], [3, 30]]", () => tensor(new float[] { 1, 10, 2, 20, 3, 30 }, [3, 2])),
        new("a 2x3 matrix [[0, 4, 1], [2, 0, 3]] (more columns than rows)", () => tensor(new float[] { 0, 4, 1, 2, 0, 3 }, [2, 3])),
        new("a random 50x4 matrix (seed 1)", () => ExerciseInputs.Normal(1, 50, 4) * 3 + 5),
    ];

    static readonly ExerciseMistake<Tensor, Tensor>[] Mistakes =
    [
        new("this is what standardising the rows gives: the column statistics reduce over dimension 0, the rows.",
            x => (x - x.mean([1], keepdim: true)) / x.std(1, unbiased: false, keepdim: true)),
        new("this is what the unbiased standard deviation (divide by rows - 1) gives: pass unbiased: false.",
            x => (x - x.mean([0], keepdim: true)) / x.std(0, unbiased: true, keepdim: true)),
        new("the columns are centred but not divided by their standard deviation.",
            x => x - x.mean([0], keepdim: true)),
        new("this divides by the standard deviation without subtracting the mean first.",
            x => x / x.std(0, unbiased: false, keepdim: true)),
    ];
}

using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 01's exercise: one epoch of the perceptron rule, one example at a time.</summary>
public static class Notebook01Exercises
{
    /// <summary>
    /// One pass of the perceptron rule over the rows of x [n, d] with labels y [n] in {-1, +1}, from w = 0, b = 0:
    /// for each example in order, if y (w·x + b) ≤ 0 then w ← w + y x and b ← b + y (learning rate 1).
    /// The learner returns the final (w [d], b [1]).
    /// </summary>
    public static ExerciseResult CheckPerceptronEpoch(Func<Tensor, Tensor, (Tensor W, Tensor B)> perceptronEpoch) =>
        Exercise.Check("one perceptron epoch", (Examples e) => perceptronEpoch(e.X, e.Y), e => PerceptronEpoch(e.X, e.Y),
            Compare, Cases, Mistakes);

    /// <summary>The reference: the library's <see cref="Perceptron.TrainEpoch"/> from w = 0, b = 0.</summary>
    public static (Tensor W, Tensor B) PerceptronEpoch(Tensor x, Tensor y)
    {
        using var perceptron = new Perceptron((int)x.shape[1], x.device);
        perceptron.TrainEpoch(x, y);
        return (perceptron.Weight.detach().clone(), perceptron.Bias.detach().clone());
    }

    /// <summary>The examples of one case.</summary>
    public sealed record Examples(Tensor X, Tensor Y);

    static string? Compare((Tensor W, Tensor B) expected, (Tensor W, Tensor B) actual)
    {
        var w = Answers.Tensors(expected.W, actual.W);
        if (w is not null) return "for w " + w;
        var b = Answers.Tensors(expected.B, actual.B);
        return b is null ? null : "for b " + b;
    }

    static Examples Xor() => new(tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, [4, 2]), tensor(new float[] { -1, 1, 1, -1 }));

    static readonly ExerciseCase<Examples>[] Cases =
    [
        new("XOR, the four corners (0,0) (0,1) (1,0) (1,1) with labels -1, +1, +1, -1 (w = (0, 0), b = 0 after the epoch)", Xor),
        new("the three examples (1,2) +1, (2,1) +1, (-1,-1) -1 (w = (1, 2), b = 1 after the epoch)",
            () => new(tensor(new float[] { 1, 2, 2, 1, -1, -1 }, [3, 2]), tensor(new float[] { 1, 1, -1 }))),
        new("20 random points in 3 dimensions labelled by the sign of x0 + x1 - x2 (seed 1)", () =>
        {
            var x = ExerciseInputs.Normal(1, 20, 3);
            var s = x.select(1, 0) + x.select(1, 1) - x.select(1, 2);
            return new(x, where(s.gt(0), ones_like(s), -ones_like(s)));
        }),
    ];

    /// <summary>The rule written with a test and the update to apply when it holds; w, b start at 0.</summary>
    static (Tensor W, Tensor B) Rule(Examples e, Func<float, bool> update, float sign = 1, bool bias = true)
    {
        var w = zeros(e.X.shape[1]);
        var b = zeros(1);
        for (long n = 0; n < e.X.shape[0]; n++)
        {
            var (xn, yn) = (e.X[n], e.Y[n]);
            var margin = (yn * (xn.dot(w) + b)).item<float>();
            if (!update(margin)) continue;
            w = w + sign * yn * xn;
            if (bias) b = b + sign * yn;
        }
        return (w, b);
    }

    static readonly ExerciseMistake<Examples, (Tensor W, Tensor B)>[] Mistakes =
    [
        new("this is what updating only when y (w·x + b) < 0 gives: from w = 0, b = 0 every score is 0, so nothing ever changes. A point on the line (y s = 0) is a mistake too: test y (w·x + b) <= 0.",
            e => Rule(e, m => m < 0)),
        new("this is what the update with the wrong sign gives: a mistake moves the line towards the example, w + y x and b + y.",
            e => Rule(e, m => m <= 0, sign: -1)),
        new("w is right but b never moves: a mistake also updates the bias, b + y.",
            e => Rule(e, m => m <= 0, bias: false)),
        new("this is what updating on every example gives: the rule only changes w and b after a mistake, y (w·x + b) <= 0.",
            e => Rule(e, _ => true)),
    ];
}

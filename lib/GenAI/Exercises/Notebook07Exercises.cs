using GenAI.Models;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 07's exercise: one step of the GRU cell, in PyTorch's layout.</summary>
public static class Notebook07Exercises
{
    /// <summary>
    /// One GRU step for a batch: x [B, I], h [B, H], W_ih [3H, I], W_hh [3H, H], b_ih and b_hh [3H], the gate blocks
    /// stacked in PyTorch's order (r, z, n): r = σ(W_ir x + b_ir + W_hr h + b_hr), z likewise,
    /// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 - z) ⊙ n + z ⊙ h. The learner returns h' [B, H].
    /// </summary>
    public static ExerciseResult CheckGruStep(Func<Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor> gruStep) =>
        Exercise.Check("one GRU step", (Step s) => gruStep(s.X, s.H, s.WIh, s.WHh, s.BIh, s.BHh),
            s => GruStep(s.X, s.H, s.WIh, s.WHh, s.BIh, s.BHh), (expected, actual) => Answers.Tensors(expected, actual, rtol: 1e-5, atol: 1e-6),
            Cases, Mistakes);

    /// <summary>The reference: the library's <see cref="RecurrentCells.Gru"/>, its new hidden state.</summary>
    public static Tensor GruStep(Tensor x, Tensor h, Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) =>
        RecurrentCells.Gru(x, h, wIh, wHh, bIh, bHh).H;

    /// <summary>One input of the checker: the step's input, the previous state and the layer's parameters.</summary>
    public sealed record Step(Tensor X, Tensor H, Tensor WIh, Tensor WHh, Tensor BIh, Tensor BHh);

    static Tensor F(float[] values, params long[] shape) => tensor(values, shape);

    static readonly ExerciseCase<Step>[] Cases =
    [
        new("all weights and biases 0, x = [[1, 2]], h = [[1, -2, 4]] (r = z = σ(0) = 1/2 and n = 0, so h' = h / 2 = [[0.5, -1, 2]])",
            () => new(F([1, 2], 1, 2), F([1, -2, 4], 1, 3), zeros(9, 2), zeros(9, 3), zeros(9), zeros(9))),
        new("one unit, x = [[1]], h = [[0.5]], W_ih = [0, 2, 1] (r, z, n), W_hh = [0, 0, 1], b_ih = 0, b_hh = [0, 0, 1] (r = 1/2, z = σ(2), n = tanh(1 + 0.5 · (0.5 + 1)) = tanh(1.75), h' = 0.552613)",
            () => new(F([1], 1, 1), F([0.5f], 1, 1), F([0, 2, 1], 3, 1), F([0, 0, 1], 3, 1), zeros(3), F([0, 0, 1], 3))),
        new("a random batch of 3, 4 inputs, 5 units (seed 1)", () =>
        {
            var r = ExerciseInputs.Normal(1, 3 * 4 + 3 * 5 + 15 * 4 + 15 * 5 + 15 + 15);
            int at = 0;
            Tensor Take(params long[] shape)
            {
                long n = shape.Aggregate(1L, (a, b) => a * b);
                var t = r.narrow(0, at, n).reshape(shape);
                at += (int)n;
                return t;
            }
            return new(Take(3, 4), Take(3, 5), Take(15, 4) * 0.5, Take(15, 5) * 0.5, Take(15), Take(15));
        }),
    ];

    /// <summary>The step written out with the variations the mistakes need.</summary>
    static Tensor Written(Step s, bool resetBefore = false, bool swapMix = false, bool zFirst = false, bool tanh = true)
    {
        var gi = nn.functional.linear(s.X, s.WIh, s.BIh).chunk(3, 1);
        var gh = nn.functional.linear(s.H, s.WHh, s.BHh).chunk(3, 1);
        var (ri, zi) = zFirst ? (1, 0) : (0, 1);
        var r = (gi[ri] + gh[ri]).sigmoid();
        var z = (gi[zi] + gh[zi]).sigmoid();
        var H = s.H.shape[1];
        var hidden = resetBefore
            ? nn.functional.linear(r * s.H, s.WHh.narrow(0, 2 * H, H), s.BHh.narrow(0, 2 * H, H))
            : r * gh[2];
        var pre = gi[2] + hidden;
        var n = tanh ? pre.tanh() : pre;
        return swapMix ? z * n + (1 - z) * s.H : (1 - z) * n + z * s.H;
    }

    static readonly ExerciseMistake<Step, Tensor>[] Mistakes =
    [
        new("this is the classic GRU, W_hn (r ⊙ h) + b_hn: PyTorch's (reset_after) multiplies r with the whole W_hn h + b_hn, bias included.",
            s => Written(s, resetBefore: true)),
        new("z mixes the other way round: h' = (1 - z) ⊙ n + z ⊙ h, so z near 1 keeps the old state.",
            s => Written(s, swapMix: true)),
        new("the gates are taken in the wrong order: PyTorch stacks the blocks as (r, z, n), so chunk(3, 1) gives r first, then z.",
            s => Written(s, zFirst: true)),
        new("the candidate n is missing its tanh.",
            s => Written(s, tanh: false)),
    ];
}

using GenAI.Adaptation;
using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 12's exercise: the int8 round trip of a weight matrix with absmax scales per output channel.</summary>
public static class Notebook12Exercises
{
    /// <summary>
    /// Ŵ = s · round(W / s) for a weight [out, in], with one scale per row s_o = max_i |W_oi| / 127: what the
    /// forward pass of an int8-stored layer multiplies by.
    /// </summary>
    public static ExerciseResult CheckInt8RoundTrip(Func<Tensor, Tensor> int8RoundTrip) =>
        Exercise.Check("the int8 round trip of a weight", int8RoundTrip, Int8RoundTrip,
            (expected, actual) => Answers.Tensors(expected, actual, rtol: 1e-5, atol: 1e-6), Cases, Mistakes);

    /// <summary>The reference solution: the library's <see cref="Int8Weight.Quantize"/> then <see cref="Int8Weight.Dequantize"/>.</summary>
    public static Tensor Int8RoundTrip(Tensor weight)
    {
        using var quantized = Int8Weight.Quantize(weight);
        return quantized.Dequantize();
    }

    static readonly ExerciseCase<Tensor>[] Cases =
    [
        // Row 0: absmax 127, s = 1, so Ŵ = round(W) = [127, -63, 10]. Row 1: absmax 2.54, s = 0.02: W / s = [127, -50, 0] exactly.
        new("the 2x3 weight [[127, -63.2, 10.4], [2.54, -1, 0]]", () => tensor(new float[] { 127, -63.2f, 10.4f, 2.54f, -1, 0 }, [2, 3])),
        // absmax 1.27, s = 0.01: W / s = [-127, 33.3, 66.6] rounds to [-127, 33, 67].
        new("the 1x3 weight [[-1.27, 0.333, 0.666]]", () => tensor(new float[] { -1.27f, 0.333f, 0.666f }, [1, 3])),
        new("a random 8x16 weight (seed 12)", () => ExerciseInputs.Normal(12, 8, 16) * 0.1),
    ];

    static Tensor RoundTrip(Tensor w, Tensor scale, Func<Tensor, Tensor> round) => round(w.div(scale)).clamp(-127, 127).mul(scale);

    static readonly ExerciseMistake<Tensor, Tensor>[] Mistakes =
    [
        new("this uses one scale for the whole matrix (max |W| over all weights); each output channel, a row, has its own: amax over dimension 1 with keepdim.",
            w => RoundTrip(w, w.abs().max().div(127), t => t.round())),
        new("this takes the scales per column (dimension 0); the output channels are the rows, so reduce over dimension 1.",
            w => RoundTrip(w, w.abs().amax([0], keepdim: true).div(127), t => t.round())),
        new("the scale divides by 128 or 255; symmetric int8 uses the range [-127, 127], so s = max |W| / 127.",
            w => RoundTrip(w, w.abs().amax([1], keepdim: true).div(128), t => t.round())),
        new("the values are truncated toward zero instead of rounded to the nearest step: use round().",
            w => RoundTrip(w, w.abs().amax([1], keepdim: true).div(127), t => t.trunc())),
        new("this returns the int8 steps q = round(W / s), not the dequantised weight s · q.",
            w => w.div(w.abs().amax([1], keepdim: true).div(127)).round()),
    ];
}

using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 16's exercise: the reconstruction error of each image, the number anomaly detection thresholds.</summary>
public static class Notebook16Exercises
{
    /// <summary>
    /// e_n = 1/P Σ_p (x̂_np − x_np)²: reconstructions and targets [N, C, H, W] (or [N, features]) to one mean squared
    /// error per image [N], averaged over its P = C·H·W pixels.
    /// </summary>
    public static ExerciseResult CheckReconstructionError(Func<Tensor, Tensor, Tensor> reconstructionError)
    {
        ArgumentNullException.ThrowIfNull(reconstructionError);
        return Exercise.Check("the reconstruction error per image", (Pair x) => reconstructionError(x.Reconstruction, x.Target),
            x => ReconstructionError(x.Reconstruction, x.Target), (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);
    }

    /// <summary>
    /// The reference solution, as <c>Autoencoder.ReconstructionError</c> computes it after its forward pass: libtorch's
    /// <c>mse_loss</c> without reduction, then the mean over every dimension but the first.
    /// </summary>
    public static Tensor ReconstructionError(Tensor reconstruction, Tensor target) =>
        nn.functional.mse_loss(reconstruction, target, reduction: nn.Reduction.None).flatten(1).mean([1]);

    /// <summary>One input: the decoder's output and the image it should reproduce.</summary>
    public sealed record Pair(Tensor Reconstruction, Tensor Target);

    static readonly ExerciseCase<Pair>[] Cases =
    [
        // Image 0: differences [1, 0, 0, 1] → (1 + 0 + 0 + 1) / 4 = 0.5. Image 1: differences [2, −2, 0, 0] → 8 / 4 = 2
        // (its signed mean is 0 and its mean |d| is 1, so neither passes for the squared error).
        new("2 images of 1x2x2 pixels, reconstructions [[1, 0, 0, 1], [2, -2, 0, 0]] against targets of zeros",
            () => new Pair(tensor(new float[] { 1, 0, 0, 1, 2, -2, 0, 0 }, [2, 1, 2, 2]), zeros(2, 1, 2, 2))),
        // One image, differences −0.5, 0.5, 0.5: mean of squares 0.25; a signed mean would give 1/6, a mean of |d| 0.5.
        new("1 image of 1x1x3 pixels, reconstruction [0, 1, 1] against target [0.5, 0.5, 0.5]",
            () => new Pair(tensor(new float[] { 0, 1, 1 }, [1, 1, 1, 3]), full(new long[] { 1, 1, 1, 3 }, 0.5f))),
        new("a random batch of 5 images 1x28x28 in [0, 1] against noisier copies (seed 16)", () =>
        {
            var target = ExerciseInputs.Normal(16, 5, 1, 28, 28).sigmoid();
            return new Pair((target + ExerciseInputs.Normal(17, 5, 1, 28, 28) * 0.1).clamp(0, 1), target);
        }),
    ];

    static Tensor Squared(Pair x) => (x.Reconstruction - x.Target).pow(2);

    static readonly ExerciseMistake<Pair, Tensor>[] Mistakes =
    [
        new("this is one number for the whole batch; anomaly detection needs one error per image: flatten(1), then the mean over dimension 1.",
            x => Squared(x).mean()),
        new("this is the sum of squared errors over each image's pixels; divide by the number of pixels (the mean, not the sum).",
            x => Squared(x).flatten(1).sum(1)),
        new("the differences are not squared: this is the mean of (x̂ − x), where errors of opposite sign cancel.",
            x => (x.Reconstruction - x.Target).flatten(1).mean([1])),
        new("this is the mean absolute error, |x̂ − x|; the reconstruction error here is the mean SQUARED error.",
            x => (x.Reconstruction - x.Target).abs().flatten(1).mean([1])),
        new("this averages over the batch (dimension 0) instead of over each image's pixels.",
            x => Squared(x).mean([0])),
    ];
}

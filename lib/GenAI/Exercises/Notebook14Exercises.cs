using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 14's exercise: 2 x 2 max pooling with stride 2 written as a reshape and a maximum.</summary>
public static class Notebook14Exercises
{
    /// <summary>
    /// 2 x 2 max pooling, stride 2, of images [B, C, H, W] with H and W even: [B, C, H/2, W/2], each value the
    /// maximum of one 2 x 2 window.
    /// </summary>
    public static ExerciseResult CheckMaxPool2x2(Func<Tensor, Tensor> maxPool2x2) =>
        Exercise.Check("2 x 2 max pooling", maxPool2x2, MaxPool2x2,
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);

    /// <summary>The reference solution: libtorch's own <c>max_pool2d</c> with kernel 2 and stride 2.</summary>
    public static Tensor MaxPool2x2(Tensor images) => nn.functional.max_pool2d(images, 2, 2);

    static readonly ExerciseCase<Tensor>[] Cases =
    [
        // Windows of 0..15 in a 4 x 4 grid: {0, 1, 4, 5} → 5, {2, 3, 6, 7} → 7, {8, 9, 12, 13} → 13, {10, 11, 14, 15} → 15.
        new("the 1x1x4x4 image with pixels 0, 1, ..., 15 row by row", () => arange(16f).reshape(1, 1, 4, 4)),
        // Height 2, width 6, two channels: channel 1 is channel 0 negated, so its maxima are the windows' minima negated.
        new("a 1x2x2x6 image, channel 0 = [[3, 1, 0, 2, 5, 4], [1, 2, 8, 0, 4, 6]] and channel 1 its negative",
            () => { var c = tensor(new float[] { 3, 1, 0, 2, 5, 4, 1, 2, 8, 0, 4, 6 }, [1, 1, 2, 6]); return cat([c, -c], 1); }),
        new("a random batch [3, 2, 6, 8] (seed 14)", () => ExerciseInputs.Normal(14, 3, 2, 6, 8)),
    ];

    static Tensor Split(Tensor x) => x.reshape(x.shape[0], x.shape[1], x.shape[2] / 2, 2, x.shape[3] / 2, 2);

    static readonly ExerciseMistake<Tensor, Tensor>[] Mistakes =
    [
        new("this is average pooling: take the maximum (amax) of each window, not the mean.",
            x => Split(x).mean([3, 5])),
        new("the reshape splits each axis the wrong way round, (2, H/2) instead of (H/2, 2), so a 'window' takes pixels H/2 apart: "
            + "reshape to [B, C, H/2, 2, W/2, 2] and take the maximum over dimensions 3 and 5.",
            x => x.reshape(x.shape[0], x.shape[1], 2, x.shape[2] / 2, 2, x.shape[3] / 2).amax([2, 4])),
        new("this pools the height only: the windows are 2 x 2, so reduce over both inner dimensions (3 and 5).",
            x => x.reshape(x.shape[0], x.shape[1], x.shape[2] / 2, 2, x.shape[3]).amax([3])),
    ];
}

using static TorchSharp.torch;

namespace GenAI.Exercises;

/// <summary>Notebook 15's exercise: cutting a batch of images into patch vectors, the input of a vision transformer.</summary>
public static class Notebook15Exercises
{
    /// <summary>
    /// Images [B, C, H, W] and a patch size P that divides H and W to patches [B, N, C·P·P], N = (H/P)(W/P) in raster
    /// order (row by row of the grid), each patch flattened channel by channel, then row by row inside the patch:
    /// the order in which a <c>Conv2d(C, D, P, stride: P)</c>'s weight [D, C, P, P] reads it.
    /// </summary>
    public static ExerciseResult CheckPatchify(Func<Tensor, int, Tensor> patchify)
    {
        ArgumentNullException.ThrowIfNull(patchify);
        return Exercise.Check("cutting images into patches", (Images x) => patchify(x.Pixels, x.P), x => Patchify(x.Pixels, x.P),
            (expected, actual) => Answers.Tensors(expected, actual), Cases, Mistakes);
    }

    /// <summary>The reference solution: libtorch's <c>unfold</c> (im2col) with kernel and stride P, patches to the middle.</summary>
    public static Tensor Patchify(Tensor images, int p) =>
        nn.functional.unfold(images, p, stride: p).transpose(1, 2);   // [B, C·P·P, N] -> [B, N, C·P·P]

    /// <summary>One input: images [B, C, H, W] and the patch size.</summary>
    public sealed record Images(Tensor Pixels, int P);

    static readonly ExerciseCase<Images>[] Cases =
    [
        // Patches of 0..15 in a 4 x 4 grid: [0, 1, 4, 5], [2, 3, 6, 7], [8, 9, 12, 13], [10, 11, 14, 15].
        new("the 1x1x4x4 image with pixels 0, 1, ..., 15 row by row, P = 2", () => new Images(arange(16f).reshape(1, 1, 4, 4), 2)),
        // A 2 x 4 image: a grid of 1 x 2 patches of 2 x 2. Channel 1 = channel 0 + 100, so each patch is [its 4 pixels, them + 100].
        new("a 1x2x2x4 image (channel 0 = 0..7, channel 1 = channel 0 + 100), P = 2",
            () => { var c = arange(8f).reshape(1, 1, 2, 4); return new Images(cat([c, c + 100], 1), 2); }),
        new("a random batch [2, 3, 6, 9] with P = 3 (seed 15)", () => new Images(ExerciseInputs.Normal(15, 2, 3, 6, 9), 3)),
    ];

    static Tensor Split(Images x)
    {
        long b = x.Pixels.shape[0], c = x.Pixels.shape[1], h = x.Pixels.shape[2], w = x.Pixels.shape[3];
        return x.Pixels.reshape(b, c, h / x.P, x.P, w / x.P, x.P);   // [B, C, rows, P, columns, P]
    }

    static Tensor Flat(Images x, Tensor t) => t.reshape(x.Pixels.shape[0], -1, x.Pixels.shape[1] * x.P * x.P);

    static readonly ExerciseMistake<Images, Tensor>[] Mistakes =
    [
        new("this reshapes without moving the axes: a 'patch' is then P·P consecutive pixels of a row, not a P x P block. "
            + "Split H and W into (H/P, P) and (W/P, P), then permute the two grid axes to the front before flattening.",
            x => Flat(x, x.Pixels)),
        new("the patches come column by column; raster order is row by row: the grid's row index goes before its column index.",
            x => Flat(x, Split(x).permute(0, 4, 2, 1, 3, 5))),
        new("each patch vector has the channel last (pixel by pixel, then channel); a Conv2d's weight [D, C, P, P] reads it channel first.",
            x => Flat(x, Split(x).permute(0, 2, 4, 3, 5, 1))),
        new("inside each patch the rows and columns are swapped (the patch is transposed): keep the order (row in patch, column in patch).",
            x => Flat(x, Split(x).permute(0, 2, 4, 1, 5, 3))),
    ];
}

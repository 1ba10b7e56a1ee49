using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Diffusion;

/// <summary>
/// Images in and out of the range a diffusion model works in. The forward process ends at N(0, I), so the data
/// should have a comparable scale: pixels in [0, 1] become [-1, 1] (x' = 2x - 1), and samples come back with
/// x = (x' + 1)/2 clipped to [0, 1].
/// </summary>
public static class DiffusionImages
{
    /// <summary>Images [N, C, H, W] with pixels in [0, 1] -> [-1, 1], resized to <paramref name="size"/> by area averaging if given.</summary>
    public static Tensor ToModelRange(Tensor images, int? size = null)
    {
        if (images.ndim != 4)
            throw new ArgumentException($"Expected images of shape [N, C, H, W]; got {ShapeText.Of(images)}. Flat rows can be viewed with .view(-1, 1, 28, 28).", nameof(images));
        if (size is { } s && s < 1)
            throw new ArgumentException($"size must be at least 1; got {s}.", nameof(size));
        using var scope = NewDisposeScope();
        var x = size is { } side && (images.shape[2] != side || images.shape[3] != side)
            ? nn.functional.interpolate(images, size: new long[] { side, side }, mode: InterpolationMode.Area)
            : images;
        return scope.MoveToOuter(x * 2 - 1);
    }

    /// <summary>Model-range images [N, C, H, W] -> pixels in [0, 1], resized (bilinear) to <paramref name="size"/> if given.</summary>
    public static Tensor ToPixels(Tensor images, int? size = null)
    {
        if (images.ndim != 4)
            throw new ArgumentException($"Expected images of shape [N, C, H, W]; got {ShapeText.Of(images)}.", nameof(images));
        using var scope = NewDisposeScope();
        var x = ((images + 1) / 2).clamp(0, 1);
        if (size is { } side && (x.shape[2] != side || x.shape[3] != side))
            x = nn.functional.interpolate(x, size: new long[] { side, side }, mode: InterpolationMode.Bilinear, align_corners: false).clamp(0, 1);
        return scope.MoveToOuter(x);
    }
}

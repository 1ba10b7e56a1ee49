namespace GenAI.Models;

/// <summary>The three padding conventions of a convolution with a k x k kernel.</summary>
public enum ConvPadding
{
    /// <summary>No padding (p = 0): the kernel only visits positions where it fits entirely; the output shrinks by k - 1.</summary>
    Valid,

    /// <summary>p = (k - 1) / 2 for an odd kernel: with stride 1 the output has the input's size; with stride s it has ceil(n / s).</summary>
    Same,

    /// <summary>p = k - 1: every position where the kernel overlaps the input by at least one pixel; the output grows by k - 1.</summary>
    Full,
}

/// <summary>
/// Sizes of convolution outputs and parameter counts, worked out with the formulas rather than by running a layer,
/// so that a network's shapes can be planned on paper. For one spatial dimension of size n, kernel k, stride s and
/// padding p on each side:
/// <list type="bullet">
/// <item>convolution: out = floor((n + 2p - k) / s) + 1;</item>
/// <item>transposed convolution: out = (n - 1) s - 2p + k + output_padding.</item>
/// </list>
/// The same numbers come out of TorchSharp's <c>nn.Conv2d</c> and <c>nn.ConvTranspose2d</c> (the tests check a grid of them).
/// </summary>
public static class ConvArithmetic
{
    /// <summary>Output size of a convolution (or pooling window): floor((n + 2p - k) / s) + 1.</summary>
    public static long OutputSize(long n, long k, long s = 1, long p = 0)
    {
        CheckSizes(n, k, s, p);
        if (n + 2 * p < k)
            throw new ArgumentException(
                $"The kernel does not fit: input size n = {n} with padding p = {p} on each side gives {n + 2 * p} positions, fewer than the kernel size k = {k}.",
                nameof(k));
        // out = floor((n + 2p - k) / s) + 1; n + 2p - k >= 0 here, so integer division is the floor.
        return (n + 2 * p - k) / s + 1;
    }

    /// <summary>Output size with a named padding convention; see <see cref="Padding"/> for the p it uses.</summary>
    public static long OutputSize(long n, long k, long s, ConvPadding padding) => OutputSize(n, k, s, Padding(padding, k));

    /// <summary>The padding p on each side for a convention: valid 0, same (k - 1) / 2 (odd k only), full k - 1.</summary>
    public static long Padding(ConvPadding padding, long k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "The kernel size k must be at least 1.");
        return padding switch
        {
            ConvPadding.Valid => 0,
            ConvPadding.Same when k % 2 == 1 => (k - 1) / 2,
            ConvPadding.Same => throw new ArgumentException(
                $"'Same' padding with an even kernel size k = {k} would need {k - 1} padding pixels split unevenly between the two sides; use an odd kernel.",
                nameof(k)),
            ConvPadding.Full => k - 1,
            _ => throw new ArgumentOutOfRangeException(nameof(padding), padding, "Unknown padding convention."),
        };
    }

    /// <summary>
    /// Output size of a transposed convolution: (n - 1) s - 2p + k + output_padding. A stride of 2 with k = 4, p = 1
    /// (or k = 3, p = 1, output_padding = 1) doubles the size. output_padding must be smaller than the stride, as in PyTorch.
    /// </summary>
    public static long TransposedOutputSize(long n, long k, long s = 1, long p = 0, long outputPadding = 0)
    {
        CheckSizes(n, k, s, p);
        if (outputPadding < 0 || outputPadding >= s)
            throw new ArgumentOutOfRangeException(nameof(outputPadding), outputPadding,
                $"output_padding must be at least 0 and smaller than the stride s = {s}.");
        // out = (n - 1) s - 2p + k + output_padding
        long size = (n - 1) * s - 2 * p + k + outputPadding;
        if (size < 1)
            throw new ArgumentException(
                $"The padding p = {p} removes more than the transposed convolution produces: (n - 1) s + k + output_padding = {size + 2 * p} minus 2p leaves {size}.",
                nameof(p));
        return size;
    }

    /// <summary>Parameters of a fully connected layer: in * out weights plus out biases.</summary>
    public static long LinearParameters(long inFeatures, long outFeatures, bool bias = true)
    {
        if (inFeatures < 1) throw new ArgumentOutOfRangeException(nameof(inFeatures), inFeatures, "Must be at least 1.");
        if (outFeatures < 1) throw new ArgumentOutOfRangeException(nameof(outFeatures), outFeatures, "Must be at least 1.");
        return inFeatures * outFeatures + (bias ? outFeatures : 0);
    }

    /// <summary>
    /// Parameters of a k x k convolution: out_channels * in_channels * k * k weights plus out_channels biases.
    /// Unlike a fully connected layer, the count does not depend on the image size: the kernel is shared by every position.
    /// </summary>
    public static long Conv2dParameters(long inChannels, long outChannels, long k, bool bias = true)
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), inChannels, "Must be at least 1.");
        if (outChannels < 1) throw new ArgumentOutOfRangeException(nameof(outChannels), outChannels, "Must be at least 1.");
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "The kernel size k must be at least 1.");
        return outChannels * inChannels * k * k + (bias ? outChannels : 0);
    }

    static void CheckSizes(long n, long k, long s, long p)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The input size n must be at least 1.");
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "The kernel size k must be at least 1.");
        if (s < 1) throw new ArgumentOutOfRangeException(nameof(s), s, "The stride s must be at least 1.");
        if (p < 0) throw new ArgumentOutOfRangeException(nameof(p), p, "The padding p cannot be negative.");
    }
}

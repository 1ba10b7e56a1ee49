using static TorchSharp.torch;

namespace GenAI.Transformers;

/// <summary>
/// Ways to tell attention where a token is. Attention itself is order-blind: permuting the tokens
/// permutes its outputs the same way. Learned positions are a plain <c>nn.Embedding(T_max, d)</c>
/// added to the token embeddings (as in <see cref="GenAI.Models.Gpt"/>); the two fixed schemes are here.
/// </summary>
public static class PositionalEncodings
{
    /// <summary>
    /// The sinusoidal table [length, d] of Vaswani et al. (2017):
    /// PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)).
    /// Low dimensions oscillate fast, high ones slowly, so every position gets a distinct pattern (the stripes of its heat map).
    /// </summary>
    public static Tensor Sinusoidal(int length, int d, Device? device = null)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "length must be at least 1.");
        if (d < 2 || d % 2 != 0) throw new ArgumentOutOfRangeException(nameof(d), d, "d must be even and at least 2 (sin/cos pairs).");
        using var scope = NewDisposeScope();
        var pos = arange(length, dtype: ScalarType.Float32, device: device).unsqueeze(1);       // [length, 1]
        var twoI = arange(0, d, 2, dtype: ScalarType.Float32, device: device);                    // 2i = 0, 2, 4, ...
        // angle = pos / 10000^(2i/d)
        var angle = pos / pow(10000.0, twoI / d).unsqueeze(0);                                      // [length, d/2]
        var pe = zeros(length, d, device: device);
        pe[TensorIndex.Colon, TensorIndex.Slice(0, null, 2)] = angle.sin();   // even dimensions
        pe[TensorIndex.Colon, TensorIndex.Slice(1, null, 2)] = angle.cos();   // odd dimensions
        return scope.MoveToOuter(pe);
    }

    /// <summary>
    /// Rotary position embedding (RoPE, Su et al., 2021) of x [..., T, hs], token t at position startPosition + t:
    /// each pair (x_2i, x_2i+1) is rotated by the angle pos * theta_i with theta_i = base^(-2i/hs).
    /// Applied to queries and keys (not values), q_m . k_n then depends on the positions only through m - n.
    /// </summary>
    public static Tensor Rotary(Tensor x, long startPosition = 0, double theta = 10000.0)
    {
        if (x.ndim < 2 || x.shape[^1] % 2 != 0)
            throw new ArgumentException($"RoPE needs x of shape [..., T, hs] with an even head size hs; got {ShapeText.Of(x)}.", nameof(x));
        if (startPosition < 0) throw new ArgumentOutOfRangeException(nameof(startPosition), startPosition, "Positions start at 0.");
        using var scope = NewDisposeScope();
        long T = x.shape[^2], hs = x.shape[^1];
        // angles in float64: position 1000 times a frequency must not lose digits before the cos and sin
        var pos = arange(startPosition, startPosition + T, dtype: ScalarType.Float64, device: x.device).unsqueeze(1);   // [T, 1]
        // theta_i = base^(-2i/hs), i = 0 .. hs/2 - 1
        var freq = pow(theta, -arange(0, hs, 2, dtype: ScalarType.Float64, device: x.device) / hs);
        var angle = pos * freq.unsqueeze(0);                                                                            // [T, hs/2]
        var cos = angle.cos().to(x.dtype);
        var sin = angle.sin().to(x.dtype);
        var even = x[TensorIndex.Ellipsis, TensorIndex.Slice(0, null, 2)];
        var odd = x[TensorIndex.Ellipsis, TensorIndex.Slice(1, null, 2)];
        // [x_2i, x_2i+1] -> [x_2i cos - x_2i+1 sin, x_2i sin + x_2i+1 cos]
        var rotatedEven = even * cos - odd * sin;
        var rotatedOdd = even * sin + odd * cos;
        // interleave the pairs again: stack on a new last dimension and flatten it
        var rotated = stack([rotatedEven, rotatedOdd], -1).flatten(-2);
        return scope.MoveToOuter(rotated);
    }
}

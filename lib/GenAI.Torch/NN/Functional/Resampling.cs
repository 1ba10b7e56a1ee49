// torch.nn.functional resampling and padding: interpolate/upsample and pad
// (native/nn_layers.cpp), plus the composite helpers normalize and
// scaled_dot_product_attention, written over tensor ops exactly as PyTorch defines them.
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static unsafe partial class functional
        {
            // Mode codes of gt_nn_interpolate: 0 nearest, 1 linear, 2 bilinear, 3 bicubic, 4 trilinear.
            internal static Tensor Interpolate(Tensor input, long[]? size, double[]? scale_factor, int mode, bool? align_corners)
            {
                if ((size is null) == (scale_factor is null))
                    throw new ArgumentException("interpolate: give exactly one of size and scale_factor");
                if (mode == 0 && align_corners is not null)
                    throw new ArgumentException("interpolate: align_corners applies only to the linear, bilinear, bicubic and trilinear modes");
                int spatial = (int)input.dim() - 2;
                if (spatial < 1)
                    throw new ArgumentException($"interpolate expects a batched input (N, C, ...) with at least one spatial dimension, got shape {Module.ShapeText(input.shape)}");
                if (size is { Length: 1 } && spatial > 1) size = NNInterop.Repeat(size[0], spatial);
                if (scale_factor is { Length: 1 } && spatial > 1) scale_factor = Enumerable.Repeat(scale_factor[0], spatial).ToArray();
                if (size is not null && size.Length != spatial)
                    throw new ArgumentException($"interpolate: size has {size.Length} value(s) but the input has {spatial} spatial dimension(s)");
                if (scale_factor is not null && scale_factor.Length != spatial)
                    throw new ArgumentException($"interpolate: scale_factor has {scale_factor.Length} value(s) but the input has {spatial} spatial dimension(s)");
                fixed (long* s = size)
                fixed (double* f = scale_factor)
                {
                    var r = NativeMethods.gt_nn_interpolate(input.Handle, s, size?.Length ?? 0, f, scale_factor?.Length ?? 0, mode,
                        align_corners is null ? -1 : align_corners.Value ? 1 : 0);
                    GC.KeepAlive(input);
                    return NNInterop.Wrap(r);
                }
            }

            public static Tensor interpolate(Tensor x, long[]? size = null, double[]? scale_factor = null, InterpolationMode mode = InterpolationMode.Nearest,
                bool? align_corners = null, bool recompute_scale_factor = false, bool antialias = false)
            {
                if (antialias) throw new ArgumentException("interpolate: antialias is not supported by this engine");
                int code = mode switch
                {
                    InterpolationMode.Nearest => 0,
                    InterpolationMode.Linear => 1,
                    InterpolationMode.Bilinear => 2,
                    InterpolationMode.Bicubic => 3,
                    InterpolationMode.Trilinear => 4,
                    _ => throw new ArgumentException($"interpolate: mode {mode} is not supported by this engine"),
                };
                // With recompute_scale_factor the output size is computed from the scale and the
                // kernel gets no scale, as PyTorch does; compute the size here.
                if (recompute_scale_factor && scale_factor is not null)
                {
                    var shape = x.shape;
                    int spatial = shape.Length - 2;
                    var scales = scale_factor.Length == 1 ? Enumerable.Repeat(scale_factor[0], spatial).ToArray() : scale_factor;
                    size = Enumerable.Range(0, Math.Min(spatial, scales.Length)).Select(k => (long)Math.Floor(shape[k + 2] * scales[k])).ToArray();
                    scale_factor = null;
                }
                return Interpolate(x, size, scale_factor, code, align_corners);
            }

            public static Tensor upsample(Tensor input, long[]? size = null, double[]? scale_factor = null, UpsampleMode mode = UpsampleMode.Nearest,
                bool align_corners = false) =>
                Interpolate(input, size, scale_factor, (int)mode, mode == UpsampleMode.Nearest ? null : align_corners);

            public static Tensor upsample_nearest(Tensor x, long[]? size = null, double[]? scale_factor = null, bool align_corners = false) =>
                Interpolate(x, size, scale_factor, 0, null);

            public static Tensor upsample_bilinear(Tensor x, long[]? size = null, double[]? scale_factor = null, bool align_corners = false) =>
                Interpolate(x, size, scale_factor, 2, align_corners);

            /// <summary>Pads the last dimensions: pad lists (left, right) pairs starting from the last dimension.</summary>
            public static Tensor pad(Tensor input, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0)
            {
                if (pad.Length % 2 != 0) throw new ArgumentException($"pad must have an even number of values, got {pad.Length}");
                int code = mode switch
                {
                    PaddingModes.Constant or PaddingModes.Zeros => 0,
                    PaddingModes.Reflect => 1,
                    PaddingModes.Replicate => 2,
                    PaddingModes.Circular => 3,
                    _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown padding mode"),
                };
                if (mode == PaddingModes.Zeros) value = 0;
                fixed (long* p = pad)
                {
                    var r = NativeMethods.gt_nn_pad(input.Handle, p, pad.Length, code, value);
                    GC.KeepAlive(input);
                    return NNInterop.Wrap(r);
                }
            }

            public static Tensor pad(Tensor input, ReadOnlySpan<long> pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                functional.pad(input, pad.ToArray(), mode, value);
            public static Tensor pad(Tensor input, (long, long) pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                functional.pad(input, new[] { pad.Item1, pad.Item2 }, mode, value);
            public static Tensor pad(Tensor input, (long, long, long, long) pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                functional.pad(input, new[] { pad.Item1, pad.Item2, pad.Item3, pad.Item4 }, mode, value);
            public static Tensor pad(Tensor input, long pad, PaddingModes mode = PaddingModes.Constant, double value = 0) =>
                functional.pad(input, NNInterop.Repeat(pad, 2 * ((int)input.dim() - 2 > 0 ? (int)input.dim() - 2 : 1)), mode, value);
        }
    }
}

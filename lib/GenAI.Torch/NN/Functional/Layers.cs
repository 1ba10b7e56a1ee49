// torch.nn.functional forms of the layers: linear, convolution, pooling,
// normalisation, dropout. Each forwards to libtorch through native/nn_layers.cpp.
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static unsafe partial class functional
        {
            /// <summary>y = x W^T + b.</summary>
            public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null)
            {
                var r = NativeMethods.gt_nn_linear(input.Handle, weights.Handle, NNInterop.H(bias));
                GC.KeepAlive(input); GC.KeepAlive(weights); GC.KeepAlive(bias);
                return NNInterop.Wrap(r);
            }

            internal static Tensor Convolution(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding,
                long[] dilation, bool transposed, long[] output_padding, long groups)
            {
                int rank = stride.Length;
                fixed (long* s = stride, p = padding, d = dilation, op = output_padding)
                {
                    var r = NativeMethods.gt_nn_convolution(input.Handle, weight.Handle, NNInterop.H(bias), s, p, d, rank, transposed, op, groups);
                    GC.KeepAlive(input); GC.KeepAlive(weight); GC.KeepAlive(bias);
                    return NNInterop.Wrap(r);
                }
            }

            internal static Tensor ConvolutionPadding(Tensor input, Tensor weight, Tensor? bias, long[] stride, Padding padding,
                long[] dilation, long groups)
            {
                fixed (long* s = stride, d = dilation)
                {
                    var r = NativeMethods.gt_nn_convolution_padding(input.Handle, weight.Handle, NNInterop.H(bias), s,
                        padding == Padding.Same ? 1 : 0, d, stride.Length, groups);
                    GC.KeepAlive(input); GC.KeepAlive(weight); GC.KeepAlive(bias);
                    return NNInterop.Wrap(r);
                }
            }

            public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias = null, long? stride = null, long? padding = null,
                long? dilation = null, long groups = 1) =>
                Convolution(input, weight, bias, new[] { stride ?? 1 }, new[] { padding ?? 0 }, new[] { dilation ?? 1 }, false, new[] { 0L }, groups);

            public static Tensor conv1d_padding(Tensor input, Tensor weight, Tensor? bias = null, long? stride = null,
                Padding padding = Padding.Valid, long? dilation = null, long groups = 1) =>
                ConvolutionPadding(input, weight, bias, new[] { stride ?? 1 }, padding, new[] { dilation ?? 1 }, groups);

            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null,
                long[]? dilation = null, long groups = 1) =>
                Convolution(input, weight, bias, NNInterop.Sized(strides, 2, 1, "conv2d strides"), NNInterop.Sized(padding, 2, 0, "conv2d padding"),
                    NNInterop.Sized(dilation, 2, 1, "conv2d dilation"), false, new long[] { 0, 0 }, groups);

            public static Tensor conv2d_padding(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null,
                Padding padding = Padding.Valid, long[]? dilation = null, long groups = 1) =>
                ConvolutionPadding(input, weight, bias, NNInterop.Sized(strides, 2, 1, "conv2d strides"), padding,
                    NNInterop.Sized(dilation, 2, 1, "conv2d dilation"), groups);

            public static Tensor conv_transpose1d(Tensor input, Tensor weight, Tensor? bias = null, long? stride = null, long? padding = null,
                long? output_padding = null, long? dilation = null, long groups = 1) =>
                Convolution(input, weight, bias, new[] { stride ?? 1 }, new[] { padding ?? 0 }, new[] { dilation ?? 1 }, true,
                    new[] { output_padding ?? 0 }, groups);

            public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null,
                long[]? padding = null, long[]? output_padding = null, long[]? dilation = null, long groups = 1) =>
                Convolution(input, weight, bias, NNInterop.Sized(strides, 2, 1, "conv_transpose2d strides"),
                    NNInterop.Sized(padding, 2, 0, "conv_transpose2d padding"), NNInterop.Sized(dilation, 2, 1, "conv_transpose2d dilation"),
                    true, NNInterop.Sized(output_padding, 2, 0, "conv_transpose2d output_padding"), groups);

            internal static (Tensor output, Tensor? indices) MaxPool(Tensor input, long[] kernel, long[]? stride, long[]? padding,
                long[]? dilation, bool ceil_mode, bool withIndices)
            {
                int rank = kernel.Length;
                // PyTorch's default stride is the kernel size.
                var s = stride is null || stride.Length == 0 ? kernel : NNInterop.Sized(stride, rank, 1, "max_pool stride");
                var p = NNInterop.Sized(padding, rank, 0, "max_pool padding");
                var d = NNInterop.Sized(dilation, rank, 1, "max_pool dilation");
                IntPtr indices = IntPtr.Zero;
                fixed (long* k = kernel, sp = s, pp = p, dp = d)
                {
                    var r = NativeMethods.gt_nn_max_pool(input.Handle, k, sp, pp, dp, rank, ceil_mode, withIndices ? &indices : null);
                    GC.KeepAlive(input);
                    var output = NNInterop.Wrap(r);
                    return (output, withIndices ? NNInterop.Wrap(indices) : null);
                }
            }

            public static Tensor max_pool1d(Tensor input, long kernel_size, long? stride = null, long? padding = null, long? dilation = null,
                bool ceil_mode = false) =>
                MaxPool(input, new[] { kernel_size }, stride is null ? null : new[] { stride.Value }, new[] { padding ?? 0 },
                    new[] { dilation ?? 1 }, ceil_mode, false).output;

            public static (Tensor, Tensor) max_pool1d_with_indices(Tensor input, long kernel_size, long? stride = null, long? padding = null,
                long? dilation = null, bool ceil_mode = false)
            {
                var (o, i) = MaxPool(input, new[] { kernel_size }, stride is null ? null : new[] { stride.Value }, new[] { padding ?? 0 },
                    new[] { dilation ?? 1 }, ceil_mode, true);
                return (o, i!);
            }

            public static Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? strides = null, long[]? padding = null,
                long[]? dilation = null, bool ceil_mode = false) =>
                MaxPool(input, NNInterop.Sized(kernel_size, 2, 1, "max_pool2d kernel_size"), strides, padding, dilation, ceil_mode, false).output;

            public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long? padding = null, long? dilation = null,
                bool ceil_mode = false) =>
                MaxPool(input, NNInterop.Repeat(kernel_size, 2), stride is null ? null : NNInterop.Repeat(stride.Value, 2),
                    NNInterop.Repeat(padding ?? 0, 2), NNInterop.Repeat(dilation ?? 1, 2), ceil_mode, false).output;

            public static Tensor max_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                (long, long)? dilation = null, bool ceil_mode = false) =>
                MaxPool(input, Pair(kernel_size), stride is null ? null : Pair(stride.Value), Pair(padding ?? (0, 0)),
                    Pair(dilation ?? (1, 1)), ceil_mode, false).output;

            public static (Tensor, Tensor) max_pool2d_with_indices(Tensor input, long[] kernel_size, long[]? strides = null,
                long[]? padding = null, long[]? dilation = null, bool ceil_mode = false)
            {
                var (o, i) = MaxPool(input, NNInterop.Sized(kernel_size, 2, 1, "max_pool2d kernel_size"), strides, padding, dilation, ceil_mode, true);
                return (o, i!);
            }

            internal static long[] Pair((long, long) v) => new[] { v.Item1, v.Item2 };

            internal static Tensor AvgPool(Tensor input, long[] kernel, long[]? stride, long[]? padding, bool ceil_mode,
                bool count_include_pad, long? divisor_override)
            {
                int rank = kernel.Length;
                var s = stride is null || stride.Length == 0 ? kernel : NNInterop.Sized(stride, rank, 1, "avg_pool stride");
                var p = NNInterop.Sized(padding, rank, 0, "avg_pool padding");
                if (divisor_override is <= 0)
                    throw new ArgumentOutOfRangeException(nameof(divisor_override), divisor_override, "divisor_override must be positive");
                fixed (long* k = kernel, sp = s, pp = p)
                {
                    var r = NativeMethods.gt_nn_avg_pool(input.Handle, k, sp, pp, rank, ceil_mode, count_include_pad, divisor_override ?? 0);
                    GC.KeepAlive(input);
                    return NNInterop.Wrap(r);
                }
            }

            public static Tensor avg_pool1d(Tensor input, long kernel_size, long? stride = null, long? padding = null, bool ceil_mode = false,
                bool count_include_pad = true) =>
                AvgPool(input, new[] { kernel_size }, stride is null ? null : new[] { stride.Value }, new[] { padding ?? 0 }, ceil_mode, count_include_pad, null);

            public static Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null,
                bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                AvgPool(input, NNInterop.Sized(kernel_size, 2, 1, "avg_pool2d kernel_size"), stride, padding, ceil_mode, count_include_pad, divisor_override);

            public static Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0,
                bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                AvgPool(input, NNInterop.Repeat(kernel_size, 2), stride is null ? null : NNInterop.Repeat(stride.Value, 2),
                    NNInterop.Repeat(padding, 2), ceil_mode, count_include_pad, divisor_override);

            public static Tensor avg_pool2d(Tensor input, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                AvgPool(input, Pair(kernel_size), stride is null ? null : Pair(stride.Value), Pair(padding ?? (0, 0)),
                    ceil_mode, count_include_pad, divisor_override);

            internal static Tensor AdaptiveAvgPool(Tensor input, long[] size)
            {
                fixed (long* s = size)
                {
                    var r = NativeMethods.gt_nn_adaptive_avg_pool(input.Handle, s, size.Length);
                    GC.KeepAlive(input);
                    return NNInterop.Wrap(r);
                }
            }

            internal static (Tensor, Tensor) AdaptiveMaxPool(Tensor input, long[] size)
            {
                IntPtr indices = IntPtr.Zero;
                fixed (long* s = size)
                {
                    var r = NativeMethods.gt_nn_adaptive_max_pool(input.Handle, s, size.Length, &indices);
                    GC.KeepAlive(input);
                    var output = NNInterop.Wrap(r);
                    return (output, NNInterop.Wrap(indices));
                }
            }

            public static Tensor adaptive_avg_pool1d(Tensor input, long output_size) => AdaptiveAvgPool(input, new[] { output_size });
            public static Tensor adaptive_avg_pool2d(Tensor input, long[] output_size) =>
                AdaptiveAvgPool(input, NNInterop.Sized(output_size, 2, 1, "adaptive_avg_pool2d output_size"));
            public static Tensor adaptive_avg_pool2d(Tensor input, (long, long) output_size) => AdaptiveAvgPool(input, Pair(output_size));
            public static Tensor adaptive_avg_pool2d(Tensor input, long output_size) => AdaptiveAvgPool(input, NNInterop.Repeat(output_size, 2));

            public static Tensor adaptive_max_pool1d(Tensor input, long output_size)
            {
                var (o, i) = AdaptiveMaxPool(input, new[] { output_size });
                i.Dispose();
                return o;
            }
            public static (Tensor, Tensor) adaptive_max_pool1d_with_indices(Tensor input, long output_size) => AdaptiveMaxPool(input, new[] { output_size });
            public static Tensor adaptive_max_pool2d(Tensor input, long[] output_size)
            {
                var (o, i) = AdaptiveMaxPool(input, NNInterop.Sized(output_size, 2, 1, "adaptive_max_pool2d output_size"));
                i.Dispose();
                return o;
            }
            public static (Tensor, Tensor) adaptive_max_pool2d_with_indices(Tensor input, long[] output_size) =>
                AdaptiveMaxPool(input, NNInterop.Sized(output_size, 2, 1, "adaptive_max_pool2d output_size"));

            /// <summary>
            /// Batch normalisation. In training mode it normalises with the batch statistics and
            /// updates running_mean/running_var in place (momentum-weighted); otherwise it uses them.
            /// </summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1E-05)
            {
                var r = NativeMethods.gt_nn_batch_norm(input.Handle, NNInterop.H(weight), NNInterop.H(bias), NNInterop.H(running_mean),
                    NNInterop.H(running_var), training, momentum, eps);
                GC.KeepAlive(input); GC.KeepAlive(weight); GC.KeepAlive(bias); GC.KeepAlive(running_mean); GC.KeepAlive(running_var);
                return NNInterop.Wrap(r);
            }

            public static Tensor instance_norm(Tensor input, Tensor? running_mean = null, Tensor? running_var = null, Tensor? weight = null,
                Tensor? bias = null, bool use_input_stats = true, double momentum = 0.1, double eps = 1E-05)
            {
                var r = NativeMethods.gt_nn_instance_norm(input.Handle, NNInterop.H(weight), NNInterop.H(bias), NNInterop.H(running_mean),
                    NNInterop.H(running_var), use_input_stats, momentum, eps);
                GC.KeepAlive(input); GC.KeepAlive(weight); GC.KeepAlive(bias); GC.KeepAlive(running_mean); GC.KeepAlive(running_var);
                return NNInterop.Wrap(r);
            }

            /// <summary>Normalises over the last len(normalized_shape) dimensions of each sample.</summary>
            public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1E-05)
            {
                fixed (long* s = normalized_shape)
                {
                    var r = NativeMethods.gt_nn_layer_norm(input.Handle, s, normalized_shape.Length, NNInterop.H(weight), NNInterop.H(bias), eps);
                    GC.KeepAlive(input); GC.KeepAlive(weight); GC.KeepAlive(bias);
                    return NNInterop.Wrap(r);
                }
            }

            /// <summary>Normalises each group of channels of each sample.</summary>
            public static Tensor group_norm(Tensor input, long num_groups, Tensor? weight = null, Tensor? bias = null, double eps = 1E-05)
            {
                var r = NativeMethods.gt_nn_group_norm(input.Handle, num_groups, NNInterop.H(weight), NNInterop.H(bias), eps);
                GC.KeepAlive(input); GC.KeepAlive(weight); GC.KeepAlive(bias);
                return NNInterop.Wrap(r);
            }

            internal static Tensor Dropout(Tensor input, double p, bool training, int kind, bool inplace)
            {
                if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be between 0 and 1");
                var r = NativeMethods.gt_nn_dropout(input.Handle, p, training, kind, inplace);
                GC.KeepAlive(input);
                return NNInterop.Wrap(r);
            }

            /// <summary>Zeroes each element with probability p and scales the rest by 1/(1-p), in training only.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false) => Dropout(input, p, training, 0, inplace);
            /// <summary>Zeroes whole channels (dim 1) of a (N, C, L) or (C, L) input.</summary>
            public static Tensor dropout1d(Tensor input, double p = 0.5, bool training = true, bool inplace = false) => Dropout(input, p, training, 1, inplace);
            /// <summary>Zeroes whole channels of a (N, C, H, W) input.</summary>
            public static Tensor dropout2d(Tensor input, double p = 0.5, bool training = true, bool inplace = false) => Dropout(input, p, training, 1, inplace);
            public static Tensor alpha_dropout(Tensor input, double p = 0.5, bool training = false, bool inplace = false) => Dropout(input, p, training, 2, inplace);
            public static Tensor feature_alpha_dropout(Tensor input, double p = 0.5, bool training = false, bool inplace = false) => Dropout(input, p, training, 3, inplace);
        }
    }
}

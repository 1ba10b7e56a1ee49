// torch.nn layers, activations, losses and recurrent layers (native/nn_*.cpp).
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal static unsafe partial class NativeMethods
{
    // nn_layers.cpp
    [LibraryImport(Lib)] internal static partial IntPtr gt_nn_linear(IntPtr input, IntPtr weight, IntPtr bias);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_convolution(IntPtr input, IntPtr weight, IntPtr bias, long* stride, long* padding,
        long* dilation, int rank, [MarshalAs(UnmanagedType.U1)] bool transposed, long* output_padding, long groups);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_convolution_padding(IntPtr input, IntPtr weight, IntPtr bias, long* stride,
        int padding_kind, long* dilation, int rank, long groups);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_max_pool(IntPtr input, long* kernel, long* stride, long* padding, long* dilation,
        int rank, [MarshalAs(UnmanagedType.U1)] bool ceil_mode, IntPtr* indices);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_avg_pool(IntPtr input, long* kernel, long* stride, long* padding, int rank,
        [MarshalAs(UnmanagedType.U1)] bool ceil_mode, [MarshalAs(UnmanagedType.U1)] bool count_include_pad, long divisor_override);
    [LibraryImport(Lib)] internal static partial IntPtr gt_nn_adaptive_avg_pool(IntPtr input, long* size, int rank);
    [LibraryImport(Lib)] internal static partial IntPtr gt_nn_adaptive_max_pool(IntPtr input, long* size, int rank, IntPtr* indices);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_batch_norm(IntPtr input, IntPtr weight, IntPtr bias, IntPtr running_mean,
        IntPtr running_var, [MarshalAs(UnmanagedType.U1)] bool training, double momentum, double eps);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_instance_norm(IntPtr input, IntPtr weight, IntPtr bias, IntPtr running_mean,
        IntPtr running_var, [MarshalAs(UnmanagedType.U1)] bool use_input_stats, double momentum, double eps);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_layer_norm(IntPtr input, long* shape, int n, IntPtr weight, IntPtr bias, double eps);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_group_norm(IntPtr input, long groups, IntPtr weight, IntPtr bias, double eps);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_embedding(IntPtr weight, IntPtr indices, long padding_idx,
        [MarshalAs(UnmanagedType.U1)] bool scale_grad_by_freq, [MarshalAs(UnmanagedType.U1)] bool sparse);
    [LibraryImport(Lib)] internal static partial int gt_nn_embedding_renorm(IntPtr weight, IntPtr indices, double max_norm, double norm_type);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_dropout(IntPtr input, double p, [MarshalAs(UnmanagedType.U1)] bool train, int kind,
        [MarshalAs(UnmanagedType.U1)] bool inplace);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_interpolate(IntPtr input, long* size, int nsize, double* scale, int nscale, int mode, int align_corners);
    [LibraryImport(Lib)] internal static partial IntPtr gt_nn_pad(IntPtr input, long* pad, int n, int mode, double value);

    // nn_activations.cpp
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_activation(IntPtr input, int kind, double a, double b,
        [MarshalAs(UnmanagedType.U1)] bool inplace, [MarshalAs(UnmanagedType.U1)] bool training);
    [LibraryImport(Lib)] internal static partial IntPtr gt_nn_prelu(IntPtr input, IntPtr weight);

    // nn_losses.cpp
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_loss(int kind, IntPtr input, IntPtr target, IntPtr weight, IntPtr pos_weight,
        long reduction, long ignore_index, double a, [MarshalAs(UnmanagedType.U1)] bool flag);

    // nn_recurrent.cpp
    [LibraryImport(Lib)]
    internal static partial int gt_nn_rnn(int kind, IntPtr input, IntPtr h0, IntPtr c0, IntPtr* parameters, int nparams,
        [MarshalAs(UnmanagedType.U1)] bool has_biases, long num_layers, double dropout, [MarshalAs(UnmanagedType.U1)] bool train,
        [MarshalAs(UnmanagedType.U1)] bool bidirectional, [MarshalAs(UnmanagedType.U1)] bool batch_first, IntPtr* output);
    [LibraryImport(Lib)]
    internal static partial int gt_nn_rnn_cell(int kind, IntPtr input, IntPtr hx, IntPtr cx, IntPtr w_ih, IntPtr w_hh,
        IntPtr b_ih, IntPtr b_hh, IntPtr* output);

    // nn_attention.cpp
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_nn_multi_head_attention(IntPtr query, IntPtr key, IntPtr value, long embed_dim, long num_heads,
        IntPtr in_proj_weight, IntPtr in_proj_bias, IntPtr bias_k, IntPtr bias_v, [MarshalAs(UnmanagedType.U1)] bool add_zero_attn,
        double dropout, IntPtr out_proj_weight, IntPtr out_proj_bias, [MarshalAs(UnmanagedType.U1)] bool training, IntPtr key_padding_mask,
        [MarshalAs(UnmanagedType.U1)] bool need_weights, IntPtr attn_mask, IntPtr* attn_weights);

    // nn_module.cpp
    [LibraryImport(Lib)] internal static partial int gt_nn_set_data(IntPtr target, IntPtr data);
}

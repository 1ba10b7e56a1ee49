// Native entry points for the layers of torch.nn (linear, convolution, pooling,
// normalisation, embedding, dropout, resampling). Each one forwards to the
// libtorch function PyTorch's own module calls, so results and gradients are
// libtorch's; the C# modules only hold parameters and options.
#include "common.h"

namespace {
// Optional list of sizes: a null pointer (or count 0) means "not given".
c10::optional<at::IntArrayRef> opt_dims(const int64_t* p, int n) {
    if (!p || n == 0) return c10::nullopt;
    return at::IntArrayRef(p, (size_t)n);
}
}  // namespace

GT_API TensorHandle gt_nn_linear(TensorHandle input, TensorHandle weight, TensorHandle bias) {
    GT_RETURN_TENSOR(at::linear(*input, *weight, gt::opt(bias)));
}

// Convolution and transposed convolution of any spatial rank (1-3): the rank is
// the length of the stride/padding/dilation arrays.
GT_API TensorHandle gt_nn_convolution(TensorHandle input, TensorHandle weight, TensorHandle bias, const int64_t* stride,
                                const int64_t* padding, const int64_t* dilation, int rank, bool transposed,
                                const int64_t* output_padding, int64_t groups) {
    GT_RETURN_TENSOR(at::convolution(*input, *weight, gt::opt(bias), gt::dims(stride, rank), gt::dims(padding, rank),
                                     gt::dims(dilation, rank), transposed, gt::dims(output_padding, rank), groups));
}

// Convolution with string padding: padding_kind 0 = "valid", 1 = "same".
GT_API TensorHandle gt_nn_convolution_padding(TensorHandle input, TensorHandle weight, TensorHandle bias, const int64_t* stride,
                                        int padding_kind, const int64_t* dilation, int rank, int64_t groups) {
    GT_RETURN_TENSOR(([&] {
        const char* mode = padding_kind == 1 ? "same" : "valid";
        auto b = gt::opt(bias);
        auto s = gt::dims(stride, rank);
        auto d = gt::dims(dilation, rank);
        if (rank == 1) return at::conv1d(*input, *weight, b, s, mode, d, groups);
        if (rank == 2) return at::conv2d(*input, *weight, b, s, mode, d, groups);
        return at::conv3d(*input, *weight, b, s, mode, d, groups);
    })());
}

// Max pooling of rank 1 or 2; when indices is not null it also receives the argmax indices.
GT_API TensorHandle gt_nn_max_pool(TensorHandle input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                             const int64_t* dilation, int rank, bool ceil_mode, TensorHandle* indices) {
    GT_RETURN_TENSOR(([&] {
        auto k = gt::dims(kernel, rank), s = gt::dims(stride, rank), p = gt::dims(padding, rank),
             d = gt::dims(dilation, rank);
        if (indices) {
            auto r = rank == 1 ? at::max_pool1d_with_indices(*input, k, s, p, d, ceil_mode)
                               : at::max_pool2d_with_indices(*input, k, s, p, d, ceil_mode);
            *indices = gt::wrap(std::get<1>(r));
            return std::get<0>(r);
        }
        return rank == 1 ? at::max_pool1d(*input, k, s, p, d, ceil_mode) : at::max_pool2d(*input, k, s, p, d, ceil_mode);
    })());
}

// Average pooling of rank 1 or 2; divisor_override <= 0 means "none".
GT_API TensorHandle gt_nn_avg_pool(TensorHandle input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                             int rank, bool ceil_mode, bool count_include_pad, int64_t divisor_override) {
    GT_RETURN_TENSOR(([&] {
        auto k = gt::dims(kernel, rank), s = gt::dims(stride, rank), p = gt::dims(padding, rank);
        if (rank == 1) return at::avg_pool1d(*input, k, s, p, ceil_mode, count_include_pad);
        c10::optional<int64_t> div = divisor_override > 0 ? c10::optional<int64_t>(divisor_override) : c10::nullopt;
        return at::avg_pool2d(*input, k, s, p, ceil_mode, count_include_pad, div);
    })());
}

GT_API TensorHandle gt_nn_adaptive_avg_pool(TensorHandle input, const int64_t* size, int rank) {
    GT_RETURN_TENSOR(rank == 1 ? at::adaptive_avg_pool1d(*input, gt::dims(size, 1))
                               : at::adaptive_avg_pool2d(*input, gt::dims(size, 2)));
}

GT_API TensorHandle gt_nn_adaptive_max_pool(TensorHandle input, const int64_t* size, int rank, TensorHandle* indices) {
    GT_RETURN_TENSOR(([&] {
        auto r = rank == 1 ? at::adaptive_max_pool1d(*input, gt::dims(size, 1))
                           : at::adaptive_max_pool2d(*input, gt::dims(size, 2));
        if (indices) *indices = gt::wrap(std::get<1>(r));
        return std::get<0>(r);
    })());
}

// Batch norm updates running_mean/running_var in place when training (as PyTorch does).
GT_API TensorHandle gt_nn_batch_norm(TensorHandle input, TensorHandle weight, TensorHandle bias, TensorHandle running_mean, TensorHandle running_var,
                               bool training, double momentum, double eps) {
    GT_RETURN_TENSOR(at::batch_norm(*input, gt::opt(weight), gt::opt(bias), gt::opt(running_mean),
                                    gt::opt(running_var), training, momentum, eps, at::globalContext().userEnabledCuDNN()));
}

GT_API TensorHandle gt_nn_instance_norm(TensorHandle input, TensorHandle weight, TensorHandle bias, TensorHandle running_mean, TensorHandle running_var,
                                  bool use_input_stats, double momentum, double eps) {
    GT_RETURN_TENSOR(at::instance_norm(*input, gt::opt(weight), gt::opt(bias), gt::opt(running_mean),
                                       gt::opt(running_var), use_input_stats, momentum, eps,
                                       at::globalContext().userEnabledCuDNN()));
}

GT_API TensorHandle gt_nn_layer_norm(TensorHandle input, const int64_t* shape, int n, TensorHandle weight, TensorHandle bias, double eps) {
    GT_RETURN_TENSOR(at::layer_norm(*input, gt::dims(shape, n), gt::opt(weight), gt::opt(bias), eps));
}

GT_API TensorHandle gt_nn_group_norm(TensorHandle input, int64_t groups, TensorHandle weight, TensorHandle bias, double eps) {
    GT_RETURN_TENSOR(at::group_norm(*input, groups, gt::opt(weight), gt::opt(bias), eps));
}

// padding_idx < 0 means none (PyTorch stores -1 for that too after normalising).
GT_API TensorHandle gt_nn_embedding(TensorHandle weight, TensorHandle indices, int64_t padding_idx, bool scale_grad_by_freq,
                              bool sparse) {
    GT_RETURN_TENSOR(at::embedding(*weight, *indices, padding_idx, scale_grad_by_freq, sparse));
}

// Renormalises, in place and without autograd, the rows of weight that indices
// touch so that their norm is at most max_norm (Embedding's max_norm option).
GT_API int gt_nn_embedding_renorm(TensorHandle weight, TensorHandle indices, double max_norm, double norm_type) {
    GT_TRY({
        at::NoGradGuard guard;
        at::embedding_renorm_(*weight, *indices, max_norm, norm_type);
    });
}

// kind: 0 = dropout, 1 = feature (channel) dropout, 2 = alpha dropout, 3 = feature alpha dropout.
GT_API TensorHandle gt_nn_dropout(TensorHandle input, double p, bool train, int kind, bool inplace) {
    GT_RETURN_TENSOR(([&] {
        at::Tensor& x = *input;
        switch (kind) {
            case 0: return inplace ? at::dropout_(x, p, train) : at::dropout(x, p, train);
            case 1: return inplace ? at::feature_dropout_(x, p, train) : at::feature_dropout(x, p, train);
            case 2: return inplace ? at::alpha_dropout_(x, p, train) : at::alpha_dropout(x, p, train);
            case 3: return inplace ? at::feature_alpha_dropout_(x, p, train) : at::feature_alpha_dropout(x, p, train);
            default: throw std::invalid_argument("unknown dropout kind " + std::to_string(kind));
        }
    })());
}

// mode: 0 nearest, 1 linear, 2 bilinear, 3 bicubic, 4 trilinear. Exactly one of
// size / scale is given. align_corners: -1 = not given, 0 = false, 1 = true.
GT_API TensorHandle gt_nn_interpolate(TensorHandle input, const int64_t* size, int nsize, const double* scale, int nscale,
                                int mode, int align_corners) {
    GT_RETURN_TENSOR(([&] {
        auto out_size = opt_dims(size, nsize);
        c10::optional<at::ArrayRef<double>> scales =
            (scale && nscale > 0) ? c10::optional<at::ArrayRef<double>>(at::ArrayRef<double>(scale, (size_t)nscale))
                                  : c10::nullopt;
        bool corners = align_corners == 1;
        int64_t spatial = input->dim() - 2;
        if (mode != 0 && align_corners < 0) corners = false;
        switch (mode) {
            case 0:
                if (spatial == 1) return at::upsample_nearest1d(*input, out_size, scales);
                if (spatial == 2) return at::upsample_nearest2d(*input, out_size, scales);
                if (spatial == 3) return at::upsample_nearest3d(*input, out_size, scales);
                break;
            case 1:
                if (spatial == 1) return at::upsample_linear1d(*input, out_size, corners, scales);
                break;
            case 2:
                if (spatial == 2) return at::upsample_bilinear2d(*input, out_size, corners, scales);
                break;
            case 3:
                if (spatial == 2) return at::upsample_bicubic2d(*input, out_size, corners, scales);
                break;
            case 4:
                if (spatial == 3) return at::upsample_trilinear3d(*input, out_size, corners, scales);
                break;
        }
        throw std::invalid_argument("interpolation mode " + std::to_string(mode) + " does not support a " +
                                    std::to_string(input->dim()) + "-D input (shape " +
                                    c10::str(input->sizes()) + ")");
    })());
}

GT_API TensorHandle gt_nn_pad(TensorHandle input, const int64_t* pad, int n, int mode, double value) {
    GT_RETURN_TENSOR(([&] {
        static const char* modes[] = {"constant", "reflect", "replicate", "circular"};
        if (mode < 0 || mode > 3) throw std::invalid_argument("unknown padding mode " + std::to_string(mode));
        return at::pad(*input, gt::dims(pad, n), modes[mode], mode == 0 ? c10::optional<double>(value) : c10::nullopt);
    })());
}

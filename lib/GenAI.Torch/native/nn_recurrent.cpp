// Native entry points for the recurrent layers: the fused multi-layer RNN/LSTM/GRU
// (libtorch's own loops, the same ones PyTorch's modules call) and the single cells.
#include "common.h"

// kind: 0 = RNN with tanh, 1 = RNN with ReLU, 2 = LSTM, 3 = GRU.
// params: the flat weight list in PyTorch's order (per layer and direction:
// w_ih, w_hh[, b_ih, b_hh]). hx: h0 (and c0 for the LSTM) or nulls for zeros.
// out receives output, h_n and (LSTM) c_n. Returns 0 or -1.
GT_API int gt_nn_rnn(int kind, TensorHandle input, TensorHandle h0, TensorHandle c0, const TensorHandle* params, int nparams,
                     bool has_biases, int64_t num_layers, double dropout, bool train, bool bidirectional,
                     bool batch_first, TensorHandle* out) {
    GT_TRY({
        auto weights = gt::tensors(params, nparams);
        const at::Tensor& x = *input;
        int64_t directions = bidirectional ? 2 : 1;
        bool batched = x.dim() == 3;
        TORCH_CHECK(x.dim() == 2 || x.dim() == 3, "recurrent layer: expected a 2-D (unbatched) or 3-D input, got shape ",
                    x.sizes());
        at::Tensor seq = batched ? x : x.unsqueeze(batch_first ? 0 : 1);
        int64_t batch = seq.size(batch_first ? 0 : 1);
        int64_t hidden = weights[1].size(1);
        auto state = [&](TensorHandle given) {
            if (!given) return at::zeros({num_layers * directions, batch, hidden}, seq.options());
            return batched ? *given : given->unsqueeze(1);
        };
        at::Tensor output, h, c;
        switch (kind) {
            case 0:
                std::tie(output, h) = at::rnn_tanh(seq, state(h0), weights, has_biases, num_layers, dropout, train,
                                                   bidirectional, batch_first);
                break;
            case 1:
                std::tie(output, h) = at::rnn_relu(seq, state(h0), weights, has_biases, num_layers, dropout, train,
                                                   bidirectional, batch_first);
                break;
            case 2: {
                // LSTM's hidden state has the output size; its cell state has the hidden size.
                at::Tensor hh = state(h0), cc = state(c0);
                std::tie(output, h, c) = at::lstm(seq, {hh, cc}, weights, has_biases, num_layers, dropout, train,
                                                  bidirectional, batch_first);
                break;
            }
            case 3:
                std::tie(output, h) = at::gru(seq, state(h0), weights, has_biases, num_layers, dropout, train,
                                              bidirectional, batch_first);
                break;
            default: throw std::invalid_argument("unknown recurrent kind " + std::to_string(kind));
        }
        if (!batched) {
            output = output.squeeze(batch_first ? 0 : 1);
            h = h.squeeze(1);
            if (c.defined()) c = c.squeeze(1);
        }
        out[0] = gt::wrap(output);
        out[1] = gt::wrap(h);
        out[2] = c.defined() ? gt::wrap(c) : nullptr;
    });
}

// One step of a cell. kind as above. For the LSTM, out receives (h', c'); otherwise h'.
GT_API int gt_nn_rnn_cell(int kind, TensorHandle input, TensorHandle hx, TensorHandle cx, TensorHandle w_ih, TensorHandle w_hh, TensorHandle b_ih,
                          TensorHandle b_hh, TensorHandle* out) {
    GT_TRY({
        const at::Tensor& x = *input;
        TORCH_CHECK(x.dim() == 1 || x.dim() == 2, "recurrent cell: expected a 1-D or 2-D input, got shape ", x.sizes());
        bool batched = x.dim() == 2;
        at::Tensor xb = batched ? x : x.unsqueeze(0);
        int64_t hidden = w_hh->size(1);
        auto state = [&](TensorHandle given) {
            if (!given) return at::zeros({xb.size(0), hidden}, xb.options());
            return batched ? *given : given->unsqueeze(0);
        };
        auto bi = gt::opt(b_ih), bh = gt::opt(b_hh);
        at::Tensor h, c;
        switch (kind) {
            case 0: h = at::rnn_tanh_cell(xb, state(hx), *w_ih, *w_hh, bi, bh); break;
            case 1: h = at::rnn_relu_cell(xb, state(hx), *w_ih, *w_hh, bi, bh); break;
            case 2: std::tie(h, c) = at::lstm_cell(xb, {state(hx), state(cx)}, *w_ih, *w_hh, bi, bh); break;
            case 3: h = at::gru_cell(xb, state(hx), *w_ih, *w_hh, bi, bh); break;
            default: throw std::invalid_argument("unknown recurrent cell kind " + std::to_string(kind));
        }
        if (!batched) {
            h = h.squeeze(0);
            if (c.defined()) c = c.squeeze(0);
        }
        out[0] = gt::wrap(h);
        out[1] = c.defined() ? gt::wrap(c) : nullptr;
    });
}

// GRU: reset gate r, update gate z, candidate n = tanh(W_in x + r * (W_hn h + b_hn));
// h_t = (1 - z) * n + z * h_(t-1). No separate cell state.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class GRU : RNNBase<Tensor, (Tensor, Tensor)>
    {
        internal GRU(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional,
            Device? device, ScalarType? dtype)
            : base(nameof(GRU), RecurrentKind.Gru, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype) { }

        public override (Tensor, Tensor) call(Tensor input, Tensor? h0 = null) => base.call(input, h0!);

        public override (Tensor, Tensor) forward(Tensor input, Tensor? h0 = null)
        {
            var (output, h, _) = RunFused(input, h0, null);
            return (output, h);
        }
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static GRU GRU(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0,
                bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);
        }
    }
}

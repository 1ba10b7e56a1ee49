// LSTM: gates i, f, o = sigmoid(...), candidate g = tanh(...);
// c_t = f * c_(t-1) + i * g (the additive cell path), h_t = o * tanh(c_t).
// Returns (output for every step, h_n, c_n).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class LSTM : RNNBase<(Tensor, Tensor)?, (Tensor, Tensor, Tensor)>
    {
        internal LSTM(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional,
            Device? device, ScalarType? dtype)
            : base(nameof(LSTM), RecurrentKind.Lstm, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype) { }

        public override (Tensor, Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);

        public override (Tensor, Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0 = null)
        {
            var (output, h, c) = RunFused(input, h0_c0?.Item1, h0_c0?.Item2);
            return (output, h, c!);
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
            public static LSTM LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0,
                bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype);
        }
    }
}

// RNN: h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh) (or ReLU), stacked and optionally bidirectional.
// Returns (output for every step, final hidden state of every layer and direction).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class RNN : RNNBase<Tensor, (Tensor, Tensor)>
    {
        internal RNN(long inputSize, long hiddenSize, long numLayers, torch.nn.NonLinearities nonLinearity, bool bias, bool batchFirst,
            double dropout, bool bidirectional, Device? device, ScalarType? dtype)
            : base(nameof(RNN), nonLinearity == torch.nn.NonLinearities.ReLU ? RecurrentKind.RnnRelu : RecurrentKind.RnnTanh,
                inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype) { }

        public override (Tensor, Tensor) call(Tensor input, Tensor? h0 = null) => base.call(input, h0!);

        public override (Tensor, Tensor) forward(Tensor input, Tensor? h0)
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
            public static RNN RNN(long inputSize, long hiddenSize, long numLayers = 1, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
                bool batchFirst = false, double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null) =>
                new(inputSize, hiddenSize, numLayers, nonLinearity, bias, batchFirst, dropout, bidirectional, device, dtype);
        }
    }
}

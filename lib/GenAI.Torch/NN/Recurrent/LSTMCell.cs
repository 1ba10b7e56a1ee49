// LSTMCell: One step of an LSTM: returns (h', c').
// Parameters weight_ih (gates*hidden, input), weight_hh (gates*hidden, hidden), bias_ih, bias_hh,
// all initialised U(-1/sqrt(hidden), 1/sqrt(hidden)) as in PyTorch.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class LSTMCell : torch.nn.Module<Tensor, (Tensor, Tensor)?, (Tensor, Tensor)>
    {
        private readonly RecurrentKind _kind;
        private readonly long _inputSize;

        internal LSTMCell(long inputSize, long hiddenSize, bool bias, Device? device, ScalarType? dtype) : base(nameof(LSTMCell))
        {
            if (inputSize <= 0 || hiddenSize <= 0)
                throw new ArgumentException($"LSTMCell: inputSize and hiddenSize must be positive, got {inputSize}, {hiddenSize}");
            _kind = RecurrentKind.Lstm;
            _inputSize = inputSize;
            long gates = 4 * hiddenSize;
            weight_ih = NNInterop.EmptyParameter(new[] { gates, inputSize }, dtype, device);
            weight_hh = NNInterop.EmptyParameter(new[] { gates, hiddenSize }, dtype, device);
            if (bias)
            {
                bias_ih = NNInterop.EmptyParameter(new[] { gates }, dtype, device);
                bias_hh = NNInterop.EmptyParameter(new[] { gates }, dtype, device);
            }
            double stdv = 1.0 / Math.Sqrt(hiddenSize);
            foreach (var p in parameters()) torch.nn.init.uniform_(p, -stdv, stdv);
        }

        public Parameter? bias_ih
        {
            get => _biasIh;
            set { _biasIh = value; ConditionallyRegisterParameter(nameof(bias_ih), value); }
        }

        public Parameter? bias_hh
        {
            get => _biasHh;
            set { _biasHh = value; ConditionallyRegisterParameter(nameof(bias_hh), value); }
        }

        public Parameter weight_ih
        {
            get => _weightIh!;
            set { ArgumentNullException.ThrowIfNull(value); _weightIh = value; ConditionallyRegisterParameter(nameof(weight_ih), value); }
        }

        public Parameter weight_hh
        {
            get => _weightHh!;
            set { ArgumentNullException.ThrowIfNull(value); _weightHh = value; ConditionallyRegisterParameter(nameof(weight_hh), value); }
        }

        public override (Tensor, Tensor) call(Tensor input, (Tensor, Tensor)? h0_c0 = null) => base.call(input, h0_c0);

        public override (Tensor, Tensor) forward(Tensor input, (Tensor, Tensor)? h0_c0)
        {
            CheckInput(input);
            var (h, c) = Recurrent.Cell(_kind, input, h0_c0?.Item1, h0_c0?.Item2, weight_ih, weight_hh, bias_ih, bias_hh);
            return (h, c!);
        }

        private void CheckInput(Tensor input)
        {
            if ((input.dim() != 1 && input.dim() != 2) || input.shape[^1] != _inputSize)
                throw new ArgumentException($"{GetName()} expects a (batch, {_inputSize}) or ({_inputSize}) input, got shape {ShapeText(input.shape)}");
        }

        private Parameter? _weightIh;
        private Parameter? _weightHh;
        private Parameter? _biasIh;
        private Parameter? _biasHh;
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static LSTMCell LSTMCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(inputSize, hiddenSize, bias, device, dtype);
        }
    }
}

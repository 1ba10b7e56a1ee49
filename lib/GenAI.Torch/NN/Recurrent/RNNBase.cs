// The multi-layer recurrent layers (RNN, LSTM, GRU) share their parameters'
// names, shapes and initialisation: per layer k and direction (suffix "_reverse"
// for the backward one) weight_ih_lk (gates*hidden, input), weight_hh_lk
// (gates*hidden, hidden), bias_ih_lk and bias_hh_lk, all U(-1/sqrt(hidden), 1/sqrt(hidden)).
using static TorchSharp.torch;

namespace TorchSharp.Modules;

public abstract class RNNBase<TState, TResult> : torch.nn.Module<Tensor, TState, TResult>
{
    private protected readonly RecurrentKind Kind;
    private readonly List<Parameter> _flat = new();

    private protected RNNBase(string name, RecurrentKind kind, long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst,
        double dropout, bool bidirectional, Device? device, ScalarType? dtype) : base(name)
    {
        if (inputSize <= 0 || hiddenSize <= 0 || numLayers <= 0)
            throw new ArgumentException($"{name}: inputSize, hiddenSize and numLayers must be positive, got {inputSize}, {hiddenSize}, {numLayers}");
        if (dropout < 0 || dropout > 1) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be between 0 and 1");
        Kind = kind;
        input_size = inputSize;
        hidden_size = hiddenSize;
        num_layers = numLayers;
        this.bias = bias;
        batch_first = batchFirst;
        this.dropout = dropout;
        this.bidirectional = bidirectional;

        long gates = Recurrent.Gates(kind) * hiddenSize;
        int directions = bidirectional ? 2 : 1;
        for (long layer = 0; layer < numLayers; layer++)
            for (int direction = 0; direction < directions; direction++)
            {
                long layerInput = layer == 0 ? inputSize : hiddenSize * directions;
                var suffix = $"_l{layer}" + (direction == 1 ? "_reverse" : "");
                Add("weight_ih" + suffix, new[] { gates, layerInput }, dtype, device);
                Add("weight_hh" + suffix, new[] { gates, hiddenSize }, dtype, device);
                if (bias)
                {
                    Add("bias_ih" + suffix, new[] { gates }, dtype, device);
                    Add("bias_hh" + suffix, new[] { gates }, dtype, device);
                }
            }
        reset_parameters();
    }

    private void Add(string name, long[] shape, ScalarType? dtype, Device? device)
    {
        var p = NNInterop.EmptyParameter(shape, dtype, device);
        register_parameter(name, p);
        _flat.Add(p);
    }

    public long input_size { get; }
    public long hidden_size { get; }
    public long num_layers { get; }
    public bool bias { get; }
    public bool batch_first { get; }
    public double dropout { get; }
    public bool bidirectional { get; }

    public void reset_parameters()
    {
        double stdv = 1.0 / Math.Sqrt(hidden_size);
        foreach (var p in parameters()) torch.nn.init.uniform_(p, -stdv, stdv);
    }

    /// <summary>Nothing to do: this engine passes the weights to libtorch's loop as they are.</summary>
    public void flatten_parameters() { }

    public Parameter get_weight_ih(long idx) => get_parameter($"weight_ih_l{idx}");
    public Parameter get_weight_hh(long idx) => get_parameter($"weight_hh_l{idx}");
    public Parameter get_bias_ih(long idx) => get_parameter($"bias_ih_l{idx}");
    public Parameter get_bias_hh(long idx) => get_parameter($"bias_hh_l{idx}");

    // The parameters as registered now (a load_state_dict or to() keeps the same objects).
    private protected IReadOnlyList<Tensor> Weights => named_parameters(false).Select(p => (Tensor)p.Item2).ToList();

    private protected void CheckInput(Tensor input)
    {
        var rank = input.dim();
        if (rank != 2 && rank != 3)
            throw new ArgumentException($"{GetName()} expects a 3-D input ({(batch_first ? "batch, seq, feature" : "seq, batch, feature")}) or a 2-D unbatched one, got shape {ShapeText(input.shape)}");
        if (input.shape[^1] != input_size)
            throw new ArgumentException($"{GetName()}: input has {input.shape[^1]} features in its last dimension, the layer expects input_size = {input_size} (shape {ShapeText(input.shape)})");
    }

    private protected (Tensor output, Tensor h, Tensor? c) RunFused(Tensor input, Tensor? h0, Tensor? c0)
    {
        CheckInput(input);
        return Recurrent.Run(Kind, input, h0, c0, Weights, bias, num_layers, dropout, training, bidirectional, batch_first);
    }
}

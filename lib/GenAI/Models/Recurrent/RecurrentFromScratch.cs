using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>Sizes of a recurrent layer stack, with the same meaning as TorchSharp's nn.RNN/nn.LSTM/nn.GRU arguments.</summary>
public sealed record RecurrentConfig(RecurrentKind Kind, int InputSize, int HiddenSize, int NumLayers = 1,
    bool Bias = true, bool BatchFirst = false, bool Bidirectional = false)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot make a model.</summary>
    public void Validate()
    {
        const string r = nameof(RecurrentConfig);
        if (!Enum.IsDefined(Kind)) throw new ArgumentException($"{r}.Kind must be one of {string.Join(", ", Enum.GetNames<RecurrentKind>())}; got {Kind}.", nameof(Kind));
        ConfigChecks.AtLeast(r, nameof(InputSize), InputSize, 1);
        ConfigChecks.AtLeast(r, nameof(HiddenSize), HiddenSize, 1);
        ConfigChecks.AtLeast(r, nameof(NumLayers), NumLayers, 1);
    }

    /// <summary>1, or 2 for a bidirectional stack.</summary>
    public int Directions => Bidirectional ? 2 : 1;
}

/// <summary>What a recurrent stack returns.</summary>
/// <param name="Output">The last layer's hidden state at every step: [T, B, D*H] ([B, T, D*H] batch-first), both directions side by side.</param>
/// <param name="H">The final hidden state of every layer and direction [L*D, B, H], ordered layer 0 forward, layer 0 backward, layer 1 forward...</param>
/// <param name="C">The LSTM's final cell states [L*D, B, H]; null for the RNN and the GRU.</param>
public sealed record RecurrentOutput(Tensor Output, Tensor H, Tensor? C);

/// <summary>
/// A multi-layer, optionally bidirectional RNN/LSTM/GRU unrolled by hand: a plain loop over time
/// steps that calls <see cref="RecurrentCells"/>. The same weights are used at every step (parameter
/// sharing). Parameters are named and shaped as in PyTorch (weight_ih_l0, weight_hh_l0, bias_ih_l0,
/// bias_hh_l0, ..._reverse), so <see cref="CopyFrom"/> can take them from TorchSharp's fused module
/// and the two can be compared number for number.
/// </summary>
public sealed class RecurrentFromScratch : nn.Module<Tensor, Tensor>
{
    readonly Dictionary<string, Parameter> weights = [];

    public RecurrentConfig Config { get; }

    public RecurrentFromScratch(RecurrentConfig config, Device? device = null) : base(nameof(RecurrentFromScratch))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        int gates = RecurrentCells.Gates(config.Kind);
        // PyTorch's initialisation: every weight and bias uniform in (-1/sqrt(H), 1/sqrt(H)).
        double bound = 1.0 / Math.Sqrt(config.HiddenSize);
        for (int layer = 0; layer < config.NumLayers; layer++)
        {
            long layerInput = layer == 0 ? config.InputSize : (long)config.HiddenSize * config.Directions;
            for (int direction = 0; direction < config.Directions; direction++)
            {
                string suffix = Suffix(layer, direction);
                Add($"weight_ih_{suffix}", [gates * config.HiddenSize, layerInput], bound, device);
                Add($"weight_hh_{suffix}", [gates * config.HiddenSize, config.HiddenSize], bound, device);
                if (config.Bias)
                {
                    Add($"bias_ih_{suffix}", [gates * config.HiddenSize], bound, device);
                    Add($"bias_hh_{suffix}", [gates * config.HiddenSize], bound, device);
                }
            }
        }
    }

    /// <summary>Copy every weight from TorchSharp's nn.RNN/nn.LSTM/nn.GRU of the same configuration (matched by name and shape).</summary>
    public void CopyFrom(nn.Module reference)
    {
        var theirs = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        if (theirs.Count != weights.Count || weights.Keys.Any(k => !theirs.ContainsKey(k)))
            throw new ArgumentException(
                $"The reference's parameters ({string.Join(", ", theirs.Keys)}) do not match this {Config}'s ({string.Join(", ", weights.Keys)}).", nameof(reference));
        using var noGrad = no_grad();
        foreach (var (name, mine) in weights)
        {
            if (!theirs[name].shape.SequenceEqual(mine.shape))
                throw new ArgumentException($"Parameter {name}: reference {ShapeText.Of(theirs[name])}, this module {ShapeText.Of(mine)}.", nameof(reference));
            mine.copy_(theirs[name]);
        }
    }

    /// <summary>The output sequence only (see <see cref="Run"/> for the final states).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Run(input).Output);
    }

    /// <summary>
    /// Run the stack over a whole sequence. <paramref name="input"/> is [T, B, I] ([B, T, I] batch-first);
    /// <paramref name="h0"/> and <paramref name="c0"/> are [L*D, B, H] (zeros when null; c0 only for the LSTM).
    /// </summary>
    public RecurrentOutput Run(Tensor input, Tensor? h0 = null, Tensor? c0 = null)
    {
        if (input.ndim != 3 || input.shape[2] != Config.InputSize)
            throw new ArgumentException(
                $"Expected input of shape {(Config.BatchFirst ? "[B, T, " : "[T, B, ")}{Config.InputSize}]; got {ShapeText.Of(input)}.", nameof(input));
        if (c0 is not null && Config.Kind != RecurrentKind.Lstm)
            throw new ArgumentException($"Only the LSTM has a cell state; got c0 {ShapeText.Of(c0)} for a {Config.Kind}.", nameof(c0));
        using var scope = NewDisposeScope();
        var x = Config.BatchFirst ? input.transpose(0, 1) : input;   // [T, B, I]
        long steps = x.shape[0], batch = x.shape[1];
        long[] stateShape = [Config.NumLayers * Config.Directions, batch, Config.HiddenSize];
        h0 = CheckState(h0, stateShape, nameof(h0)) ?? zeros(stateShape, x.dtype, x.device);
        if (Config.Kind == RecurrentKind.Lstm) c0 = CheckState(c0, stateShape, nameof(c0)) ?? zeros(stateShape, x.dtype, x.device);

        var finalH = new List<Tensor>();
        var finalC = new List<Tensor>();
        for (int layer = 0; layer < Config.NumLayers; layer++)
        {
            var outputs = new List<Tensor>();
            for (int direction = 0; direction < Config.Directions; direction++)
            {
                int index = layer * Config.Directions + direction;
                var (sequence, h, c) = Unroll(x, Suffix(layer, direction), reverse: direction == 1, h0[index], c0?[index]);
                outputs.Add(sequence);
                finalH.Add(h);
                if (c is not null) finalC.Add(c);
            }
            x = outputs.Count == 1 ? outputs[0] : cat(outputs, dim: 2);   // the next layer reads both directions
        }
        var output = Config.BatchFirst ? x.transpose(0, 1) : x;
        var result = new RecurrentOutput(output, stack(finalH), finalC.Count > 0 ? stack(finalC) : null);
        result.Output.MoveToOuterDisposeScope();
        result.H.MoveToOuterDisposeScope();
        result.C?.MoveToOuterDisposeScope();
        return result;
    }

    // One layer, one direction: the same cell, with the same weights, applied at every step.
    (Tensor Sequence, Tensor H, Tensor? C) Unroll(Tensor x, string suffix, bool reverse, Tensor h, Tensor? c)
    {
        var wIh = weights[$"weight_ih_{suffix}"];
        var wHh = weights[$"weight_hh_{suffix}"];
        var bIh = Config.Bias ? weights[$"bias_ih_{suffix}"] : null;
        var bHh = Config.Bias ? weights[$"bias_hh_{suffix}"] : null;
        long steps = x.shape[0];
        var states = new Tensor[steps];
        for (long s = 0; s < steps; s++)
        {
            long t = reverse ? steps - 1 - s : s;   // the backward direction reads the sequence from its end
            switch (Config.Kind)
            {
                case RecurrentKind.Rnn:
                    h = RecurrentCells.Rnn(x[t], h, wIh, wHh, bIh, bHh);
                    break;
                case RecurrentKind.Lstm:
                    var lstm = RecurrentCells.Lstm(x[t], h, c!, wIh, wHh, bIh, bHh);
                    (h, c) = (lstm.H, lstm.C);
                    break;
                default:
                    h = RecurrentCells.Gru(x[t], h, wIh, wHh, bIh, bHh).H;
                    break;
            }
            states[t] = h;
        }
        return (stack(states), h, c);
    }

    void Add(string name, long[] shape, double bound, Device? device)
    {
        var p = new Parameter(empty(shape, device: device).uniform_(-bound, bound));
        weights[name] = p;
        register_parameter(name, p);
    }

    static string Suffix(int layer, int direction) => direction == 0 ? $"l{layer}" : $"l{layer}_reverse";

    static Tensor? CheckState(Tensor? state, long[] shape, string name)
    {
        if (state is not null && !state.shape.SequenceEqual(shape))
            throw new ArgumentException($"{name} must be [L*D, B, H] = [{string.Join(", ", shape)}]; got {ShapeText.Of(state)}.", name);
        return state;
    }
}

namespace GenAI.Models;

/// <summary>
/// Trainable parameters of one recurrent layer, counted the way Keras' model.summary() and
/// PyTorch's parameters() count them. With G gates (1 RNN, 4 LSTM, 3 GRU), input size I and
/// hidden size H, the weights are G·(I·H + H·H) in both; the time steps do not appear (the same
/// cell runs at every step). They differ in the biases: Keras adds one bias per gate, G·H;
/// PyTorch has two (b_ih and b_hh), 2·G·H. Keras' GRU with reset_after=True (its default) also
/// keeps two, which is why it agrees with PyTorch there.
/// </summary>
public static class RecurrentParameterCount
{
    /// <summary>Keras: SimpleRNN/LSTM/GRU(units) on features of size <paramref name="inputSize"/>.</summary>
    /// <param name="resetAfter">GRU only: Keras' reset_after (default true), which adds a second bias.</param>
    public static long Keras(RecurrentKind kind, long inputSize, long units, bool useBias = true, bool resetAfter = true)
    {
        Check(inputSize, units);
        int gates = RecurrentCells.Gates(kind);
        long weights = gates * (inputSize * units + units * units);   // G·(I·H + H·H)
        if (!useBias) return weights;
        int biases = kind == RecurrentKind.Gru && resetAfter ? 2 : 1;
        return weights + biases * gates * units;                      // + G·H (or 2·G·H for reset_after)
    }

    /// <summary>PyTorch/TorchSharp: nn.RNN/nn.LSTM/nn.GRU(inputSize, hiddenSize, numLayers, bias, bidirectional).</summary>
    public static long PyTorch(RecurrentKind kind, long inputSize, long hiddenSize, bool bias = true, int numLayers = 1, bool bidirectional = false)
    {
        Check(inputSize, hiddenSize);
        if (numLayers < 1) throw new ArgumentOutOfRangeException(nameof(numLayers), numLayers, "numLayers must be at least 1.");
        int gates = RecurrentCells.Gates(kind);
        int directions = bidirectional ? 2 : 1;
        long total = 0;
        for (int layer = 0; layer < numLayers; layer++)
        {
            // Layers above the first read both directions' outputs side by side.
            long layerInput = layer == 0 ? inputSize : directions * hiddenSize;
            long perDirection = gates * (layerInput * hiddenSize + hiddenSize * hiddenSize)   // W_ih, W_hh
                                + (bias ? 2 * gates * hiddenSize : 0);                         // b_ih, b_hh
            total += directions * perDirection;   // a bidirectional layer is two independent cells
        }
        return total;
    }

    static void Check(long inputSize, long hiddenSize)
    {
        if (inputSize < 1) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "The input size must be at least 1.");
        if (hiddenSize < 1) throw new ArgumentOutOfRangeException(nameof(hiddenSize), hiddenSize, "The hidden size (units) must be at least 1.");
    }
}

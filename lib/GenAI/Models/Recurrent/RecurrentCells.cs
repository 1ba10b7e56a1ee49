using static TorchSharp.torch;

namespace GenAI.Models;

/// <summary>The three recurrent cells of notebook 07.</summary>
public enum RecurrentKind
{
    /// <summary>Elman RNN: one tanh layer (Keras' SimpleRNN).</summary>
    Rnn,
    /// <summary>Long short-term memory: input, forget, candidate and output gates plus a cell state.</summary>
    Lstm,
    /// <summary>Gated recurrent unit: reset and update gates, no cell state.</summary>
    Gru,
}

/// <summary>One LSTM step with its gates kept, so that a notebook can draw them.</summary>
/// <param name="H">New hidden state h_t [B, H].</param>
/// <param name="C">New cell state c_t [B, H].</param>
/// <param name="Input">Input gate i_t.</param>
/// <param name="Forget">Forget gate f_t.</param>
/// <param name="Candidate">Candidate values g_t (often written c~_t).</param>
/// <param name="Output">Output gate o_t.</param>
public sealed record LstmStep(Tensor H, Tensor C, Tensor Input, Tensor Forget, Tensor Candidate, Tensor Output);

/// <summary>One GRU step with its gates kept.</summary>
/// <param name="H">New hidden state h_t [B, H].</param>
/// <param name="Reset">Reset gate r_t.</param>
/// <param name="Update">Update gate z_t.</param>
/// <param name="Candidate">Candidate state n_t (often written h~_t).</param>
public sealed record GruStep(Tensor H, Tensor Reset, Tensor Update, Tensor Candidate);

/// <summary>
/// One time step of each recurrent cell, written with tensor operations and laid out exactly like
/// PyTorch's (and TorchSharp's) fused kernels: weights W_ih [G*H, I] and W_hh [G*H, H] stack the
/// G gates' matrices in PyTorch's order, and there are two biases b_ih and b_hh (Keras keeps one).
/// x is [B, I], h and c are [B, H]. The biases may be null (bias: false).
/// </summary>
public static class RecurrentCells
{
    /// <summary>Gates per cell: the number of [H, I] blocks stacked in W_ih (1, 4 or 3).</summary>
    public static int Gates(RecurrentKind kind) => kind switch
    {
        RecurrentKind.Rnn => 1,
        RecurrentKind.Lstm => 4,
        RecurrentKind.Gru => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown recurrent kind."),
    };

    /// <summary>h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)</summary>
    public static Tensor Rnn(Tensor x, Tensor h, Tensor wIh, Tensor wHh, Tensor? bIh = null, Tensor? bHh = null)
    {
        CheckStep(x, h, wIh, wHh, 1);
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(Affine(x, wIh, bIh).add(Affine(h, wHh, bHh)).tanh());
    }

    /// <summary>
    /// PyTorch's gate order in W_ih and W_hh is (i, f, g, o):
    /// i = σ(W_ii x + b_ii + W_hi h + b_hi), f = σ(...), g = tanh(...), o = σ(...);
    /// c_t = f ⊙ c_{t-1} + i ⊙ g (the additive path), h_t = o ⊙ tanh(c_t).
    /// </summary>
    public static LstmStep Lstm(Tensor x, Tensor h, Tensor c, Tensor wIh, Tensor wHh, Tensor? bIh = null, Tensor? bHh = null)
    {
        CheckStep(x, h, wIh, wHh, 4);
        if (!c.shape.SequenceEqual(h.shape))
            throw new ArgumentException($"The cell state c must have the hidden state's shape {ShapeText.Of(h)}; got {ShapeText.Of(c)}.", nameof(c));
        using var scope = NewDisposeScope();
        var chunks = Affine(x, wIh, bIh).add(Affine(h, wHh, bHh)).chunk(4, dim: 1);
        var input = chunks[0].sigmoid();        // i_t: how much of the candidate to write
        var forget = chunks[1].sigmoid();       // f_t: how much of c_{t-1} to keep
        var candidate = chunks[2].tanh();       // g_t: the new values, in (-1, 1)
        var output = chunks[3].sigmoid();       // o_t: how much of the cell to show
        var cNew = forget.mul(c).add(input.mul(candidate));   // c_t = f ⊙ c_{t-1} + i ⊙ g
        var hNew = output.mul(cNew.tanh());                   // h_t = o ⊙ tanh(c_t)
        var step = new LstmStep(hNew, cNew, input, forget, candidate, output);
        foreach (var t in new[] { hNew, cNew, input, forget, candidate, output }) t.MoveToOuterDisposeScope();
        return step;
    }

    /// <summary>
    /// PyTorch's gate order is (r, z, n):
    /// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
    /// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}.
    /// (r multiplies W_hn h + b_hn after the product: Keras calls this reset_after, and it is why
    /// the GRU needs its second bias.)
    /// </summary>
    public static GruStep Gru(Tensor x, Tensor h, Tensor wIh, Tensor wHh, Tensor? bIh = null, Tensor? bHh = null)
    {
        CheckStep(x, h, wIh, wHh, 3);
        using var scope = NewDisposeScope();
        var fromInput = Affine(x, wIh, bIh).chunk(3, dim: 1);
        var fromHidden = Affine(h, wHh, bHh).chunk(3, dim: 1);
        var reset = fromInput[0].add(fromHidden[0]).sigmoid();                      // r_t
        var update = fromInput[1].add(fromHidden[1]).sigmoid();                     // z_t
        var candidate = fromInput[2].add(reset.mul(fromHidden[2])).tanh();          // n_t
        var hNew = update.neg().add(1).mul(candidate).add(update.mul(h));           // h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}
        var step = new GruStep(hNew, reset, update, candidate);
        foreach (var t in new[] { hNew, reset, update, candidate }) t.MoveToOuterDisposeScope();
        return step;
    }

    // W x + b for a batch of row vectors: x [B, K] @ W^T [K, G*H] (+ b [G*H]).
    static Tensor Affine(Tensor x, Tensor w, Tensor? b) => nn.functional.linear(x, w, b);

    static void CheckStep(Tensor x, Tensor h, Tensor wIh, Tensor wHh, int gates)
    {
        if (x.ndim != 2) throw new ArgumentException($"x must be one time step [B, I]; got {ShapeText.Of(x)}.", nameof(x));
        if (h.ndim != 2 || h.shape[0] != x.shape[0])
            throw new ArgumentException($"h must be [B, H] with the batch size B = {x.shape[0]} of x {ShapeText.Of(x)}; got {ShapeText.Of(h)}.", nameof(h));
        long hidden = h.shape[1];
        if (wIh.ndim != 2 || wIh.shape[0] != gates * hidden || wIh.shape[1] != x.shape[1])
            throw new ArgumentException(
                $"wIh must be [{gates}*H, I] = [{gates * hidden}, {x.shape[1]}] for x {ShapeText.Of(x)} and h {ShapeText.Of(h)}; got {ShapeText.Of(wIh)}.", nameof(wIh));
        if (wHh.ndim != 2 || wHh.shape[0] != gates * hidden || wHh.shape[1] != hidden)
            throw new ArgumentException(
                $"wHh must be [{gates}*H, H] = [{gates * hidden}, {hidden}] for h {ShapeText.Of(h)}; got {ShapeText.Of(wHh)}.", nameof(wHh));
    }
}

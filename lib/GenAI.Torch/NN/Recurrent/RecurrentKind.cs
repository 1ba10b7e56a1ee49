// Shared plumbing of the recurrent layers: kind codes of native/nn_recurrent.cpp,
// the parameter layout PyTorch uses, and the calls into the fused libtorch loops.
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp.Modules;

/// <summary>Kind codes of gt_nn_rnn / gt_nn_rnn_cell.</summary>
internal enum RecurrentKind { RnnTanh = 0, RnnRelu = 1, Lstm = 2, Gru = 3 }

internal static unsafe class Recurrent
{
    /// <summary>Rows of the stacked gate weights: 1 for a plain RNN, 4 for LSTM (i, f, g, o), 3 for GRU (r, z, n).</summary>
    public static long Gates(RecurrentKind kind) => kind switch { RecurrentKind.Lstm => 4, RecurrentKind.Gru => 3, _ => 1 };

    public static (Tensor output, Tensor h, Tensor? c) Run(RecurrentKind kind, Tensor input, Tensor? h0, Tensor? c0, IReadOnlyList<Tensor> weights,
        bool hasBiases, long numLayers, double dropout, bool train, bool bidirectional, bool batchFirst)
    {
        var handles = weights.Select(w => w.Handle).ToArray();
        var outputs = stackalloc IntPtr[3];
        int status;
        fixed (IntPtr* p = handles)
            status = NativeMethods.gt_nn_rnn((int)kind, input.Handle, NNInterop.H(h0), NNInterop.H(c0), p, handles.Length, hasBiases,
                numLayers, dropout, train, bidirectional, batchFirst, outputs);
        GC.KeepAlive(input); GC.KeepAlive(h0); GC.KeepAlive(c0); GC.KeepAlive(weights);
        Check(status);
        return (Tensor.FromHandle(outputs[0]), Tensor.FromHandle(outputs[1]), outputs[2] == IntPtr.Zero ? null : Tensor.FromHandle(outputs[2]));
    }

    public static (Tensor h, Tensor? c) Cell(RecurrentKind kind, Tensor input, Tensor? hx, Tensor? cx, Tensor w_ih, Tensor w_hh, Tensor? b_ih, Tensor? b_hh)
    {
        var outputs = stackalloc IntPtr[2];
        var status = NativeMethods.gt_nn_rnn_cell((int)kind, input.Handle, NNInterop.H(hx), NNInterop.H(cx), w_ih.Handle, w_hh.Handle,
            NNInterop.H(b_ih), NNInterop.H(b_hh), outputs);
        GC.KeepAlive(input); GC.KeepAlive(hx); GC.KeepAlive(cx); GC.KeepAlive(w_ih); GC.KeepAlive(w_hh); GC.KeepAlive(b_ih); GC.KeepAlive(b_hh);
        Check(status);
        return (Tensor.FromHandle(outputs[0]), outputs[1] == IntPtr.Zero ? null : Tensor.FromHandle(outputs[1]));
    }
}

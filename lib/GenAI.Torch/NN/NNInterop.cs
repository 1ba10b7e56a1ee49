// Small helpers for calling the nn entry points of the shim: handles of optional
// tensors, keeping managed tensors alive across a call, and argument checks that
// turn a bad option into a clear .NET exception before libtorch sees it.
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp;

internal static class NNInterop
{
    /// <summary>The native handle of an optional tensor (zero means "not given").</summary>
    public static IntPtr H(Tensor? t) => t is null ? IntPtr.Zero : t.Handle;

    public static void KeepAlive(params object?[] objects) => GC.KeepAlive(objects);

    /// <summary>Turns a handle returned by the shim into a tensor, throwing libtorch's message on failure.</summary>
    public static Tensor Wrap(IntPtr handle) => Tensor.FromHandle(handle);

    /// <summary>Repeats a single size for every spatial dimension (kernel 3 -> [3, 3]).</summary>
    public static long[] Repeat(long value, int rank) => Enumerable.Repeat(value, rank).ToArray();

    /// <summary>Checks that an explicit size array has one entry per spatial dimension.</summary>
    public static long[] Sized(long[]? values, int rank, long fallback, string what)
    {
        if (values is null) return Repeat(fallback, rank);
        if (values.Length == 1 && rank > 1) return Repeat(values[0], rank);
        if (values.Length != rank)
            throw new ArgumentException($"{what} must have {rank} value(s), got {values.Length}: [{string.Join(", ", values)}]");
        return values;
    }

    /// <summary>A new parameter of the given shape with uninitialised values (the caller initialises it).</summary>
    public static Modules.Parameter EmptyParameter(long[] shape, ScalarType? dtype, Device? device)
    {
        using var data = torch.empty(shape, dtype, device);
        return new Modules.Parameter(data);
    }

    /// <summary>A buffer tensor that its module owns (kept out of any open dispose scope).</summary>
    public static Tensor OwnedBuffer(Tensor t) => t.DetachFromDisposeScope();

    public static long ReductionCode(nn.Reduction reduction) => reduction switch
    {
        nn.Reduction.None => 0,
        nn.Reduction.Mean => 1,
        nn.Reduction.Sum => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "unknown reduction"),
    };
}

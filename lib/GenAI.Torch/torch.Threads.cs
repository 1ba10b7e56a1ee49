using TorchSharp.PInvoke;

namespace TorchSharp;

// libtorch's CPU thread pools (PyTorch docs: "Parallelism").
public static partial class torch
{
    /// <summary>Threads used inside one op (intra-op parallelism).</summary>
    public static void set_num_threads(int num)
    {
        if (num < 1) throw new ArgumentOutOfRangeException(nameof(num), $"set_num_threads needs a positive count, got {num}.");
        Check(NativeMethods.gt_set_num_threads(num));
    }

    public static int get_num_threads()
    {
        var n = NativeMethods.gt_get_num_threads();
        if (n < 0) Check(n);
        return n;
    }

    /// <summary>Threads for running independent ops concurrently; libtorch allows setting it once, before any parallel work.</summary>
    public static void set_num_interop_threads(int num) => Check(NativeMethods.gt_set_num_interop_threads(num));

    public static int get_num_interop_threads()
    {
        var n = NativeMethods.gt_get_num_interop_threads();
        if (n < 0) Check(n);
        return n;
    }
}

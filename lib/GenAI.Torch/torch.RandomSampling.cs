using TorchSharp.PInvoke;

namespace TorchSharp;

// Random sampling (PyTorch docs: "Random sampling"). Without a generator the global CPU
// generator is used, so torch.manual_seed(s) reproduces Python's numbers.
public static partial class torch
{
    internal enum RandomKind { Uniform = 0, Normal = 1 }

    internal static IntPtr GeneratorArg(Generator? generator) => generator is null ? IntPtr.Zero : generator.Handle;

    internal static unsafe Tensor RandomFactory(RandomKind kind, ReadOnlySpan<long> size, ScalarType? dtype, Device? device,
        bool requires_grad, Generator? generator, string[]? names)
    {
        CheckNames(names);
        var (dt, di) = DeviceArgs(device);
        IntPtr r;
        fixed (long* s = size)
            r = NativeMethods.gt_rand((int)kind, s, size.Length, DTypeArg(dtype), dt, di, requires_grad, GeneratorArg(generator));
        GC.KeepAlive(generator);
        return Tensor.FromHandle(r);
    }

    public static unsafe Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null,
        bool requires_grad = false, Generator? generator = null, string[]? names = null)
    {
        CheckNames(names);
        var (dt, di) = DeviceArgs(device);
        IntPtr r;
        fixed (long* s = size)
            r = NativeMethods.gt_randint(low, high, s, size.Length, DTypeArg(dtype), dt, di, requires_grad, GeneratorArg(generator));
        GC.KeepAlive(generator);
        return Tensor.FromHandle(r);
    }

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
        Generator? generator = null, string[]? names = null) => randint(0, high, size, dtype, device, requires_grad, generator, names);

    public static Tensor randint(long low, long high, Size size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
        Generator? generator = null, string[]? names = null) => randint(low, high, size.Shape, dtype, device, requires_grad, generator, names);

    public static Tensor randint(long high, Size size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
        Generator? generator = null, string[]? names = null) => randint(0, high, size.Shape, dtype, device, requires_grad, generator, names);

    public static Tensor randint(int low, int high, int[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
        Generator? generator = null, string[]? names = null) =>
        randint((long)low, high, size.Select(x => (long)x).ToArray(), dtype, device, requires_grad, generator, names);

    public static Tensor randint(int high, int[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false,
        Generator? generator = null, string[]? names = null) =>
        randint(0L, high, size.Select(x => (long)x).ToArray(), dtype, device, requires_grad, generator, names);

    /// <summary>A random permutation of 0..n-1 (int64 by default).</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var (dt, di) = DeviceArgs(device);
        var r = NativeMethods.gt_randperm(n, DTypeArg(dtype), dt, di, requires_grad, GeneratorArg(generator));
        GC.KeepAlive(generator);
        return Tensor.FromHandle(r);
    }

    public static unsafe Tensor normal(double mean, double std, ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null,
        bool requires_grad = false, Generator? generator = null, string[]? names = null)
    {
        CheckNames(names);
        var (dt, di) = DeviceArgs(device);
        IntPtr r;
        fixed (long* s = size)
            r = NativeMethods.gt_normal_scalar(mean, std, s, size.Length, DTypeArg(dtype), dt, di, requires_grad, GeneratorArg(generator));
        GC.KeepAlive(generator);
        return Tensor.FromHandle(r);
    }

    public static Tensor normal(Tensor mean, Tensor std, Generator? generator = null)
    {
        var r = NativeMethods.gt_normal_tensor(mean.Handle, std.Handle, GeneratorArg(generator));
        GC.KeepAlive(mean); GC.KeepAlive(std); GC.KeepAlive(generator);
        return Tensor.FromHandle(r);
    }

    private static Tensor RandLike(int kind, Tensor input, long low, long high, ScalarType? dtype, Device? device, bool requires_grad)
    {
        var (dt, di) = device is null ? (-1, -1) : DeviceArgs(device);
        var r = NativeMethods.gt_rand_like(kind, input.Handle, low, high, DTypeArg(dtype), dt, di, requires_grad);
        GC.KeepAlive(input);
        return Tensor.FromHandle(r);
    }

    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RandLike(0, input, 0, 0, dtype, device, requires_grad);
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RandLike(1, input, 0, 0, dtype, device, requires_grad);
    public static Tensor randint_like(Tensor input, long low, long high, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        RandLike(2, input, low, high, dtype, device, requires_grad);

    /// <summary>Draws num_samples category indices per row of (unnormalised) probabilities.</summary>
    public static Tensor multinomial(Tensor input, long num_samples, bool replacement = false, Generator? generator = null)
    {
        var r = NativeMethods.gt_multinomial(input.Handle, num_samples, replacement, GeneratorArg(generator));
        GC.KeepAlive(input); GC.KeepAlive(generator);
        return Tensor.FromHandle(r);
    }

    /// <summary>0/1 draws with the probabilities in input.</summary>
    public static Tensor bernoulli(Tensor input, Generator? generator = null)
    {
        var r = NativeMethods.gt_bernoulli(input.Handle, GeneratorArg(generator));
        GC.KeepAlive(input); GC.KeepAlive(generator);
        return Tensor.FromHandle(r);
    }

    public static Tensor poisson(Tensor input, Generator? generator = null)
    {
        var r = NativeMethods.gt_poisson(input.Handle, GeneratorArg(generator));
        GC.KeepAlive(input); GC.KeepAlive(generator);
        return Tensor.FromHandle(r);
    }
}

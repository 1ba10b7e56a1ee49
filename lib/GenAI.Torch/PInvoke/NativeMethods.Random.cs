// Generators and random sampling (native/random.cpp), CUDA queries (native/cuda.cpp).
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr gt_generator_new(ulong seed, int device_type, int device_index);
    [LibraryImport(Lib)] internal static partial IntPtr gt_generator_default();
    [LibraryImport(Lib)] internal static partial void gt_generator_free(IntPtr g);
    [LibraryImport(Lib)] internal static partial int gt_generator_manual_seed(IntPtr g, ulong seed);
    [LibraryImport(Lib)] internal static partial long gt_generator_initial_seed(IntPtr g);
    [LibraryImport(Lib)] internal static partial long gt_generator_seed(IntPtr g);
    [LibraryImport(Lib)] internal static partial IntPtr gt_generator_get_state(IntPtr g);
    [LibraryImport(Lib)] internal static partial int gt_generator_set_state(IntPtr g, IntPtr state);
    [LibraryImport(Lib)] internal static partial int gt_generator_device_type(IntPtr g);
    [LibraryImport(Lib)] internal static partial int gt_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int gt_cuda_manual_seed(ulong seed, [MarshalAs(UnmanagedType.U1)] bool all);

    [LibraryImport(Lib)]
    internal static partial IntPtr gt_rand(int kind, long* shape, int ndim, sbyte dtype, int device_type, int device_index,
        [MarshalAs(UnmanagedType.U1)] bool requires_grad, IntPtr generator);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_randint(long low, long high, long* shape, int ndim, sbyte dtype, int device_type,
        int device_index, [MarshalAs(UnmanagedType.U1)] bool requires_grad, IntPtr generator);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_randperm(long n, sbyte dtype, int device_type, int device_index,
        [MarshalAs(UnmanagedType.U1)] bool requires_grad, IntPtr generator);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_normal_scalar(double mean, double std, long* shape, int ndim, sbyte dtype,
        int device_type, int device_index, [MarshalAs(UnmanagedType.U1)] bool requires_grad, IntPtr generator);
    [LibraryImport(Lib)] internal static partial IntPtr gt_normal_tensor(IntPtr mean, IntPtr std, IntPtr generator);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_rand_like(int kind, IntPtr input, long low, long high, sbyte dtype, int device_type,
        int device_index, [MarshalAs(UnmanagedType.U1)] bool requires_grad);
    [LibraryImport(Lib)]
    internal static partial IntPtr gt_multinomial(IntPtr probs, long num_samples, [MarshalAs(UnmanagedType.U1)] bool replacement, IntPtr generator);
    [LibraryImport(Lib)] internal static partial IntPtr gt_bernoulli(IntPtr probs, IntPtr generator);
    [LibraryImport(Lib)] internal static partial IntPtr gt_poisson(IntPtr rates, IntPtr generator);

    [LibraryImport(Lib)] internal static partial int gt_uniform_(IntPtr t, double from, double to, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int gt_normal_(IntPtr t, double mean, double std, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int gt_bernoulli_p_(IntPtr t, double p, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int gt_bernoulli_t_(IntPtr t, IntPtr p, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int gt_random_(IntPtr t, long from, long to, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int gt_exponential_(IntPtr t, double lambd, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int gt_geometric_(IntPtr t, double p, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int gt_log_normal_(IntPtr t, double mean, double std, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int gt_cauchy_(IntPtr t, double median, double sigma, IntPtr generator);

    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool gt_cuda_is_available();
    [LibraryImport(Lib)] internal static partial long gt_cuda_device_count();
    [LibraryImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool gt_cudnn_is_available();
    [LibraryImport(Lib)] internal static partial int gt_cuda_synchronize(long device_index);
}

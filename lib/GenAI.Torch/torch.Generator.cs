using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>A random number generator (libtorch's, so seeded streams match PyTorch's).
    /// Pass it as <c>generator:</c> to random factories to draw from it instead of the global one.</summary>
    public class Generator : IDisposable
    {
        private IntPtr _handle;

        public Generator(ulong seed = 0, Device? device = null)
        {
            var (dt, di) = DeviceArgs(device);
            _handle = NativeMethods.gt_generator_new(seed, dt, di);
            if (_handle == IntPtr.Zero) CheckForErrors();
            this.device = device ?? CPU;
        }

        private Generator(IntPtr handle, Device device)
        {
            _handle = handle;
            this.device = device;
        }

        public IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(Generator));

        public Device device { get; }

        private static Generator? _default;

        /// <summary>The process-wide default CPU generator (the one torch.manual_seed seeds).</summary>
        public static Generator Default
        {
            get
            {
                if (_default is null)
                {
                    var h = NativeMethods.gt_generator_default();
                    if (h == IntPtr.Zero) CheckForErrors();
                    Interlocked.CompareExchange(ref _default, new Generator(h, CPU), null);
                }
                return _default!;
            }
        }

        public Generator manual_seed(long seed)
        {
            Check(NativeMethods.gt_generator_manual_seed(Handle, unchecked((ulong)seed)));
            GC.KeepAlive(this);
            return this;
        }

        public long initial_seed()
        {
            var r = NativeMethods.gt_generator_initial_seed(Handle);
            GC.KeepAlive(this);
            return r;
        }

        /// <summary>Re-seeds from a non-deterministic source; returns the new seed.</summary>
        public long seed()
        {
            var r = NativeMethods.gt_generator_seed(Handle);
            GC.KeepAlive(this);
            return r;
        }

        /// <summary>The generator's state as a uint8 tensor (restore it with set_state).</summary>
        public Tensor get_state()
        {
            var r = NativeMethods.gt_generator_get_state(Handle);
            GC.KeepAlive(this);
            return Tensor.FromHandle(r);
        }

        public void set_state(Tensor value)
        {
            var s = NativeMethods.gt_generator_set_state(Handle, value.Handle);
            GC.KeepAlive(this);
            GC.KeepAlive(value);
            Check(s);
        }

        ~Generator() => Free();

        public void Dispose()
        {
            Free();
            GC.SuppressFinalize(this);
        }

        private void Free()
        {
            var h = Interlocked.Exchange(ref _handle, IntPtr.Zero);
            if (h != IntPtr.Zero) NativeMethods.gt_generator_free(h);
        }
    }

    /// <summary>Seeds the default CPU generator and all CUDA generators, like torch.manual_seed in Python.</summary>
    public static Generator manual_seed(long seed)
    {
        Check(NativeMethods.gt_manual_seed(unchecked((ulong)seed)));
        return Generator.Default;
    }

    public static partial class random
    {
        public static Generator manual_seed(long seed) => torch.manual_seed(seed);
        public static long initial_seed() => Generator.Default.initial_seed();
        public static long seed() => Generator.Default.seed();
        public static Tensor get_rng_state() => Generator.Default.get_state();
        public static void set_rng_state(Tensor new_state) => Generator.Default.set_state(new_state);
    }

    public static partial class cuda
    {
        /// <summary>True when libtorch was built with CUDA and a GPU is visible.</summary>
        public static bool is_available() => NativeMethods.gt_cuda_is_available();
        public static int device_count() => (int)NativeMethods.gt_cuda_device_count();
        public static bool is_cudnn_available() => NativeMethods.gt_cudnn_is_available();
        public static void manual_seed(long seed) => Check(NativeMethods.gt_cuda_manual_seed(unchecked((ulong)seed), false));
        public static void manual_seed_all(long seed) => Check(NativeMethods.gt_cuda_manual_seed(unchecked((ulong)seed), true));
        public static void synchronize(Device? device = null) => Check(NativeMethods.gt_cuda_synchronize(device?.index ?? -1));
    }
}

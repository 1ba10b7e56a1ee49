using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;

namespace GenAI;

/// <summary>
/// Turns off libtorch's oneDNN (MKL-DNN) backend for CPU operations as soon as the library is loaded.
/// <para>
/// Why: in libtorch 2.10 as TorchSharp 0.107 ships it, oneDNN's convolution <c>backward_data</c>
/// (<c>jit:avx512_core</c>, and <c>jit:avx2</c> with one output channel) returns wrong input gradients for
/// convolutions with few channels (8 or fewer in or out): measured on this course's AMD EPYC, 24 to 37 of
/// 40 gradients were wrong once freed memory held old values, and some were NaN. The network's
/// weights still get correct gradients at that layer, but every layer below it learns from garbage:
/// that was the "random" NaN of the small U-Nets, CLIP image towers and CNN students. Without oneDNN
/// libtorch computes convolutions with its own im2col + BLAS kernels, which match a float64 reference
/// (<c>tests/GenAI.Tests/Course/ConvolutionGradientTests.cs</c>).
/// </para>
/// <para>
/// How: libtorch has no environment variable for it, and TorchSharp does not expose
/// <c>torch.backends.mkldnn.enabled</c>, so this calls libtorch's exported
/// <c>at::globalContext().setUserEnabledMkldnn(false)</c> (the switch behind PyTorch's flag). Set
/// <c>GENAI_ONEDNN=1</c> to leave oneDNN on. Where the symbols are not found (a libtorch built otherwise,
/// Windows' different name mangling) nothing changes and <see cref="Status"/> says so.
/// </para>
/// </summary>
public static class OneDnnConvolutionFix
{
    /// <summary>Name of the environment variable that keeps oneDNN on when set to 1.</summary>
    public const string EnvironmentVariable = "GENAI_ONEDNN";

    /// <summary>What happened at load: "oneDNN off", "oneDNN left on (GENAI_ONEDNN=1)", or why nothing could be done.</summary>
    public static string Status { get; private set; } = "not applied yet";

    /// <summary>Whether libtorch's oneDNN backend is enabled now (null when the switch cannot be read here).</summary>
    public static bool? OneDnnEnabled
    {
        get
        {
            if (!TryBind(out var context, out _, out var read)) return null;
            return read(context);
        }
    }

    // A library-level initializer on purpose: every model, test and notebook gets correct gradients without having to
    // remember a call first.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ApplyAtLoad() => Apply();

    /// <summary>Applies the setting of <see cref="EnvironmentVariable"/> (off unless it is 1); safe to call again.</summary>
    public static void Apply()
    {
        try
        {
            if (!TryBind(out var context, out var write, out _))
                return;
            bool keep = Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";
            write(context, keep);
            Status = keep ? $"oneDNN left on ({EnvironmentVariable}=1)" : "oneDNN off";
        }
        catch (Exception e)   // never let a load-time switch break the library: report it instead
        {
            Status = $"not applied: {e.GetType().Name}: {e.Message}";
        }
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate IntPtr GlobalContext();
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate void SetEnabled(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] [return: MarshalAs(UnmanagedType.U1)] delegate bool GetEnabled(IntPtr context);

    static bool TryBind(out IntPtr context, out Action<IntPtr, bool> write, out Func<IntPtr, bool> read)
    {
        context = IntPtr.Zero;
        write = (_, _) => { };
        read = _ => false;
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            Status = "not applied: libtorch's C++ names are looked up with the Itanium mangling of Linux and macOS";
            return false;
        }
        torch.get_num_threads();   // makes TorchSharp load libtorch first, from its own runtime folder
        string file = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "libtorch_cpu.dylib" : "libtorch_cpu.so";
        if (!NativeLibrary.TryLoad(file, typeof(torch).Assembly, null, out var library) && !NativeLibrary.TryLoad(file, out library))
        {
            Status = $"not applied: {file} not found";
            return false;
        }
        if (!NativeLibrary.TryGetExport(library, "_ZN2at13globalContextEv", out var contextFunction)
            || !NativeLibrary.TryGetExport(library, "_ZN2at7Context20setUserEnabledMkldnnEb", out var setFunction)
            || !NativeLibrary.TryGetExport(library, "_ZNK2at7Context17userEnabledMkldnnEv", out var getFunction))
        {
            Status = $"not applied: {file} does not export at::Context::setUserEnabledMkldnn";
            return false;
        }
        context = Marshal.GetDelegateForFunctionPointer<GlobalContext>(contextFunction)();
        var set = Marshal.GetDelegateForFunctionPointer<SetEnabled>(setFunction);
        var get = Marshal.GetDelegateForFunctionPointer<GetEnabled>(getFunction);
        write = (c, enabled) => set(c, enabled);
        read = c => get(c);
        return true;
    }
}

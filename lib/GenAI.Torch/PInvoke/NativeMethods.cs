// P/Invoke declarations of the native shim (native/*.cpp), one partial file per native area.
//
// Only this folder sees raw pointers. Conventions (match native/common.h):
//   - a function returning a tensor returns IntPtr.Zero on failure; wrap it with
//     `Tensor.FromHandle(ptr)`, which calls `torch.CheckForErrors()` on zero and throws;
//   - a function returning int returns -1 on failure; call `torch.CheckForErrors()`
//     right after it (or use `torch.Check(status)`);
//   - tensors are passed as `tensor.Handle` (IntPtr). After the call, keep the managed
//     Tensor alive with GC.KeepAlive(tensor) so the finalizer cannot free it mid-call;
//   - bools cross as one byte ([MarshalAs(UnmanagedType.U1)]); scalars as NativeScalar by value.
// Example (an op taking two tensors):
//   [LibraryImport(Lib)] internal static partial IntPtr gt_add(IntPtr a, IntPtr b, NativeScalar alpha);
//   var r = NativeMethods.gt_add(a.Handle, b.Handle, alpha); GC.KeepAlive(a); GC.KeepAlive(b);
//   return Tensor.FromHandle(r);
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TorchSharp.PInvoke;

internal static partial class NativeMethods
{
    internal const string Lib = "GenAITorchNative";

    /// <summary>Resolves the shim from the folder of this assembly (where the build copies it),
    /// so tests, the course library and notebooks loading the DLL by path all find it.</summary>
#pragma warning disable CA2255 // a library must install its resolver before its first P/Invoke
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterResolver()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Lib) return IntPtr.Zero;
        var candidates = new List<string>();
        var folder = Path.GetDirectoryName(assembly.Location);
        if (!string.IsNullOrEmpty(folder)) candidates.Add(Path.Combine(folder, "libGenAITorchNative.so"));
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "libGenAITorchNative.so"));
        foreach (var path in candidates)
            if (File.Exists(path)) return NativeLibrary.Load(path);
        if (NativeLibrary.TryLoad("libGenAITorchNative.so", assembly, searchPath, out var handle)) return handle;
        throw new DllNotFoundException(
            "libGenAITorchNative.so (the libtorch shim) was not found next to " + assembly.Location +
            ". Build lib/GenAI.Torch (dotnet build) after installing libtorch: sudo apt-get install libtorch-dev cmake g++.");
    }

    [LibraryImport(Lib)] internal static partial IntPtr gt_last_error();
    [LibraryImport(Lib)] internal static partial void gt_free(IntPtr t);
}

/// <summary>A scalar crossing to native code by value (layout of GtScalar in native/common.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeScalar
{
    public double d;
    public double im;
    public long i;
    public int kind; // 0 integer, 1 floating, 2 boolean, 3 complex

    public static NativeScalar Int(long v) => new() { i = v, d = v, kind = 0 };
    public static NativeScalar Float(double v) => new() { d = v, kind = 1 };
    public static NativeScalar Bool(bool v) => new() { i = v ? 1 : 0, kind = 2 };
    public static readonly NativeScalar One = Int(1);
}

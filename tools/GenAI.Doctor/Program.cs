// GenAI doctor: tells whether the engine works here and on which device the course will run.
//
//   dotnet run --project tools/GenAI.Doctor [-- auto|cpu|cuda|cuda:N]
//
// It prints the TorchSharp and libtorch versions, the TorchSharp runtime package this build uses
// (TorchSharp-cpu, or TorchSharp-cuda-linux when built with -p:TorchBackend=cuda), which
// libtorch_cpu.so the loader mapped, whether CUDA is there, the device GenAI.Devices.Pick chose,
// a 2x2 CPU matmul worked by hand and, on a GPU, a CUDA matmul compared with the CPU.
//
// Exit codes: 0 all checks passed; 1 the engine did not load or a check gave a wrong result;
// 2 the requested device is not usable here (the message says why).
using GenAI;
using GenAI.Doctor;
using TorchSharp;

var preference = args.Length > 0 ? args[0] : "auto";

var packages = EngineInfo.BuiltWith();
var cudaBuild = packages.Any(p => p.IsCuda);
// Nothing here touches the torch class yet: its static constructor loads the native library.
Console.WriteLine($"TorchSharp: {EngineInfo.TorchSharpVersion()}");
Console.WriteLine(packages.Count switch
{
    0 => $"build: no TorchSharp runtime package in {EngineInfo.DepsFile}",
    1 when cudaBuild => $"build: {packages[0].Name} {packages[0].Version}, a CUDA build",
    1 => $"build: {packages[0].Name} {packages[0].Version}, a CPU build (-p:TorchBackend=cuda selects TorchSharp-cuda-linux)",
    _ => $"build: {string.Join(" and ", packages.Select(p => $"{p.Name} {p.Version}"))}, more than one runtime package",
});

// The first use of torch loads TorchSharp's native library and libtorch (the CUDA build's too).
string libtorchVersion;
bool cudaAvailable;
int cudaDevices;
try
{
    libtorchVersion = torch.__version__;
    cudaAvailable = torch.cuda.is_available();
    cudaDevices = cudaAvailable ? torch.cuda.device_count() : 0;
}
catch (Exception e)
{
    while (e is TypeInitializationException && e.InnerException != null) e = e.InnerException;
    Console.Error.WriteLine($"doctor: TorchSharp could not load its native library: {EngineInfo.FirstSentence(e.Message)}");
    foreach (var line in EngineInfo.WhyNativeLibraryFails())
        Console.Error.WriteLine($"doctor: {line}");
    return 1;
}

Console.WriteLine($"libtorch: {libtorchVersion}");
var ok = true;
var libtorch = EngineInfo.LoadedLibrary("libtorch_cpu.so");
if (libtorch == null)
{
    Console.WriteLine("libtorch_cpu.so: not loaded (TorchSharp loaded no libtorch)");
    ok = false;
}
else if (EngineInfo.IsFromTorchSharpPackage(libtorch))
    Console.WriteLine($"libtorch_cpu.so: {libtorch} (the package's)");
else
{
    Console.WriteLine($"libtorch_cpu.so: {libtorch} (NOT the TorchSharp package's: another libtorch on the loader path won)");
    ok = false;
}
if (EngineInfo.LoadedLibrary("libtorch_cuda.so") is { } libtorchCuda)
    Console.WriteLine($"libtorch_cuda.so: {libtorchCuda}");
// Switching the build from CUDA back to the CPU leaves the CUDA libraries in the output folder, where
// TorchSharp's CUDA probe would still find them.
if (packages.Count > 0 && !cudaBuild && EngineInfo.BesideTorchSharp("libtorch_cuda.so") is { } leftover)
{
    Console.WriteLine($"libtorch_cuda.so: {leftover} is left over from a CUDA build (this is a CPU build): delete the bin/ and obj/ folders and build again");
    ok = false;
}

Console.WriteLine(cudaAvailable
    ? $"CUDA: available, {cudaDevices} device{(cudaDevices == 1 ? "" : "s")}, cuDNN {(torch.cuda.is_cudnn_available() ? "available" : "not available")}"
    : "CUDA: not available (torch.cuda.is_available() is false)");

torch.Device device;
try
{
    device = Devices.Pick(preference);
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException)
{
    Console.Error.WriteLine($"doctor: {e.Message}");
    if (e is InvalidOperationException && !cudaAvailable)
        Console.Error.WriteLine(cudaBuild
            ? "doctor: this is a CUDA build, but libtorch sees no GPU: check that nvidia-smi works and that the container " +
              "runs with --gpus all (NVIDIA Container Toolkit on the host)."
            : "doctor: this is a CPU build (TorchSharp-cpu has no CUDA code): build with -p:TorchBackend=cuda " +
              "(the GPU devcontainer sets TorchBackend=cuda) to run on a GPU.");
    return 2;
}

if (device.type == DeviceType.CPU)
    Console.WriteLine(cudaDevices == 0 ? "no CUDA: running on CPU" : $"device: cpu (asked for \"{preference}\"; CUDA is there but not used)");
else
    Console.WriteLine($"device: {device}");

var productOk = MatmulChecks.SmallProductIsExact();
Console.WriteLine(productOk ? "CPU matmul: [[1,2],[3,4]] @ [[5,6],[7,8]] = [[19,22],[43,50]] ok" : "CPU matmul: WRONG result");
ok &= productOk;
if (device.type == DeviceType.CUDA)
{
    var (matches, maxDifference, milliseconds) = MatmulChecks.DeviceAgreesWithCpu(device, size: 1024);
    Console.WriteLine($"CUDA matmul 1024x1024 vs CPU: max |difference| {maxDifference:G3} ({(matches ? "ok" : "WRONG")}), {milliseconds:F2} ms on {device}");
    ok &= matches;
}
Console.WriteLine(ok ? "doctor: all checks passed" : "doctor: a check FAILED");
return ok ? 0 : 1;

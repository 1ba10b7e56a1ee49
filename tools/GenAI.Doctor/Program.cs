// GenAI doctor: tells whether the engine works here and on which device the course will run.
//
//   dotnet run --project tools/GenAI.Doctor [-- auto|cpu|cuda|cuda:N]
//
// Exit codes: 0 all checks passed, 1 a check gave a wrong result, 2 the requested device is
// not usable here (the message says why).
using GenAI;
using GenAI.Doctor;
using TorchSharp;

var preference = args.Length > 0 ? args[0] : "auto";
// Asking for CUDA loads libtorch, so the version can be read after it.
var cudaDevices = torch.cuda.is_available() ? torch.cuda.device_count() : 0;
Console.WriteLine($"engine: GenAI.Torch {torch.__version__}");
Console.WriteLine($"libtorch: {LibtorchInfo.Describe()}");
Console.WriteLine($"CUDA devices: {cudaDevices}");

torch.Device device;
try
{
    device = Devices.Pick(preference);
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException)
{
    Console.Error.WriteLine($"doctor: {e.Message}");
    return 2;
}

if (device.type == DeviceType.CPU)
    Console.WriteLine(cudaDevices == 0 ? "no CUDA: running on CPU" : $"device: cpu (asked for \"{preference}\"; CUDA is there but not used)");
else
    Console.WriteLine($"device: {device}");

var ok = MatmulChecks.SmallProductIsExact();
Console.WriteLine(ok ? "CPU matmul: [[1,2],[3,4]] @ [[5,6],[7,8]] = [[19,22],[43,50]] ok" : "CPU matmul: WRONG result");
if (device.type == DeviceType.CUDA)
{
    var (matches, maxDifference, milliseconds) = MatmulChecks.DeviceAgreesWithCpu(device, size: 1024);
    Console.WriteLine($"CUDA matmul 1024x1024 vs CPU: max |difference| {maxDifference:G3} ({(matches ? "ok" : "WRONG")}), {milliseconds:F2} ms on {device}");
    ok &= matches;
}
Console.WriteLine(ok ? "doctor: all checks passed" : "doctor: a check FAILED");
return ok ? 0 : 1;

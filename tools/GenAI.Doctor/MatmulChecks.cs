using System.Diagnostics;
using TorchSharp;

namespace GenAI.Doctor;

/// <summary>The doctor's two checks: the engine multiplies right, and a GPU agrees with the CPU.</summary>
static class MatmulChecks
{
    /// <summary>A 2x2 product worked by hand, so a broken engine cannot agree with itself.</summary>
    public static bool SmallProductIsExact()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        var b = torch.tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });
        var product = torch.matmul(a, b).data<float>().ToArray();
        return product.SequenceEqual(new float[] { 19, 22, 43, 50 });
    }

    /// <summary>
    /// Multiplies the same random float32 matrices on the CPU and on <paramref name="device"/>;
    /// they must agree to float32 rounding (the sums run in a different order on a GPU).
    /// Also times one product on the device, after a warm-up that loads the CUDA kernels.
    /// </summary>
    public static (bool Matches, double MaxDifference, double Milliseconds) DeviceAgreesWithCpu(torch.Device device, int size)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(0);
        var a = torch.randn(size, size);
        var b = torch.randn(size, size);
        var onCpu = torch.matmul(a, b);

        var aOnDevice = a.to(device);
        var bOnDevice = b.to(device);
        torch.matmul(aOnDevice, bOnDevice);
        torch.cuda.synchronize(device);
        var clock = Stopwatch.StartNew();
        var onDevice = torch.matmul(aOnDevice, bOnDevice);
        torch.cuda.synchronize(device);
        var milliseconds = clock.Elapsed.TotalMilliseconds;

        var maxDifference = (onDevice.cpu() - onCpu).abs().max().item<float>();
        // Entries are sums of `size` products of unit normals, so about sqrt(size) in size;
        // float32 rounding over such a sum stays far below 1e-3 of that.
        var tolerance = 1e-3 * Math.Sqrt(size);
        return (maxDifference <= tolerance, maxDifference, milliseconds);
    }
}

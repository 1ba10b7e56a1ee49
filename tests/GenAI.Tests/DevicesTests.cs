using GenAI;
using TorchSharp;

namespace GenAI.Tests;

// These run on machines with and without a GPU; each expectation follows what libtorch
// itself reports, so a GPU machine checks the CUDA branch and a CPU one the fallback.
public class DevicesTests
{
    static readonly bool HasCuda = torch.cuda.is_available();

    [Theory]
    [InlineData("auto")]
    [InlineData("")]
    [InlineData("  AUTO ")]
    public void Auto_picks_cuda_exactly_when_libtorch_sees_a_gpu(string preference)
    {
        var device = Devices.Pick(preference);
        Assert.Equal(HasCuda ? DeviceType.CUDA : DeviceType.CPU, device.type);
    }

    [Fact]
    public void Default_argument_is_auto()
    {
        Assert.Equal(Devices.Pick("auto").type, Devices.Pick().type);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("CPU")]
    [InlineData(" cpu\n")]
    public void Cpu_is_always_honoured(string preference)
    {
        Assert.Equal(DeviceType.CPU, Devices.Pick(preference).type);
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("cuda:0")]
    [InlineData("CUDA:0")]
    public void Forced_cuda_is_the_gpu_or_an_error_that_says_how_to_fall_back(string preference)
    {
        if (HasCuda)
        {
            var device = Devices.Pick(preference);
            Assert.Equal(DeviceType.CUDA, device.type);
        }
        else
        {
            var error = Assert.Throws<InvalidOperationException>(() => Devices.Pick(preference));
            Assert.Contains($"\"{preference}\"", error.Message);
            Assert.Contains("CUDA is not available", error.Message);
            Assert.Contains("parameters cell", error.Message);
        }
    }

    [Fact]
    public void A_gpu_index_past_the_last_device_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Devices.Pick("cuda:64"));
        Assert.Contains("\"cuda:64\"", error.Message);
    }

    [Theory]
    [InlineData("cuda:")]
    [InlineData("cuda:x")]
    [InlineData("cuda:-1")]
    public void A_malformed_gpu_index_names_the_input(string preference)
    {
        var error = Assert.Throws<ArgumentException>(() => Devices.Pick(preference));
        Assert.Contains($"\"{preference}\"", error.Message);
        Assert.Contains("whole number", error.Message);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("tpu")]
    [InlineData("mps")]
    public void An_unknown_device_lists_the_accepted_ones(string preference)
    {
        var error = Assert.Throws<ArgumentException>(() => Devices.Pick(preference));
        Assert.Contains($"\"{preference}\"", error.Message);
        Assert.Contains("\"auto\", \"cpu\", \"cuda\" or \"cuda:N\"", error.Message);
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Devices.Pick(null!));
    }
}

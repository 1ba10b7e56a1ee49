using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Course;

/// <summary>
/// libtorch 2.10's oneDNN convolution backward gave wrong input gradients for small channel counts on this
/// machine (see lib/GenAI/OneDnnConvolutionFix.cs). The library turns oneDNN off when it loads; these tests
/// check that it did, that small convolutions now backpropagate exactly what a float64 reference does even
/// when freed memory holds garbage, and that GENAI_ONEDNN=1 keeps oneDNN on. They run alone because the
/// switch is global to the process.
/// </summary>
[Collection(MemoryCollection.Name)]
public class ConvolutionGradientTests
{
    [Fact]
    public void The_library_turns_oneDNN_off_when_it_loads()
    {
        Assert.Null(Environment.GetEnvironmentVariable(OneDnnConvolutionFix.EnvironmentVariable));
        using var probe = GenAI.Models.TimestepEmbedding.Sinusoidal(zeros(1, dtype: ScalarType.Int64), 2);   // any use of the library
        Assert.Equal("oneDNN off", OneDnnConvolutionFix.Status);
        Assert.False(OneDnnConvolutionFix.OneDnnEnabled);
    }

    [Theory]
    [InlineData(8, 1, 8, 16)]
    [InlineData(1, 8, 16, 64)]
    [InlineData(8, 8, 8, 16)]
    [InlineData(16, 16, 8, 64)]
    public void Small_convolutions_backpropagate_what_a_float64_reference_does(int inChannels, int outChannels, int side, int batch)
    {
        OneDnnConvolutionFix.Apply();
        var freed = new List<Tensor>();
        for (int run = 0; run < 12; run++)
        {
            using var scope = NewDisposeScope();
            // Leave large garbage values in memory the allocator hands out next: the bug read such memory.
            for (int j = 0; j < 20; j++)
            {
                freed.Add(randn(1000 + 13 * j) * 1e30f - 1e30f);
                freed[^1].MoveToOuterDisposeScope();
                if (freed.Count > 10) { freed[0].Dispose(); freed.RemoveAt(0); }
            }
            var conv = nn.Conv2d(inChannels, outChannels, 3, padding: 1);
            var x = randn(batch, inChannels, side, side).requires_grad_(true);
            conv.call(x).square().sum().backward();

            var x64 = x.detach().to(ScalarType.Float64).requires_grad_(true);
            var w64 = conv.weight!.detach().to(ScalarType.Float64).requires_grad_(true);
            var b64 = conv.bias!.detach().to(ScalarType.Float64);
            nn.functional.conv2d(x64, w64, b64, padding: new long[] { 1, 1 }).square().sum().backward();

            double InputError() => (x.grad!.to(ScalarType.Float64) - x64.grad!).abs().max().item<double>();
            double WeightError() => (conv.weight!.grad!.to(ScalarType.Float64) - w64.grad!).abs().max().item<double>();
            double inputScale = x64.grad!.abs().max().item<double>(), weightScale = w64.grad!.abs().max().item<double>();
            Assert.True(InputError() <= 1e-4 * (1 + inputScale), $"run {run}: input gradient off by {InputError():G3} (largest {inputScale:G3})");
            Assert.True(WeightError() <= 1e-4 * (1 + weightScale), $"run {run}: weight gradient off by {WeightError():G3} (largest {weightScale:G3})");
        }
        foreach (var t in freed) t.Dispose();
    }

    [Fact]
    public void GENAI_ONEDNN_1_keeps_oneDNN_on()
    {
        try
        {
            Environment.SetEnvironmentVariable(OneDnnConvolutionFix.EnvironmentVariable, "1");
            OneDnnConvolutionFix.Apply();
            Assert.True(OneDnnConvolutionFix.OneDnnEnabled);
            Assert.Equal("oneDNN left on (GENAI_ONEDNN=1)", OneDnnConvolutionFix.Status);
        }
        finally
        {
            Environment.SetEnvironmentVariable(OneDnnConvolutionFix.EnvironmentVariable, null);
            OneDnnConvolutionFix.Apply();
        }
        Assert.False(OneDnnConvolutionFix.OneDnnEnabled);
    }
}

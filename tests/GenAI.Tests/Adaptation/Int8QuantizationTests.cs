using GenAI.Adaptation;
using GenAI.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Adaptation;

public class Int8QuantizationTests
{
    [Fact]
    public void HandWorkedRow()
    {
        // row [0.5, -1.27, 0.01]: s = 1.27 / 127 = 0.01, q = [50, -127, 1]
        using var w = tensor(new float[] { 0.5f, -1.27f, 0.01f, 0, 0, 0 }).view(2, 3);
        using var q = Int8Weight.Quantize(w);
        Assert.Equal(ScalarType.Int8, q.Values.dtype);
        Assert.Equal(new sbyte[] { 50, -127, 1, 0, 0, 0 }, q.Values.data<sbyte>().ToArray());
        Assert.Equal(0.01, q.Scales[0].item<float>(), 6);
        Assert.Equal(1.0, q.Scales[1].item<float>(), 6);   // an all-zero row keeps scale 1
        // 6 bytes of int8 + 2 float32 scales = 14 bytes, against 24 as float32
        Assert.Equal(14, q.SizeBytes);
        Assert.Equal(24, q.Float32Bytes);
    }

    [Fact]
    public void RoundTripErrorIsAtMostHalfAStep()
    {
        using var w = randn(16, 40, generator: new Generator(1)).mul(torch.linspace(0.01, 3, 16).unsqueeze(1));
        using var q = Int8Weight.Quantize(w);
        using var back = q.Dequantize();
        using var halfStep = q.Scales.div(2).unsqueeze(1);
        Assert.True(w.sub(back).abs().le(halfStep.add(1e-7)).all().item<bool>());
        // and it is not exact: the error uses the half step
        Assert.True(w.sub(back).abs().max().item<float>() > 0.25 * halfStep.min().item<float>());
    }

    [Fact]
    public void Int8LinearComputesWithTheDequantisedWeight()
    {
        using var layer = nn.Linear(12, 5);
        using var q = new Int8Linear(layer);
        using var x = randn(3, 12, generator: new Generator(2));
        using var w = Int8Weight.Quantize(layer.weight!);
        using var dq = w.Dequantize();
        using var expected = nn.functional.linear(x, dq, layer.bias);
        using var y = q.call(x);
        Assert.True(y.allclose(expected, atol: 1e-6));
        Assert.Equal(12 * 5 + 4 * 5, q.WeightBytes);
    }

    [Fact]
    public void QuantisesAWholeModelInPlace()
    {
        using var model = new CnnClassifier(new CnnClassifierConfig(Channels1: 4, Channels2: 8, HiddenDim: 16));
        long weights = model.named_parameters().Where(p => p.name.EndsWith("weight") && p.parameter.ndim >= 2).Sum(p => p.parameter.numel());
        var report = Int8Quantization.QuantizeWeightsInPlace(model);
        Assert.Equal(4, report.Tensors);
        Assert.Equal(weights, report.Weights);
        Assert.Equal(4 * weights, report.Float32Bytes);
        Assert.InRange(report.CompressionRatio, 3.5, 4.0);
        Assert.InRange(report.MaxHalfStepRatio, 0.5, 1.0 + 1e-4);
        // quantising again changes nothing: the weights are already on the int8 grid
        var again = Int8Quantization.QuantizeWeightsInPlace(model);
        Assert.True(again.MaxHalfStepRatio < 1e-3);
    }

    [Fact]
    public void RejectsAVector()
    {
        using var v = zeros(5);
        Assert.Contains("[5]", Assert.Throws<ArgumentException>(() => Int8Weight.Quantize(v)).Message);
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Adaptation;

/// <summary>
/// A weight matrix stored as int8 with one float scale per output channel (row): symmetric absmax quantisation,
/// s_o = max_i |W_oi| / 127, q_oi = round(W_oi / s_o) in [−127, 127], and back Ŵ_oi = s_o · q_oi. Rounding moves each
/// weight by at most half a step, |W − Ŵ| ≤ s_o / 2. Storage: one byte per weight plus four per row, about 4x less
/// than float32.
/// </summary>
public sealed class Int8Weight : IDisposable
{
    /// <summary>q [out, ...] int8.</summary>
    public Tensor Values { get; }
    /// <summary>s [out] float32, one per output channel.</summary>
    public Tensor Scales { get; }
    /// <summary>The original weight's shape.</summary>
    public long[] Shape { get; }

    Int8Weight(Tensor values, Tensor scales, long[] shape)
    {
        Values = values;
        Scales = scales;
        Shape = shape;
    }

    /// <summary>Quantises a weight [out, in] (or [out, in, k, k] for a convolution), per output channel.</summary>
    public static Int8Weight Quantize(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.ndim < 2)
            throw new ArgumentException($"Per-output-channel quantisation needs a weight with at least 2 dimensions [out, in, ...]; got {ShapeText.Of(weight)}.", nameof(weight));
        if (!weight.is_floating_point())
            throw new ArgumentException($"Expected a floating-point weight; got {weight.dtype}.", nameof(weight));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var rows = weight.detach().to(ScalarType.Float32).flatten(1);              // [out, n]
        // s_o = max_i |W_oi| / 127 (a row of zeros keeps scale 1 so that nothing divides by zero)
        var absMax = rows.abs().amax([1L]);
        var scales = where(absMax.gt(0), absMax.div(127.0), ones_like(absMax));
        // q = round(W / s), clamped to the symmetric range [−127, 127]
        var q = rows.div(scales.unsqueeze(1)).round().clamp(-127, 127).to(ScalarType.Int8);
        return new Int8Weight(scope.MoveToOuter(q.reshape(weight.shape)), scope.MoveToOuter(scales), weight.shape.ToArray());
    }

    /// <summary>Ŵ = s · q as float32 in the original shape (what the forward pass multiplies by).</summary>
    public Tensor Dequantize()
    {
        using var scope = NewDisposeScope();
        var shape = new long[Shape.Length];
        shape[0] = Shape[0];
        for (int i = 1; i < shape.Length; i++) shape[i] = 1;
        return scope.MoveToOuter(Values.to(ScalarType.Float32).mul(Scales.view(shape)));
    }

    /// <summary>Bytes stored: one per int8 weight plus four per float32 scale.</summary>
    public long SizeBytes => Values.numel() + 4 * Scales.numel();

    /// <summary>Bytes the same weight takes as float32.</summary>
    public long Float32Bytes => 4 * Values.numel();

    public void Dispose()
    {
        Values.Dispose();
        Scales.Dispose();
    }
}

/// <summary>A linear layer whose weight is stored as <see cref="Int8Weight"/>: y = x Ŵ^T + b with Ŵ dequantised for the forward pass.</summary>
public sealed class Int8Linear : nn.Module<Tensor, Tensor>
{
    readonly Tensor weight_int8;
    readonly Tensor weight_scale;
    readonly Tensor? bias;
    readonly long[] shape;

    public Int8Linear(Linear layer) : base(nameof(Int8Linear))
    {
        ArgumentNullException.ThrowIfNull(layer);
        using var q = Int8Weight.Quantize(layer.weight ?? throw new ArgumentException("The layer has no weight.", nameof(layer)));
        weight_int8 = q.Values.clone();
        weight_scale = q.Scales.clone();
        shape = q.Shape;
        bias = layer.bias?.detach().clone();
        register_buffer(nameof(weight_int8), weight_int8);
        register_buffer(nameof(weight_scale), weight_scale);
        if (bias is not null) register_buffer(nameof(bias), bias);
    }

    /// <summary>Bytes of the stored weight: int8 values plus the float32 scales (the bias, kept in float32, not counted).</summary>
    public long WeightBytes => weight_int8.numel() + 4 * weight_scale.numel();

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        // Ŵ = s · q, then y = x Ŵ^T + b
        var w = weight_int8.to(ScalarType.Float32).mul(weight_scale.unsqueeze(1));
        return scope.MoveToOuter(nn.functional.linear(x, w, bias));
    }
}

/// <summary>Sizes before and after quantising a model's weights.</summary>
/// <param name="Tensors">How many weight tensors were quantised.</param>
/// <param name="Weights">How many numbers they hold.</param>
/// <param name="Float32Bytes">Their size as float32.</param>
/// <param name="Int8Bytes">Their size as int8 plus per-channel scales.</param>
/// <param name="MaxHalfStepRatio">max over weights of |W − Ŵ| / (s / 2): at most 1 (rounding moves a weight by at most half a step).</param>
public sealed record QuantizationReport(int Tensors, long Weights, long Float32Bytes, long Int8Bytes, double MaxHalfStepRatio)
{
    /// <summary>Float32 size over int8 size (just under 4).</summary>
    public double CompressionRatio => (double)Float32Bytes / Int8Bytes;
}

/// <summary>Post-training int8 weight quantisation of a whole model.</summary>
public static class Int8Quantization
{
    /// <summary>
    /// Replaces every weight matrix of the model's Linear and Conv2d layers by its int8 round trip Ŵ = s · round(W / s)
    /// (per output channel), in place: the model then computes exactly what an int8-stored model dequantising on the fly
    /// computes. Biases, norms and embeddings stay float32 (they are a small part of the weights).
    /// </summary>
    public static QuantizationReport QuantizeWeightsInPlace(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int tensors = 0;
        long weights = 0, floatBytes = 0, intBytes = 0;
        double worst = 0;
        using var noGrad = no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            Tensor? w = module switch { Linear l => l.weight, Conv2d c => c.weight, _ => null };
            if (w is null) continue;
            using var scope = NewDisposeScope();
            using var q = Int8Weight.Quantize(w);
            var back = q.Dequantize();
            var shape = new long[w.ndim];
            shape[0] = w.shape[0];
            for (int i = 1; i < shape.Length; i++) shape[i] = 1;
            double ratio = w.sub(back).abs().div(q.Scales.view(shape).div(2)).max().item<float>();
            worst = Math.Max(worst, ratio);
            w.copy_(back);
            tensors++;
            weights += w.numel();
            floatBytes += q.Float32Bytes;
            intBytes += q.SizeBytes;
        }
        if (tensors == 0) throw new ArgumentException("The model has no Linear or Conv2d layer to quantise.", nameof(model));
        return new QuantizationReport(tensors, weights, floatBytes, intBytes, worst);
    }
}

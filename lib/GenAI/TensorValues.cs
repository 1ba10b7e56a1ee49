using TorchSharp;
using static TorchSharp.torch;

namespace GenAI;

/// <summary>
/// A tensor's values as a plain .NET array, for what is not a tensor operation: LINQ over a handful of
/// numbers, a printed line, labels for a chart legend. Charts take tensors directly (see Plotting/).
/// </summary>
public static class TensorValues
{
    /// <summary>All values, flattened in row-major order, as float64 on the CPU (any real dtype, any device).</summary>
    public static double[] ToDoubles(this Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        RequireReal(tensor, nameof(ToDoubles));
        using var scope = torch.NewDisposeScope();
        return tensor.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

    /// <summary>All values as int (class labels, token ids); a value with a fraction or outside int's range is an error.</summary>
    public static int[] ToInts(this Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        RequireReal(tensor, nameof(ToInts));
        using var scope = torch.NewDisposeScope();
        var values = tensor.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        var ints = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (v != Math.Floor(v) || v < int.MinValue || v > int.MaxValue)
                throw new ArgumentException($"ToInts: element {i} of the {ShapeText.Of(tensor)} tensor is {v}, not a whole number that fits an int.", nameof(tensor));
            ints[i] = (int)v;
        }
        return ints;
    }

    private static void RequireReal(Tensor tensor, string method)
    {
        if (tensor.is_complex())
            throw new ArgumentException($"{method}: the tensor {ShapeText.Of(tensor)} is complex ({tensor.dtype}); take its real part or magnitude first.", nameof(tensor));
    }
}

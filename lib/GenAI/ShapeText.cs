using TorchSharp;

namespace GenAI;

/// <summary>A tensor's shape as the course writes it, "[2, 3]": error messages and notebooks name shapes alike.</summary>
public static class ShapeText
{
    /// <summary>"[2, 3]" for a 2x3 tensor, "[]" for a scalar.</summary>
    public static string Of(torch.Tensor tensor) => Of(tensor.shape);

    /// <summary>"[2, 3]" for the shape {2, 3}.</summary>
    public static string Of(long[] shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>The shape as text, for notebooks: <c>x.ShapeString()</c>.</summary>
    public static string ShapeString(this torch.Tensor tensor) => Of(tensor);
}

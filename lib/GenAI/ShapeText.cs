using TorchSharp;

namespace GenAI;

/// <summary>A tensor's shape as error messages write it, "[2, 3]", so every message names shapes alike.</summary>
internal static class ShapeText
{
    public static string Of(torch.Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
}

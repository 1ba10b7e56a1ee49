using TorchSharp;

namespace GenAI;

/// <summary>What notebooks ask of any module.</summary>
public static class ModuleExtensions
{
    /// <summary>Number of parameters (every element of every registered parameter), as PyTorch's
    /// <c>sum(p.numel() for p in model.parameters())</c>.</summary>
    public static long ParameterCount(this torch.nn.Module module) => module.parameters().Sum(p => p.numel());

    /// <summary>Number of parameters that training updates (<c>requires_grad</c> true).</summary>
    public static long TrainableParameterCount(this torch.nn.Module module) =>
        module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
}

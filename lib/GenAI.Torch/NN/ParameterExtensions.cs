using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public static Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);
    }
}

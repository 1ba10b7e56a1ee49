// Identity: returns its input unchanged (a placeholder where a layer is optional).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Identity : ParameterLessModule<Tensor, Tensor>
    {
        internal Identity() : base(nameof(Identity)) { }

        public override Tensor forward(Tensor tensor) => tensor.alias();
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Identity Identity() => new();
        }
    }
}

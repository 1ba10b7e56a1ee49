// Hardswish: x * relu6(x + 3) / 6.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Hardswish : ParameterLessModule<Tensor, Tensor>
    {
        internal Hardswish(bool inplace) : base(nameof(Hardswish))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.hardswish(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Hardswish Hardswish(bool inplace = false) => new(inplace);
        }
    }
}

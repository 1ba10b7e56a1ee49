// Tanhshrink: x - tanh(x).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Tanhshrink : ParameterLessModule<Tensor, Tensor>
    {
        internal Tanhshrink(bool inplace) : base(nameof(Tanhshrink))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.tanhshrink(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Tanhshrink Tanhshrink() => new(false);
            public static Tanhshrink Tanhshrink(bool inplace = false) => new(inplace);
        }
    }
}

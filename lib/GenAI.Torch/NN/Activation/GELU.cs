// GELU: x * Phi(x), Phi the standard normal CDF (or its tanh approximation).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class GELU : ParameterLessModule<Tensor, Tensor>
    {
        public enum Approximate { none, tanh }

        internal GELU(Approximate approximate, bool inplace) : base(nameof(GELU))
        {
            this.approximate = approximate;
            this.inplace = inplace;
        }

        public bool inplace { get; set; }
        public Approximate approximate { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.gelu(tensor, approximate, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static GELU GELU() => new(Modules.GELU.Approximate.none, false);
            public static GELU GELU(bool inplace) => new(Modules.GELU.Approximate.none, inplace);
            public static GELU GELU(Modules.GELU.Approximate approximate, bool inplace = false) => new(approximate, inplace);
        }
    }
}

// Softsign: x / (1 + |x|).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Softsign : ParameterLessModule<Tensor, Tensor>
    {
        internal Softsign(bool inplace) : base(nameof(Softsign))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.softsign(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Softsign Softsign() => new(false);
            public static Softsign Softsign(bool inplace) => new(inplace);
        }
    }
}

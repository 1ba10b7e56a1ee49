// SELU: Scaled ELU with the self-normalising constants.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class SELU : ParameterLessModule<Tensor, Tensor>
    {
        internal SELU(bool inplace) : base(nameof(SELU))
        {
            this.inplace = inplace;
        }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.selu(tensor, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static SELU SELU(bool inplace = false) => new(inplace);
        }
    }
}

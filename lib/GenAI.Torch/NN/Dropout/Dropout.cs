// Dropout: Zeroes each element with probability p while training and scales the rest by 1/(1-p).
// In eval mode it returns the input unchanged.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Dropout : ParameterLessModule<Tensor, Tensor>
    {
        internal Dropout(double p, bool inplace) : base(nameof(Dropout))
        {
            if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be between 0 and 1");
            this.p = p;
            this.inplace = inplace;
        }

        public bool inplace { get; set; }
        public double p { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.dropout(tensor, p, training, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Dropout Dropout(double p = 0.5, bool inplace = false) => new(p, inplace);
        }
    }
}

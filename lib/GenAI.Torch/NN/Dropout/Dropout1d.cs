// Dropout1d: Zeroes whole channels of a (N, C, L) input with probability p while training.
// In eval mode it returns the input unchanged.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Dropout1d : ParameterLessModule<Tensor, Tensor>
    {
        internal Dropout1d(double p, bool inplace) : base(nameof(Dropout1d))
        {
            if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be between 0 and 1");
            this.p = p;
            this.inplace = inplace;
        }

        public bool inplace { get; set; }
        public double p { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.dropout1d(tensor, p, training, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Dropout1d Dropout1d(double p = 0.5, bool inplace = false) => new(p, inplace);
        }
    }
}

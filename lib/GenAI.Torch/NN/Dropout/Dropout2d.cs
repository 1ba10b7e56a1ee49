// Dropout2d: Zeroes whole channels of a (N, C, H, W) input with probability p while training.
// In eval mode it returns the input unchanged.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Dropout2d : ParameterLessModule<Tensor, Tensor>
    {
        internal Dropout2d(double p, bool inplace) : base(nameof(Dropout2d))
        {
            if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be between 0 and 1");
            this.p = p;
            this.inplace = inplace;
        }

        public bool inplace { get; set; }
        public double p { get; set; }

        public override Tensor forward(Tensor input) => torch.nn.functional.dropout2d(input, p, training, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Dropout2d Dropout2d(double p = 0.5, bool inplace = false) => new(p, inplace);
        }
    }
}

// Hardtanh: x clamped to [min_val, max_val].
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Hardtanh : ParameterLessModule<Tensor, Tensor>
    {
        internal Hardtanh(double min_val, double max_val, bool inplace) : base(nameof(Hardtanh))
        {
            this.min_val = min_val;
            this.max_val = max_val;
            this.inplace = inplace;
        }

        public double min_val { get; set; }
        public double max_val { get; set; }
        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.hardtanh(tensor, min_val, max_val, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Hardtanh Hardtanh(double min_val = -1, double max_val = 1, bool inplace = false) => new(min_val, max_val, inplace);
        }
    }
}

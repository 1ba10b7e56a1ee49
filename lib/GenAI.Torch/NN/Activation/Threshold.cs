// Threshold: x where x > threshold, value elsewhere.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Threshold : ParameterLessModule<Tensor, Tensor>
    {
        internal Threshold(double threshold, double value, bool inplace) : base(nameof(Threshold))
        {
            this.threshold = threshold;
            this.value = value;
            this.inplace = inplace;
        }

        public double threshold { get; set; }
        public double value { get; set; }
        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.threshold(tensor, threshold, value, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Threshold Threshold(double threshold, double value, bool inplace = false) => new(threshold, value, inplace);
        }
    }
}

// LeakyReLU: x for x >= 0, negative_slope * x otherwise.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class LeakyReLU : ParameterLessModule<Tensor, Tensor>
    {
        internal LeakyReLU(double negative_slope, bool inplace) : base(nameof(LeakyReLU))
        {
            this.negative_slope = negative_slope;
            this.inplace = inplace;
        }

        public double negative_slope { get; set; }
        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.leaky_relu(tensor, negative_slope, inplace);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static LeakyReLU LeakyReLU(double negative_slope = 0.01, bool inplace = false) => new(negative_slope, inplace);
        }
    }
}

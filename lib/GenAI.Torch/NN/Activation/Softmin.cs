// Softmin: softmax(-x) along dim.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Softmin : ParameterLessModule<Tensor, Tensor>
    {
        internal Softmin(long dim) : base(nameof(Softmin))
        {
            this.dim = dim;
        }

        public long dim { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.softmin(tensor, dim);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Softmin Softmin(long dim) => new(dim);
        }
    }
}

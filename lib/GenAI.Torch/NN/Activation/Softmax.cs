// Softmax: exp(x) / sum(exp(x)) along dim.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Softmax : ParameterLessModule<Tensor, Tensor>
    {
        internal Softmax(long dim) : base(nameof(Softmax))
        {
            this.dim = dim;
        }

        public long dim { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.softmax(tensor, dim);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Softmax Softmax(long dim) => new(dim);
        }
    }
}

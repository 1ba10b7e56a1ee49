// GLU: Gated linear unit: splits dim in halves a, b and returns a * sigmoid(b).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class GLU : ParameterLessModule<Tensor, Tensor>
    {
        internal GLU(long dim) : base(nameof(GLU))
        {
            this.dim = dim;
        }

        public long dim { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.glu(tensor, dim);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static GLU GLU(long dim = -1) => new(dim);
        }
    }
}

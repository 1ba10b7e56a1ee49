// LogSoftmax: log(softmax(x)) along dim, computed stably.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class LogSoftmax : ParameterLessModule<Tensor, Tensor>
    {
        internal LogSoftmax(long dim) : base(nameof(LogSoftmax))
        {
            this.dim = dim;
        }

        public long dim { get; set; }

        public override Tensor forward(Tensor tensor) => torch.nn.functional.log_softmax(tensor, dim);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static LogSoftmax LogSoftmax(long dim) => new(dim);
        }
    }
}

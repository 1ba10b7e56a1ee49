// LogSigmoid: log(sigmoid(x)), computed stably.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class LogSigmoid : ParameterLessModule<Tensor, Tensor>
    {
        internal LogSigmoid() : base(nameof(LogSigmoid))
        {
        }


        public override Tensor forward(Tensor tensor) => torch.nn.functional.logsigmoid(tensor);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static LogSigmoid LogSigmoid() => new();
        }
    }
}

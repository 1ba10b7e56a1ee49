// Flatten: merges dimensions start_dim..end_dim into one (by default all but the batch dimension).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Flatten : ParameterLessModule<Tensor, Tensor>
    {
        internal Flatten(long start_dim, long end_dim) : base(nameof(Flatten))
        {
            this.start_dim = start_dim;
            this.end_dim = end_dim;
        }

        public long start_dim { get; set; }
        public long end_dim { get; set; }

        public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);
        }
    }
}

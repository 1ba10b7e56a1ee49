// Unflatten: splits dimension dim into the sizes given (the inverse of Flatten).
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Unflatten : ParameterLessModule<Tensor, Tensor>
    {
        internal Unflatten(long dim, long[] unflattened_size) : base(nameof(Unflatten))
        {
            this.dim = dim;
            this.unflattened_size = unflattened_size;
        }

        public long dim { get; set; }
        public long[] unflattened_size { get; set; }

        public override Tensor forward(Tensor tensor) => tensor.unflatten(dim, unflattened_size);
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Unflatten Unflatten(long dim, long[] unflattened_size) => new(dim, unflattened_size);
        }
    }
}

// torch.utils.data datasets: a Dataset<T> knows its length and returns item i.
// Dataset yields named tensors (a dictionary per item), IterableDataset a list of tensors.
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                public abstract class Dataset<T> : IDisposable
                {
                    /// <summary>Number of items.</summary>
                    public abstract long Count { get; }

                    /// <summary>Item index (0 &lt;= index &lt; Count); the caller owns the tensors returned.</summary>
                    public abstract T GetTensor(long index);

                    public void Dispose()
                    {
                        Dispose(true);
                        GC.SuppressFinalize(this);
                    }

                    protected virtual void Dispose(bool disposing) { }
                }

                /// <summary>A dataset whose items are dictionaries of named tensors ("data", "label", ...).</summary>
                public abstract class Dataset : Dataset<Dictionary<string, Tensor>> { }

                /// <summary>A dataset whose items are lists of tensors (input, target, ...).</summary>
                public abstract class IterableDataset : Dataset<IList<Tensor>> { }

                /// <summary>A dataset over tensors that share their first dimension: item i is (t0[i], t1[i], ...).</summary>
                public static Modules.TensorDataset TensorDataset(params Tensor[] tensors) => new(tensors);
            }
        }
    }
}

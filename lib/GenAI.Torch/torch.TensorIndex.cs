namespace TorchSharp;

public static partial class torch
{
    /// <summary>
    /// One position of a Python-style index: an integer, a slice, None (new axis), Ellipsis,
    /// a bool, or an index/mask tensor. <c>x[TensorIndex.Ellipsis, TensorIndex.Slice(1, 5)]</c>
    /// is Python's <c>x[..., 1:5]</c>. C# ranges and indices convert implicitly (<c>x[1..3]</c>, <c>x[^1]</c>).
    /// </summary>
    public readonly struct TensorIndex
    {
        internal enum Kind { None = 0, Ellipsis = 1, Single = 2, Bool = 3, Slice = 4, Tensor = 5 }

        internal readonly Kind kind;
        internal readonly long? startIndexOrBoolOrSingle;
        internal readonly long? stopIndex;
        internal readonly long? step;
        internal readonly Tensor? tensor;

        private TensorIndex(Kind kind, long? start = null, long? stop = null, long? step = null, Tensor? tensor = null)
        {
            this.kind = kind;
            startIndexOrBoolOrSingle = start;
            stopIndex = stop;
            this.step = step;
            this.tensor = tensor;
        }

        public static TensorIndex Ellipsis => new(Kind.Ellipsis);
        public static TensorIndex None => new(Kind.None);
        public static TensorIndex Null => new(Kind.None);
        /// <summary>A full slice (Python's <c>:</c>).</summary>
        public static TensorIndex Colon => new(Kind.Slice);

        public static TensorIndex Bool(bool value) => new(Kind.Bool, value ? 1 : 0);
        public static TensorIndex Single(long? index) => new(Kind.Single, index ?? throw new ArgumentNullException(nameof(index)));
        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) => new(Kind.Slice, start, stop, step);
        public static TensorIndex Slice((int?, int?) range) => Slice(range.Item1, range.Item2);

        /// <summary>A C# range; from-end bounds (^k) become negative indices, as in Python.</summary>
        public static TensorIndex Slice(Range range) => Slice(ToIndex(range.Start, true), ToIndex(range.End, false));
        public static TensorIndex Tensor(Tensor tensor) => new(Kind.Tensor, tensor: tensor);

        private static long? ToIndex(Index index, bool isStart)
        {
            if (!index.IsFromEnd) return index.Value;
            // ^0 as an end means "to the end"; as a start it means an empty slice at the end.
            if (index.Value == 0) return isStart ? long.MaxValue : null;
            return -index.Value;
        }

        public static implicit operator TensorIndex(long value) => Single(value);
        public static implicit operator TensorIndex((int?, int?) range) => Slice(range);
        public static implicit operator TensorIndex(Range range) => Slice(range);
        public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);
        public static implicit operator TensorIndex(Tensor tensor) => Tensor(tensor);
        public static implicit operator Tensor(TensorIndex value) =>
            value.kind == Kind.Tensor ? value.tensor! : throw new InvalidCastException("Only a tensor index converts to a Tensor.");
    }
}

using System.Collections;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>An immutable tensor shape, as PyTorch's torch.Size.</summary>
    public readonly struct Size : IEnumerable<long>, IEquatable<Size>
    {
        private readonly long[]? _shape;

        public Size(long[] shape) => _shape = (long[])shape.Clone();
        public Size(IEnumerable<long> shape) => _shape = shape.ToArray();
        public Size(int[] shape) => _shape = shape.Select(x => (long)x).ToArray();
        public Size(long size) => _shape = new[] { size };
        public Size((long, long) size) => _shape = new[] { size.Item1, size.Item2 };
        public Size((long, long, long) size) => _shape = new[] { size.Item1, size.Item2, size.Item3 };
        public Size((long, long, long, long) size) => _shape = new[] { size.Item1, size.Item2, size.Item3, size.Item4 };
        public Size((long, long, long, long, long) size) => _shape = new[] { size.Item1, size.Item2, size.Item3, size.Item4, size.Item5 };
        public Size((long, long, long, long, long, long) size) => _shape = new[] { size.Item1, size.Item2, size.Item3, size.Item4, size.Item5, size.Item6 };
        public Size(int size) => _shape = new long[] { size };
        public Size((int, int) size) => _shape = new long[] { size.Item1, size.Item2 };
        public Size((int, int, int) size) => _shape = new long[] { size.Item1, size.Item2, size.Item3 };
        public Size((int, int, int, int) size) => _shape = new long[] { size.Item1, size.Item2, size.Item3, size.Item4 };
        public Size((int, int, int, int, int) size) => _shape = new long[] { size.Item1, size.Item2, size.Item3, size.Item4, size.Item5 };
        public Size((int, int, int, int, int, int) size) => _shape = new long[] { size.Item1, size.Item2, size.Item3, size.Item4, size.Item5, size.Item6 };

        public static Size Empty = new Size(Array.Empty<long>());

        public long[] Shape => (long[])(_shape ?? Array.Empty<long>()).Clone();
        private long[] Dims => _shape ?? Array.Empty<long>();
        public int Length => Dims.Length;
        public bool IsEmpty => Dims.Length == 0;
        /// <summary>True for the shape of a 0-d (scalar) tensor.</summary>
        public bool IsScalar => Dims.Length == 0;
        public long this[int idx] => Dims[idx < 0 ? idx + Dims.Length : idx];
        public long this[long idx] => this[(int)idx];

        public long numel() => Dims.Aggregate(1L, (a, b) => a * b);

        public Size Slice(int first, int next) => new Size(Dims[first..next]);
        public IEnumerable<long> Take(int i) => Dims.Take(i);

        public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)Dims).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool Equals(Size other) => Dims.SequenceEqual(other.Dims);
        public override bool Equals(object? obj) => obj is Size s && Equals(s);
        public override int GetHashCode() => Dims.Aggregate(17, (h, d) => h * 31 + d.GetHashCode());
        public override string ToString() => "[" + string.Join(", ", Dims) + "]";

        public static Size operator +(Size left, Size right) => new Size(left.Dims.Concat(right.Dims));
        public static Size operator +(Size left, IEnumerable<long> right) => new Size(left.Dims.Concat(right));
        public static bool operator ==(Size left, Size right) => left.Equals(right);
        public static bool operator !=(Size left, Size right) => !left.Equals(right);
        public static implicit operator Size(long size) => new Size(size);
        public static implicit operator Size((long, long) size) => new Size(size);
        public static implicit operator Size((long, long, long) size) => new Size(size);
        public static implicit operator Size((long, long, long, long) size) => new Size(size);
        public static implicit operator Size((long, long, long, long, long) size) => new Size(size);
        public static implicit operator Size((long, long, long, long, long, long) size) => new Size(size);
        public static implicit operator Size(long[] size) => new Size(size);
    }
}

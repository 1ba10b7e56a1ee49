using System.Collections;
using static TorchSharp.torch;

namespace TorchSharp.Utils;

/// <summary>
/// Reads and writes the elements of a CPU tensor in place, following its strides, so a view
/// (e.g. a transpose) is seen in its logical order. Holds a reference to the tensor's storage
/// (an alias handle) until disposed.
/// </summary>
public sealed class TensorAccessor<T> : IDisposable, IEnumerable<T> where T : unmanaged
{
    private readonly Tensor _alias;
    private readonly unsafe T* _data;
    private readonly long[] _shape;
    private readonly long[] _strides;

    internal unsafe TensorAccessor(Tensor tensor)
    {
        // An alias keeps the storage alive even if the caller disposes the original tensor.
        _alias = tensor.Unary(PInvoke.NativeMethods.gt_alias(tensor.Handle));
        _alias.DetachFromDisposeScope();
        _data = (T*)PInvoke.NativeMethods.gt_data_ptr(_alias.Handle);
        if (_data == null && tensor.numel() > 0)
        {
            _alias.Dispose();
            CheckForErrors();
        }
        _shape = _alias.shape;
        _strides = _alias.stride();
        Count = _alias.numel();
    }

    public long Count { get; }
    public bool IsReadOnly => false;

    private long Offset(long linear)
    {
        if (linear < 0 || linear >= Count)
            throw new IndexOutOfRangeException($"Index {linear} is out of range for a tensor of {Count} elements.");
        long offset = 0;
        for (int d = _shape.Length - 1; d >= 0; d--)
        {
            offset += linear % _shape[d] * _strides[d];
            linear /= _shape[d];
        }
        return offset;
    }

    private long Offset(long[] indices)
    {
        if (indices.Length == 1 && _shape.Length != 1) return Offset(indices[0]);
        if (indices.Length != _shape.Length)
            throw new ArgumentException($"Expected {_shape.Length} indices for shape [{string.Join(", ", _shape)}], got {indices.Length}.");
        long offset = 0;
        for (int d = 0; d < indices.Length; d++)
        {
            var i = indices[d] < 0 ? indices[d] + _shape[d] : indices[d];
            if (i < 0 || i >= _shape[d])
                throw new IndexOutOfRangeException($"Index {indices[d]} is out of range for dimension {d} of size {_shape[d]}.");
            offset += i * _strides[d];
        }
        return offset;
    }

    /// <summary>One index per dimension, or a single linear (row-major) index.</summary>
    public unsafe T this[params long[] indices]
    {
        get => _data[Offset(indices)];
        set => _data[Offset(indices)] = value;
    }

    public unsafe T[] ToArray()
    {
        var result = new T[Count];
        for (long k = 0; k < Count; k++) result[k] = _data[Offset(k)];
        return result;
    }

    /// <summary>A .NET array with the tensor's shape (T[,] for 2-D, ...).</summary>
    public Array ToNDArray()
    {
        var flat = ToArray();
        if (_shape.Length <= 1) return flat;
        var array = Array.CreateInstance(typeof(T), _shape);
        Buffer.BlockCopy(flat, 0, array, 0, flat.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        return array;
    }

    public unsafe void CopyTo(Span<T> array, int arrayIndex = 0, long tensorIndex = 0)
    {
        for (long k = tensorIndex, j = arrayIndex; k < Count && j < array.Length; k++, j++) array[(int)j] = _data[Offset(k)];
    }

    public void CopyTo(T[] array, int arrayIndex = 0, long tensorIndex = 0) => CopyTo(array.AsSpan(), arrayIndex, tensorIndex);

    public unsafe void CopyFrom(ReadOnlySpan<T> array, int arrayIndex = 0, long tensorIndex = 0)
    {
        for (long k = tensorIndex, j = arrayIndex; k < Count && j < array.Length; k++, j++) _data[Offset(k)] = array[(int)j];
    }

    public void CopyFrom(T[] array, int arrayIndex = 0, long tensorIndex = 0) => CopyFrom(array.AsSpan(), arrayIndex, tensorIndex);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)ToArray()).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => _alias.Dispose();

    public override bool Equals(object? obj) => obj is TensorAccessor<T> other && ToArray().SequenceEqual(other.ToArray());
    public override int GetHashCode() => _alias.Handle.GetHashCode();
    public static bool operator ==(TensorAccessor<T>? left, TensorAccessor<T>? right) =>
        left is null ? right is null : left.Equals(right);
    public static bool operator !=(TensorAccessor<T>? left, TensorAccessor<T>? right) => !(left == right);
}

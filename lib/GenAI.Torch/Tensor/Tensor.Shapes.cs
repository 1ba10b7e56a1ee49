using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        internal unsafe Tensor ShapeOp(ShapeOp op, ReadOnlySpan<long> dims)
        {
            fixed (long* p = dims) return Unary(NativeMethods.gt_shape_op(op, Handle, p, dims.Length));
        }

        public Tensor view(params long[] shape) => ShapeOp(PInvoke.ShapeOp.view, shape);
        public Tensor view_as(Tensor other) => view(other.shape);
        public Tensor reshape(params long[] shape) => ShapeOp(PInvoke.ShapeOp.reshape, shape);
        public Tensor reshape_as(Tensor other) => reshape(other.shape);
        public Tensor expand(ReadOnlySpan<long> sizes, bool isImplicit = false) => ShapeOp(PInvoke.ShapeOp.expand, sizes);
        public Tensor expand(Size sizes, bool isImplicit = false) => ShapeOp(PInvoke.ShapeOp.expand, sizes.Shape);
        public Tensor expand(long[] sizes, bool isImplicit = false) => ShapeOp(PInvoke.ShapeOp.expand, sizes);
        public Tensor expand(params long[] sizes) => ShapeOp(PInvoke.ShapeOp.expand, sizes);
        public Tensor expand_as(Tensor other) => expand(other.shape);
        public Tensor broadcast_to(params long[] shape) => ShapeOp(PInvoke.ShapeOp.broadcast_to, shape);
        public Tensor repeat(params long[] sizes) => ShapeOp(PInvoke.ShapeOp.repeat, sizes);
        public Tensor tile(long[] reps) => ShapeOp(PInvoke.ShapeOp.tile, reps);
        public Tensor permute(params long[] permutation) => ShapeOp(PInvoke.ShapeOp.permute, permutation);
        public Tensor permute(IEnumerable<long> permutation) => ShapeOp(PInvoke.ShapeOp.permute, permutation.ToArray());
        public Tensor flip(params long[] dims) => ShapeOp(PInvoke.ShapeOp.flip, dims);
        public Tensor fliplr() => flip(1);
        public Tensor flipud() => flip(0);

        public Tensor transpose(long dim0, long dim1) => Unary(NativeMethods.gt_transpose(Handle, dim0, dim1));
        public Tensor transpose_(long dim0, long dim1) => InPlace(NativeMethods.gt_transpose_(Handle, dim0, dim1));
        public Tensor swapaxes(long dim0, long dim1) => transpose(dim0, dim1);
        public Tensor swapdims(long dim0, long dim1) => transpose(dim0, dim1);
        public Tensor t() => Unary(NativeMethods.gt_t(Handle));
        /// <summary>Transpose of a matrix (reversed dims for higher ranks, as PyTorch's deprecated .T).</summary>
        public Tensor T => Dimensions <= 2 ? t() : permute(Enumerable.Range(0, (int)Dimensions).Reverse().Select(i => (long)i).ToArray());
        /// <summary>Transpose of the last two dims.</summary>
        public Tensor mT => transpose(-2, -1);
        public Tensor mH => transpose(-2, -1);
        public Tensor H => t();

        public Tensor squeeze(long? dim = null) => Unary(NativeMethods.gt_squeeze(Handle, dim ?? 0, dim.HasValue));
        public Tensor squeeze_(long? dim = null) => InPlace(NativeMethods.gt_squeeze_(Handle, dim ?? 0, dim.HasValue));
        public Tensor unsqueeze(long dim) => Unary(NativeMethods.gt_unsqueeze(Handle, dim));
        public Tensor unsqueeze_(long dim) => InPlace(NativeMethods.gt_unsqueeze_(Handle, dim));
        public Tensor flatten(long start_dim = 0, long end_dim = -1) => Unary(NativeMethods.gt_flatten(Handle, start_dim, end_dim));
        public Tensor ravel() => reshape(-1);

        public unsafe Tensor unflatten(long dim, params long[] sizes)
        {
            fixed (long* p = sizes) return Unary(NativeMethods.gt_unflatten(Handle, dim, p, sizes.Length));
        }

        public Tensor unflatten(long dim, Size sizes) => unflatten(dim, sizes.Shape);

        public Tensor narrow(long dim, long start, long length) => Unary(NativeMethods.gt_narrow(Handle, dim, start, length));
        public Tensor select(long dim, long index) => Unary(NativeMethods.gt_select(Handle, dim, index));
        public Tensor slice(long dim, long start, long finish, long step) => Unary(NativeMethods.gt_slice(Handle, dim, start, finish, step));

        public unsafe Tensor movedim(long[] source, long[] destination)
        {
            if (source.Length != destination.Length)
                throw new ArgumentException($"movedim: source has {source.Length} dims but destination has {destination.Length}.");
            fixed (long* s = source, d = destination) return Unary(NativeMethods.gt_movedim(Handle, s, d, source.Length));
        }

        public Tensor moveaxis(long[] source, long[] destination) => movedim(source, destination);
        public Tensor diagonal(long offset = 0, long dim1 = 0, long dim2 = 1) => Unary(NativeMethods.gt_diagonal(Handle, offset, dim1, dim2));
        public Tensor diag(long diagonal = 0) => Unary(NativeMethods.gt_diag(Handle, diagonal));
        public Tensor diag_embed(long offset = 0, long dim1 = -2, long dim2 = -1) => Unary(NativeMethods.gt_diag_embed(Handle, offset, dim1, dim2));
        public Tensor tril(long diagonal = 0) => Unary(NativeMethods.gt_tri(0, Handle, diagonal));
        public Tensor tril_(long diagonal = 0) => InPlace(NativeMethods.gt_tri_(0, Handle, diagonal));
        public Tensor triu(long diagonal = 0) => Unary(NativeMethods.gt_tri(1, Handle, diagonal));
        public Tensor triu_(long diagonal = 0) => InPlace(NativeMethods.gt_tri_(1, Handle, diagonal));

        public unsafe Tensor roll(ReadOnlySpan<long> shifts, ReadOnlySpan<long> dims = default)
        {
            fixed (long* s = shifts, d = dims) return Unary(NativeMethods.gt_roll(Handle, s, shifts.Length, d, dims.Length));
        }

        public Tensor roll(long shifts, long? dims = null) =>
            dims.HasValue ? roll(stackalloc long[] { shifts }, stackalloc long[] { dims.Value }) : roll(stackalloc long[] { shifts });
        public Tensor roll((long, long) shifts, (long, long) dims) =>
            roll(stackalloc long[] { shifts.Item1, shifts.Item2 }, stackalloc long[] { dims.Item1, dims.Item2 });
        public Tensor roll((long, long, long) shifts, (long, long, long) dims) =>
            roll(stackalloc long[] { shifts.Item1, shifts.Item2, shifts.Item3 }, stackalloc long[] { dims.Item1, dims.Item2, dims.Item3 });
        public Tensor roll(long[] shifts, long[] dims) => roll((ReadOnlySpan<long>)shifts, dims);
        public Tensor roll(long[] shifts) => roll((ReadOnlySpan<long>)shifts);

        public Tensor unfold(long dimension, long size, long step) => Unary(NativeMethods.gt_unfold(Handle, dimension, size, step));

        public Tensor repeat_interleave(long repeats, long? dim = null, long? output_size = null) =>
            Unary(NativeMethods.gt_repeat_interleave(Handle, repeats, dim ?? 0, dim.HasValue));
        public Tensor repeat_interleave(Tensor repeats, long? dim = null, long? output_size = null) =>
            Binary(NativeMethods.gt_repeat_interleave_t(Handle, repeats.Handle, dim ?? 0, dim.HasValue), repeats);
        public Tensor rot90(long k = 1, (long, long)? dims = null) =>
            Unary(NativeMethods.gt_rot90(Handle, k, dims?.Item1 ?? 0, dims?.Item2 ?? 1));

        // ---- splitting ------------------------------------------------------------------

        internal unsafe Tensor[] Split(SplitOp op, ReadOnlySpan<long> ints, long dim, int capacity)
        {
            var output = new IntPtr[Math.Max(capacity, 1)];
            int count;
            fixed (long* p = ints)
            fixed (IntPtr* o = output)
                count = NativeMethods.gt_split(op, Handle, p, ints.Length, dim, o, output.Length);
            GC.KeepAlive(this);
            if (count < 0) Check(-1);
            var result = new Tensor[count];
            for (int k = 0; k < count; k++) result[k] = new Tensor(output[k]);
            return result;
        }

        private long DimSize(long dim)
        {
            var s = shape;
            return s[NormalizeDim(dim, s.Length)];
        }

        public Tensor[] chunk(long chunks, long dim = 0) => Split(SplitOp.chunk, stackalloc long[] { chunks }, dim, (int)Math.Max(chunks, 1));

        public Tensor[] split(long size, int dim = 0)
        {
            if (size <= 0) throw new ArgumentException($"split: size must be positive, got {size}.");
            var n = DimSize(dim);
            return Split(SplitOp.split_size, stackalloc long[] { size }, dim, (int)Math.Max(1, (n + size - 1) / size));
        }

        public Tensor[] split(ReadOnlySpan<long> sizes, long dim = 0) => Split(SplitOp.split_sizes, sizes, dim, sizes.Length);
        public Tensor[] split(long[] sizes, long dim = 0) => Split(SplitOp.split_sizes, sizes, dim, sizes.Length);
        public Tensor[] split(params long[] sizes) => Split(SplitOp.split_sizes, sizes, 0, sizes.Length);
        public Tensor[] unbind(long dimension = 0) => Split(SplitOp.unbind, default, dimension, (int)DimSize(dimension));
        public Tensor[] tensor_split(long size, long dim = 0) => Split(SplitOp.tensor_split_sections, stackalloc long[] { size }, dim, (int)size);
        public Tensor[] tensor_split(long[] sizes, long dim = 0) => Split(SplitOp.tensor_split_indices, sizes, dim, sizes.Length + 1);
        public Tensor[] tensor_split(Tensor indices, long dim = 0) => tensor_split(indices.ToArray<long>(ScalarType.Int64), dim);

        // ---- gather / scatter / masks ---------------------------------------------------------

        public Tensor gather(long dim, Tensor index) => Binary(NativeMethods.gt_gather(Handle, dim, index.Handle), index);
        public Tensor index_select(long dim, Tensor index) => Binary(NativeMethods.gt_index_select(Handle, dim, index.Handle), index);
        public Tensor take(Tensor index) => Binary(NativeMethods.gt_take(Handle, index.Handle), index);
        public Tensor take_along_dim(Tensor indices, long dim) => Binary(NativeMethods.gt_take_along_dim(Handle, indices.Handle, dim, true), indices);
        public Tensor take_along_dim(Tensor indices) => Binary(NativeMethods.gt_take_along_dim(Handle, indices.Handle, 0, false), indices);

        private Tensor Scatter(int op, long dim, Tensor index, Tensor? src, Scalar? value, bool inplace)
        {
            var r = NativeMethods.gt_scatter(op, Handle, dim, index.Handle, src?.Handle ?? IntPtr.Zero, value?.Value ?? default, inplace);
            GC.KeepAlive(index);
            GC.KeepAlive(src);
            if (!inplace) return Unary(r);
            var h = Unary(r);
            h.Dispose();
            return this;
        }

        public Tensor scatter(long dim, Tensor index, Tensor src) => Scatter(0, dim, index, src, null, false);
        public Tensor scatter_(long dim, Tensor index, Tensor src) => Scatter(0, dim, index, src, null, true);
        public Tensor scatter(long dim, Tensor index, Scalar value) => Scatter(2, dim, index, null, value, false);
        public Tensor scatter_(long dim, Tensor index, Scalar value) => Scatter(2, dim, index, null, value, true);
        public Tensor scatter_add(long dim, Tensor index, Tensor src) => Scatter(1, dim, index, src, null, false);
        public Tensor scatter_add_(long dim, Tensor index, Tensor src) => Scatter(1, dim, index, src, null, true);

        private Tensor IndexUpdate(int op, long dim, Tensor index, Tensor? source, Scalar value, bool inplace)
        {
            var r = NativeMethods.gt_index_update(op, Handle, dim, index.Handle, source?.Handle ?? IntPtr.Zero, value.Value, inplace);
            GC.KeepAlive(index);
            GC.KeepAlive(source);
            var result = Unary(r);
            if (!inplace) return result;
            result.Dispose();
            return this;
        }

        public Tensor index_add(long dim, Tensor index, Tensor source, Scalar alpha) => IndexUpdate(0, dim, index, source, alpha, false);
        public Tensor index_add_(long dim, Tensor index, Tensor source, Scalar alpha) => IndexUpdate(0, dim, index, source, alpha, true);
        public Tensor index_copy(long dim, Tensor index, Tensor source) => IndexUpdate(1, dim, index, source, 0, false);
        public Tensor index_copy_(long dim, Tensor index, Tensor source) => IndexUpdate(1, dim, index, source, 0, true);
        public Tensor index_fill(long dim, Tensor index, Scalar value) => IndexUpdate(2, dim, index, null, value, false);
        public Tensor index_fill_(long dim, Tensor index, Scalar value) => IndexUpdate(2, dim, index, null, value, true);

        public Tensor masked_fill(Tensor mask, Scalar value) => Binary(NativeMethods.gt_masked_fill(Handle, mask.Handle, value.Value), mask);
        public Tensor masked_fill_(Tensor mask, Scalar value)
        {
            var s = NativeMethods.gt_masked_fill_(Handle, mask.Handle, value.Value);
            GC.KeepAlive(mask);
            return InPlace(s);
        }
        public Tensor masked_select(Tensor mask) => Binary(NativeMethods.gt_masked_select(Handle, mask.Handle), mask);
        public Tensor masked_scatter(Tensor mask, Tensor value)
        {
            var r = NativeMethods.gt_masked_scatter(Handle, mask.Handle, value.Handle);
            GC.KeepAlive(value);
            return Binary(r, mask);
        }
        public Tensor nonzero() => Unary(NativeMethods.gt_nonzero(Handle));
        public Tensor argwhere() => Unary(NativeMethods.gt_argwhere(Handle));

        public Tensor where(Tensor condition, Tensor y)
        {
            var r = NativeMethods.gt_where(condition.Handle, Handle, y.Handle);
            GC.KeepAlive(condition);
            return Binary(r, y);
        }

        public Tensor type_as(Tensor tensor) => to_type(tensor.dtype);
    }
}

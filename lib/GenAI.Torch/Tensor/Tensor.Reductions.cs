using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        // ---- helpers ------------------------------------------------------------------

        /// <summary>Reduction over the given dims; null dims = over all elements.</summary>
        internal unsafe Tensor Reduce(ReduceOp op, ReadOnlySpan<long> dims, bool allDims, bool keepdim = false, ScalarType? type = null)
        {
            fixed (long* p = dims)
                return Unary(NativeMethods.gt_reduce(op, Handle, p, allDims ? -1 : dims.Length, keepdim, DTypeArg(type)));
        }

        internal Tensor ReduceAll(ReduceOp op, ScalarType? type = null) => Reduce(op, default, true, false, type);

        internal unsafe (Tensor, Tensor) Pair(PairReduceOp op, long dim, bool keepdim, long k = 0)
        {
            var output = stackalloc IntPtr[2];
            var s = NativeMethods.gt_reduce_pair(op, Handle, dim, keepdim, k, output);
            GC.KeepAlive(this);
            Check(s);
            return (new Tensor(output[0]), new Tensor(output[1]));
        }

        private unsafe Tensor VarStd(int op, ReadOnlySpan<long> dims, bool allDims, bool unbiased, bool keepdim, ScalarType? type)
        {
            var input = type.HasValue ? to_type(type.Value) : this;
            try
            {
                fixed (long* p = dims)
                    return input.Unary(NativeMethods.gt_var_std(op, input.Handle, p, allDims ? -1 : dims.Length, unbiased, keepdim, null));
            }
            finally
            {
                if (!ReferenceEquals(input, this)) input.Dispose();
            }
        }

        private unsafe (Tensor, Tensor) VarStdMean(int op, ReadOnlySpan<long> dims, bool allDims, bool unbiased, bool keepdim, ScalarType? type)
        {
            var input = type.HasValue ? to_type(type.Value) : this;
            try
            {
                IntPtr mean;
                IntPtr r;
                fixed (long* p = dims)
                    r = NativeMethods.gt_var_std(op, input.Handle, p, allDims ? -1 : dims.Length, unbiased, keepdim, &mean);
                GC.KeepAlive(input);
                var first = FromHandle(r);
                return (first, new Tensor(mean));
            }
            finally
            {
                if (!ReferenceEquals(input, this)) input.Dispose();
            }
        }

        // ---- sum / mean / prod ----------------------------------------------------------
        public Tensor sum(ScalarType? type = null) => ReduceAll(ReduceOp.sum, type);
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.sum, dim, false, keepdim, type);
        public Tensor sum(ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.sum, dim, false, keepdim, type);
        public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.sum, stackalloc long[] { dim }, false, keepdim, type);
        public Tensor sum(long dim0, long dim1, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.sum, stackalloc long[] { dim0, dim1 }, false, keepdim, type);
        public Tensor sum(long dim0, long dim1, long dim2, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.sum, stackalloc long[] { dim0, dim1, dim2 }, false, keepdim, type);
        public Tensor nansum() => ReduceAll(ReduceOp.nansum);

        public Tensor mean() => ReduceAll(ReduceOp.mean);
        public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.mean, dimensions, false, keepdim, type);
        public Tensor nanmean(int? dim = null, bool keepdim = false, ScalarType? dtype = null) =>
            dim.HasValue ? Reduce(ReduceOp.nanmean, stackalloc long[] { dim.Value }, false, keepdim, dtype) : ReduceAll(ReduceOp.nanmean, dtype);

        public Tensor prod(ScalarType? type = null) => ReduceAll(ReduceOp.prod, type);
        public Tensor prod(long dim, bool keepdim = false, ScalarType? type = null) => Reduce(ReduceOp.prod, stackalloc long[] { dim }, false, keepdim, type);

        // ---- max / min ----------------------------------------------------------------
        public Tensor max() => ReduceAll(ReduceOp.max_all);
        public Tensor max(Tensor other) => maximum(other);
        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => Pair(PairReduceOp.max, dim, keepdim);
        public Tensor min() => ReduceAll(ReduceOp.min_all);
        public Tensor min(Tensor other) => minimum(other);
        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => Pair(PairReduceOp.min, dim, keepdim);
        public Tensor amax(long[] dims, bool keepdim = false, Tensor? @out = null) => OutNotSupported(@out, Reduce(ReduceOp.amax, dims, false, keepdim));
        public Tensor amax(params long[] dims) => Reduce(ReduceOp.amax, dims, false);
        public Tensor amax(ReadOnlySpan<long> dims, bool keepdim = false, Tensor? @out = null) => OutNotSupported(@out, Reduce(ReduceOp.amax, dims, false, keepdim));
        public Tensor amin(ReadOnlySpan<long> dims, bool keepdim = false, Tensor? @out = null) => OutNotSupported(@out, Reduce(ReduceOp.amin, dims, false, keepdim));
        public Tensor amin(long[] dims, bool keepdim = false, Tensor? @out = null) => OutNotSupported(@out, Reduce(ReduceOp.amin, dims, false, keepdim));
        public Tensor amin(params long[] dims) => Reduce(ReduceOp.amin, dims, false);

        public (Tensor min, Tensor max) aminmax(long? dim = null, bool keepdim = false) =>
            dim.HasValue
                ? (Reduce(ReduceOp.amin, stackalloc long[] { dim.Value }, false, keepdim), Reduce(ReduceOp.amax, stackalloc long[] { dim.Value }, false, keepdim))
                : (ReduceAll(ReduceOp.min_all), ReduceAll(ReduceOp.max_all));

        public Tensor argmax() => Unary(NativeMethods.gt_arg_reduce(0, Handle, 0, false, false));
        public Tensor argmax(long dim, bool keepdim = false) => Unary(NativeMethods.gt_arg_reduce(0, Handle, dim, true, keepdim));
        public Tensor argmin() => Unary(NativeMethods.gt_arg_reduce(1, Handle, 0, false, false));
        public Tensor argmin(long dim, bool keepdim = false) => Unary(NativeMethods.gt_arg_reduce(1, Handle, dim, true, keepdim));

        public Tensor median() => ReduceAll(ReduceOp.median_all);
        public Tensor nanmedian() => ReduceAll(ReduceOp.nanmedian_all);
        public (Tensor values, Tensor indices) mode(long dim = -1, bool keepdim = false) => Pair(PairReduceOp.mode, dim, keepdim);
        public (Tensor values, Tensor indices) kthvalue(long k, long? dim, bool keepdim = false) => Pair(PairReduceOp.kthvalue, dim ?? -1, keepdim, k);
        public static (Tensor values, Tensor indices) kthvalue(Tensor input, long k, long? dim, bool keepdim = false) => input.kthvalue(k, dim, keepdim);
        public (Tensor values, Tensor indices) cummax(long dim) => Pair(PairReduceOp.cummax, dim, false);
        public (Tensor values, Tensor indices) cummin(long dim) => Pair(PairReduceOp.cummin, dim, false);

        // ---- logical / counting ----------------------------------------------------------
        public Tensor all() => ReduceAll(ReduceOp.all);
        public Tensor all(long dim, bool keepdim = false) => Reduce(ReduceOp.all, stackalloc long[] { dim }, false, keepdim);
        public Tensor any() => ReduceAll(ReduceOp.any);
        public Tensor any(long dim, bool keepdim = false) => Reduce(ReduceOp.any, stackalloc long[] { dim }, false, keepdim);
        public Tensor count_nonzero(long[]? dims = null) => dims is null ? ReduceAll(ReduceOp.count_nonzero) : Reduce(ReduceOp.count_nonzero, dims, false);

        public Tensor logsumexp(long dim, bool keepdim = false) => Reduce(ReduceOp.logsumexp, stackalloc long[] { dim }, false, keepdim);

        // ---- var / std (unbiased = Bessel's correction) --------------------------------------
        public Tensor var(bool unbiased = true) => VarStd(0, default, true, unbiased, false, null);
        public Tensor var(ReadOnlySpan<long> dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(0, dimensions, false, unbiased, keepdim, type);
        public Tensor var(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(0, dimensions, false, unbiased, keepdim, type);
        public Tensor var(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(0, stackalloc long[] { dim }, false, unbiased, keepdim, type);
        public Tensor var((long, long) dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(0, stackalloc long[] { dim.Item1, dim.Item2 }, false, unbiased, keepdim, type);
        public Tensor var((long, long, long) dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(0, stackalloc long[] { dim.Item1, dim.Item2, dim.Item3 }, false, unbiased, keepdim, type);
        public Tensor std(bool unbiased = true) => VarStd(1, default, true, unbiased, false, null);
        public Tensor std(ReadOnlySpan<long> dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(1, dimensions, false, unbiased, keepdim, type);
        public Tensor std(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(1, dimensions, false, unbiased, keepdim, type);
        public Tensor std(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(1, stackalloc long[] { dim }, false, unbiased, keepdim, type);
        public Tensor std((long, long) dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(1, stackalloc long[] { dim.Item1, dim.Item2 }, false, unbiased, keepdim, type);
        public Tensor std((long, long, long) dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(1, stackalloc long[] { dim.Item1, dim.Item2, dim.Item3 }, false, unbiased, keepdim, type);
        public (Tensor var, Tensor mean) var_mean(bool unbiased = true) => VarStdMean(0, default, true, unbiased, false, null);
        public (Tensor var, Tensor mean) var_mean(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStdMean(0, dimensions, false, unbiased, keepdim, type);
        public (Tensor var, Tensor mean) var_mean(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStdMean(0, stackalloc long[] { dim }, false, unbiased, keepdim, type);
        public (Tensor std, Tensor mean) std_mean(bool unbiased = true) => VarStdMean(1, default, true, unbiased, false, null);
        public (Tensor std, Tensor mean) std_mean(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStdMean(1, dimensions, false, unbiased, keepdim, type);
        public (Tensor std, Tensor mean) std_mean(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStdMean(1, stackalloc long[] { dim }, false, unbiased, keepdim, type);

        // ---- scans, softmax ----------------------------------------------------------------
        public Tensor cumsum(long dim, ScalarType? type = null) => Unary(NativeMethods.gt_dim_op(DimOp.cumsum, Handle, dim, DTypeArg(type)));
        public Tensor cumprod(long dim, ScalarType? type = null) => Unary(NativeMethods.gt_dim_op(DimOp.cumprod, Handle, dim, DTypeArg(type)));
        public Tensor logcumsumexp(long dim) => Unary(NativeMethods.gt_dim_op(DimOp.logcumsumexp, Handle, dim, -1));
        public Tensor softmax(long dim, ScalarType? dtype = null) => Unary(NativeMethods.gt_dim_op(DimOp.softmax, Handle, dim, DTypeArg(dtype)));
        public Tensor log_softmax(long dim, ScalarType? dtype = null) => Unary(NativeMethods.gt_dim_op(DimOp.log_softmax, Handle, dim, DTypeArg(dtype)));

        // ---- sorting ----------------------------------------------------------------------
        public unsafe (Tensor values, Tensor indices) topk(int k, int dim = -1, bool largest = true, bool sorted = true)
        {
            var output = stackalloc IntPtr[2];
            var s = NativeMethods.gt_topk(Handle, k, dim, largest, sorted, output);
            GC.KeepAlive(this);
            Check(s);
            return (new Tensor(output[0]), new Tensor(output[1]));
        }

        public unsafe (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false)
        {
            var output = stackalloc IntPtr[2];
            var s = NativeMethods.gt_sort(Handle, dim, descending, stable, output);
            GC.KeepAlive(this);
            Check(s);
            return (new Tensor(output[0]), new Tensor(output[1]));
        }

        public Tensor argsort(long dim = -1, bool descending = false) => Unary(NativeMethods.gt_argsort(Handle, dim, descending));
        public Tensor msort() => Unary(NativeMethods.gt_msort(Handle));

        /// <summary>Distinct values; inverse and counts are null unless asked for.</summary>
        public unsafe (Tensor output, Tensor? inverse_indices, Tensor? counts) unique(bool sorted = true, bool return_inverse = false,
            bool return_counts = false, int? dim = null)
        {
            var output = stackalloc IntPtr[3];
            var s = NativeMethods.gt_unique(Handle, sorted, return_inverse, return_counts, dim ?? 0, dim.HasValue, output);
            GC.KeepAlive(this);
            Check(s);
            return (new Tensor(output[0]), output[1] == IntPtr.Zero ? null : new Tensor(output[1]),
                output[2] == IntPtr.Zero ? null : new Tensor(output[2]));
        }

        public unsafe (Tensor output, Tensor? inverse_indices, Tensor? counts) unique_consecutive(bool return_inverse = false,
            bool return_counts = false, int? dim = null)
        {
            var output = stackalloc IntPtr[3];
            var s = NativeMethods.gt_unique_consecutive(Handle, return_inverse, return_counts, dim ?? 0, dim.HasValue, output);
            GC.KeepAlive(this);
            Check(s);
            return (new Tensor(output[0]), output[1] == IntPtr.Zero ? null : new Tensor(output[1]),
                output[2] == IntPtr.Zero ? null : new Tensor(output[2]));
        }

        public Tensor histc(long bins = 100, long min = 0, long max = 0) => Unary(NativeMethods.gt_histc(Handle, bins, min, max));
        public Tensor bincount(Tensor? weights, long minlength = 0)
        {
            var r = NativeMethods.gt_bincount(Handle, weights is null ? IntPtr.Zero : weights.Handle, minlength);
            GC.KeepAlive(weights);
            return Unary(r);
        }
        public Tensor diff(long n = 1, long dim = -1, Tensor? prepend = null, Tensor? append = null)
        {
            if (prepend is not null || append is not null)
                throw new NotSupportedException("diff: prepend/append are not supported; concatenate with torch.cat first.");
            return Unary(NativeMethods.gt_diff(Handle, n, dim));
        }
        public Tensor quantile(Tensor q, long dim = -1, bool keepdim = false)
        {
            return Binary(NativeMethods.gt_quantile(Handle, q.Handle, dim, true, keepdim), q);
        }

        private static Tensor OutNotSupported(Tensor? @out, Tensor result)
        {
            if (@out is null) return result;
            result.Dispose();
            throw new NotSupportedException("The 'out' argument is not supported by GenAI.Torch; use the returned tensor.");
        }
    }
}

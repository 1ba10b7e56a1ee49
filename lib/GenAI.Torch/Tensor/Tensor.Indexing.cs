using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Flattens indices into the parallel arrays native/ops_indexing.cpp expects.</summary>
        private static (int[] kinds, long[] starts, long[] stops, long[] steps, IntPtr[] tensors) Encode(TensorIndex[] indices)
        {
            int n = indices.Length;
            var kinds = new int[n];
            var starts = new long[n];
            var stops = new long[n];
            var steps = new long[n];
            var tensors = new IntPtr[n];
            for (int k = 0; k < n; k++)
            {
                var ix = indices[k];
                kinds[k] = (int)ix.kind;
                switch (ix.kind)
                {
                    case TensorIndex.Kind.Single:
                    case TensorIndex.Kind.Bool:
                        starts[k] = ix.startIndexOrBoolOrSingle!.Value;
                        break;
                    case TensorIndex.Kind.Slice:
                        starts[k] = ix.startIndexOrBoolOrSingle ?? 0;
                        stops[k] = ix.stopIndex ?? long.MaxValue;
                        steps[k] = ix.step ?? 1;
                        if (steps[k] <= 0) throw new ArgumentException($"Slice step must be positive, got {steps[k]}.");
                        break;
                    case TensorIndex.Kind.Tensor:
                        tensors[k] = ix.tensor!.Handle;
                        break;
                }
            }
            return (kinds, starts, stops, steps, tensors);
        }

        /// <summary>Python-style indexing, e.g. <c>x.index(TensorIndex.Ellipsis, 0)</c> = <c>x[..., 0]</c>.</summary>
        public unsafe Tensor index(params TensorIndex[] indices)
        {
            var (kinds, starts, stops, steps, tensors) = Encode(indices);
            IntPtr r;
            fixed (int* pk = kinds)
            fixed (long* ps = starts, pe = stops, pt = steps)
            fixed (IntPtr* ph = tensors)
                r = NativeMethods.gt_index(Handle, pk, ps, pe, pt, ph, indices.Length);
            GC.KeepAlive(indices);
            return Unary(r);
        }

        public Tensor index(params Tensor[] indices) => index(indices.Select(t => TensorIndex.Tensor(t)).ToArray());

        /// <summary>Writes value into the indexed positions (in place) and returns this tensor.</summary>
        public unsafe Tensor index_put_(Tensor value, params TensorIndex[] indices)
        {
            var (kinds, starts, stops, steps, tensors) = Encode(indices);
            int s;
            fixed (int* pk = kinds)
            fixed (long* ps = starts, pe = stops, pt = steps)
            fixed (IntPtr* ph = tensors)
                s = NativeMethods.gt_index_put_(Handle, pk, ps, pe, pt, ph, indices.Length, value.Handle);
            GC.KeepAlive(indices);
            GC.KeepAlive(value);
            return InPlace(s);
        }

        public Tensor index_put_(Tensor value, TensorIndex[] indices, bool accumulate = false)
        {
            if (!accumulate) return index_put_(value, indices);
            if (indices.Any(i => i.kind != TensorIndex.Kind.Tensor))
                throw new ArgumentException("index_put_ with accumulate=true needs tensor indices only.");
            return index_put_(value, indices.Select(i => i.tensor!).ToArray(), true);
        }

        public unsafe Tensor index_put_(Scalar value, params TensorIndex[] indices)
        {
            var (kinds, starts, stops, steps, tensors) = Encode(indices);
            int s;
            fixed (int* pk = kinds)
            fixed (long* ps = starts, pe = stops, pt = steps)
            fixed (IntPtr* ph = tensors)
                s = NativeMethods.gt_index_put_scalar_(Handle, pk, ps, pe, pt, ph, indices.Length, value.Value);
            GC.KeepAlive(indices);
            return InPlace(s);
        }

        public Tensor index_put_(Tensor value, params Tensor[] indices) => index_put_(value, indices, false);

        public unsafe Tensor index_put_(Tensor value, Tensor[] indices, bool accumulate = false)
        {
            var handles = Handles(indices);
            int s;
            fixed (IntPtr* ph = handles) s = NativeMethods.gt_index_put_tensors_(Handle, ph, handles.Length, value.Handle, accumulate);
            GC.KeepAlive(indices);
            GC.KeepAlive(value);
            return InPlace(s);
        }

        public Tensor index_put_(Scalar value, params Tensor[] indices) =>
            index_put_(value, indices.Select(t => TensorIndex.Tensor(t)).ToArray());

        // ---- indexers: get = index(...), set = index_put_(...) ----
        public Tensor this[params TensorIndex[] indices]
        {
            get => index(indices);
            set => index_put_(value, indices);
        }

        public Tensor this[params Tensor[] indices]
        {
            get => index(indices);
            set => index_put_(value, indices);
        }

        public Tensor this[long i1]
        {
            get => index(new TensorIndex[] { i1 });
            set => index_put_(value, new TensorIndex[] { i1 });
        }

        public Tensor this[long i1, long i2]
        {
            get => index(new TensorIndex[] { i1, i2 });
            set => index_put_(value, new TensorIndex[] { i1, i2 });
        }

        public Tensor this[long i1, long i2, long i3]
        {
            get => index(new TensorIndex[] { i1, i2, i3 });
            set => index_put_(value, new TensorIndex[] { i1, i2, i3 });
        }

        public Tensor this[long i1, long i2, long i3, long i4]
        {
            get => index(new TensorIndex[] { i1, i2, i3, i4 });
            set => index_put_(value, new TensorIndex[] { i1, i2, i3, i4 });
        }

        public Tensor this[long i1, long i2, long i3, long i4, long i5]
        {
            get => index(new TensorIndex[] { i1, i2, i3, i4, i5 });
            set => index_put_(value, new TensorIndex[] { i1, i2, i3, i4, i5 });
        }

        public Tensor this[long i1, long i2, long i3, long i4, long i5, long i6]
        {
            get => index(new TensorIndex[] { i1, i2, i3, i4, i5, i6 });
            set => index_put_(value, new TensorIndex[] { i1, i2, i3, i4, i5, i6 });
        }

        public Tensor this[params long[] indices]
        {
            get => index(indices.Select(i => (TensorIndex)i).ToArray());
            set => index_put_(value, indices.Select(i => (TensorIndex)i).ToArray());
        }
    }
}

using TorchSharp.PInvoke;

namespace TorchSharp;

// Joining, splitting and index-based ops as free functions (PyTorch docs:
// "Indexing, Slicing, Joining, Mutating Ops"). Most torch.xxx(input, ...) forms forward to
// the Tensor methods (torch.Forwarders.g.cs); the ones taking several tensors live here.
public static partial class torch
{
    private static unsafe Tensor Join(JoinOp op, IList<Tensor> tensors, long dim)
    {
        if (tensors.Count == 0) throw new ArgumentException($"{op} needs at least one tensor.");
        var handles = Handles(tensors);
        IntPtr r;
        fixed (IntPtr* p = handles) r = NativeMethods.gt_join(op, p, handles.Length, dim);
        GC.KeepAlive(tensors);
        return Tensor.FromHandle(r);
    }

    public static Tensor cat(IList<Tensor> tensors, long dim = 0) => Join(JoinOp.cat, tensors, dim);
    public static Tensor cat(Tensor[] tensors, long dim = 0) => Join(JoinOp.cat, tensors, dim);
    public static Tensor cat(ReadOnlySpan<Tensor> tensors, long dim = 0) => Join(JoinOp.cat, tensors.ToArray(), dim);
    public static Tensor concat(IList<Tensor> tensors, long dim = 0) => Join(JoinOp.cat, tensors, dim);
    public static Tensor concat(Tensor[] tensors, long dim = 0) => Join(JoinOp.cat, tensors, dim);
    public static Tensor concatenate(IList<Tensor> tensors, long axis = 0) => Join(JoinOp.cat, tensors, axis);
    public static Tensor concatenate(Tensor[] tensors, long axis = 0) => Join(JoinOp.cat, tensors, axis);
    public static Tensor hstack(IEnumerable<Tensor> tensors) => Join(JoinOp.hstack, tensors.ToList(), 0);
    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0) => Join(JoinOp.stack, tensors.ToList(), dim);
    public static Tensor hstack(IList<Tensor> tensors) => Join(JoinOp.hstack, tensors, 0);
    public static Tensor hstack(params Tensor[] tensors) => Join(JoinOp.hstack, tensors, 0);
    public static Tensor vstack(IList<Tensor> tensors) => Join(JoinOp.vstack, tensors, 0);
    public static Tensor vstack(params Tensor[] tensors) => Join(JoinOp.vstack, tensors, 0);
    public static Tensor dstack(IList<Tensor> tensors) => Join(JoinOp.dstack, tensors, 0);
    public static Tensor dstack(params Tensor[] tensors) => Join(JoinOp.dstack, tensors, 0);
    public static Tensor column_stack(IList<Tensor> tensors) => Join(JoinOp.column_stack, tensors, 0);
    public static Tensor column_stack(params Tensor[] tensors) => Join(JoinOp.column_stack, tensors, 0);
    public static Tensor row_stack(IList<Tensor> tensors) => Join(JoinOp.vstack, tensors, 0);
    public static Tensor row_stack(params Tensor[] tensors) => Join(JoinOp.vstack, tensors, 0);

    private static unsafe Tensor[] Multi(int op, IList<Tensor> tensors)
    {
        var handles = Handles(tensors);
        var output = new IntPtr[handles.Length];
        int s;
        fixed (IntPtr* p = handles, o = output) s = NativeMethods.gt_multi(op, p, handles.Length, o);
        GC.KeepAlive(tensors);
        Check(s);
        return output.Select(h => new Tensor(h)).ToArray();
    }

    public static IList<Tensor> broadcast_tensors(params Tensor[] tensors) => Multi(0, tensors);

    /// <summary>Coordinate grids; indexing "ij" (matrix, default) or "xy" (Cartesian).</summary>
    public static Tensor[] meshgrid(IEnumerable<Tensor> tensors, string indexing = "ij") => indexing switch
    {
        "ij" => Multi(1, tensors.ToList()),
        "xy" => Multi(2, tensors.ToList()),
        _ => throw new ArgumentException($"meshgrid: indexing must be \"ij\" or \"xy\", got \"{indexing}\"."),
    };

    /// <summary>Elementwise condition ? x : y.</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y) => x.where(condition, y);
    public static Tensor where(Tensor condition, Scalar x, Scalar y) =>
        condition.Unary(NativeMethods.gt_where_ss(condition.Handle, x.Value, y.Value));
    public static Tensor where(Tensor condition, Tensor x, Scalar y) =>
        condition.Binary(NativeMethods.gt_where_ts(condition.Handle, x.Handle, y.Value), x);
    public static Tensor where(Tensor condition, Scalar x, Tensor y) =>
        condition.Binary(NativeMethods.gt_where_st(condition.Handle, x.Value, y.Handle), y);
    /// <summary>Indices of the true elements, one tensor per dim.</summary>
    public static Tensor[] where(Tensor condition)
    {
        using var nz = condition.nonzero();
        return nz.t().unbind(0);
    }

    public static Tensor isin(Tensor tensor, Tensor test_elements, bool assumeUnique = false, bool invert = false) =>
        tensor.Binary(NativeMethods.gt_isin(tensor.Handle, test_elements.Handle, invert), test_elements);
    public static Tensor bucketize(Tensor input, Tensor boundaries, bool outInt32 = false, bool right = false) =>
        input.Binary(NativeMethods.gt_bucketize(input.Handle, boundaries.Handle, outInt32, right), boundaries);
    public static Tensor searchsorted(Tensor sorted_sequence, Tensor values, bool out_int32 = false, bool right = false, Tensor? sorter = null) =>
        sorted_sequence.Binary(NativeMethods.gt_searchsorted(sorted_sequence.Handle, values.Handle, out_int32, right), values);

    public static (Tensor output, Tensor? inverse_indices, Tensor? counts) unique(Tensor input, bool sorted = true,
        bool return_inverse = false, bool return_counts = false, int? dim = null) =>
        input.unique(sorted, return_inverse, return_counts, dim);


    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>Integer class labels to one-hot rows (int64); num_classes -1 = max label + 1.</summary>
            public static Tensor one_hot(Tensor x, long num_classes = -1) =>
                x.Unary(NativeMethods.gt_one_hot(x.Handle, num_classes));
        }
    }
}

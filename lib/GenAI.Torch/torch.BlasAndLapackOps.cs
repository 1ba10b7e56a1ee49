using TorchSharp.PInvoke;

namespace TorchSharp;

// Matrix products and decompositions (PyTorch docs: "BLAS and LAPACK Operations", torch.linalg).
public static partial class torch
{
    public partial class Tensor
    {
        internal Tensor Product(ProductOp op, Tensor other) => Binary(NativeMethods.gt_product(op, Handle, other.Handle), other);

        public Tensor matmul(Tensor target) => Binary(NativeMethods.gt_matmul(Handle, target.Handle), target);
        public Tensor mm(Tensor target) => Product(ProductOp.mm, target);
        public Tensor bmm(Tensor batch2) => Product(ProductOp.bmm, batch2);
        public Tensor outer(Tensor vec2) => Product(ProductOp.outer, vec2);
        public Tensor ger(Tensor vec2) => Product(ProductOp.outer, vec2);
        public Tensor dot(Tensor target) => Product(ProductOp.dot, target);
        public Tensor mv(Tensor target) => Product(ProductOp.mv, target);
        public Tensor kron(Tensor other) => Product(ProductOp.kron, other);
        public Tensor inner(Tensor vec2) => Product(ProductOp.inner, vec2);
        public Tensor vdot(Tensor target) => Product(ProductOp.vdot, target);

        private Tensor AddMM(AddmmOp op, Tensor a, Tensor b, float beta, float alpha)
        {
            var r = NativeMethods.gt_addmm_family(op, Handle, a.Handle, b.Handle, NativeScalar.Float(beta), NativeScalar.Float(alpha));
            GC.KeepAlive(b);
            return Binary(r, a);
        }

        public Tensor addmm(Tensor mat1, Tensor mat2, float beta = 1, float alpha = 1) => AddMM(AddmmOp.addmm, mat1, mat2, beta, alpha);
        public Tensor baddbmm(Tensor batch1, Tensor batch2, float beta = 1, float alpha = 1) => AddMM(AddmmOp.baddbmm, batch1, batch2, beta, alpha);
        public Tensor addbmm(Tensor batch1, Tensor batch2, float beta = 1, float alpha = 1) => AddMM(AddmmOp.addbmm, batch1, batch2, beta, alpha);
        public Tensor addmv(Tensor mat, Tensor vec, float beta = 1, float alpha = 1) => AddMM(AddmmOp.addmv, mat, vec, beta, alpha);
        public Tensor addr(Tensor vec1, Tensor vec2, float beta = 1, float alpha = 1) => AddMM(AddmmOp.addr, vec1, vec2, beta, alpha);

        public Tensor inverse() => Unary(NativeMethods.gt_linalg_unary(LinalgUnaryOp.inv, Handle));
        public Tensor det() => Unary(NativeMethods.gt_linalg_unary(LinalgUnaryOp.det, Handle));
        public Tensor logdet() => Unary(NativeMethods.gt_linalg_unary(LinalgUnaryOp.logdet, Handle));
        public Tensor trace() => Unary(NativeMethods.gt_linalg_unary(LinalgUnaryOp.trace, Handle));
        public Tensor pinverse(double rcond = 1e-15, bool hermitian = false) => Unary(NativeMethods.gt_linalg_unary(LinalgUnaryOp.pinv, Handle));
        public Tensor matrix_exp() => Unary(NativeMethods.gt_linalg_unary(LinalgUnaryOp.matrix_exp, Handle));
        public Tensor matrix_power(int n) => Unary(NativeMethods.gt_matrix_power(Handle, n));
        public Tensor cholesky(bool upper = false) =>
            Unary(NativeMethods.gt_linalg_unary(upper ? LinalgUnaryOp.cholesky_upper : LinalgUnaryOp.cholesky, Handle));

        /// <summary>p-norm of all elements (Frobenius for p = 2), as torch.norm.</summary>
        public Tensor norm(float p = 2) => linalg.vector_norm(this, p);
        public Tensor norm(int dim, bool keepdim = false, float p = 2) => linalg.vector_norm(this, p, new long[] { dim }, keepdim);
        public Tensor dist(Tensor other, float p = 2) => Binary(NativeMethods.gt_dist(Handle, other.Handle, p), other);
    }

    public static Tensor mm(Tensor input, Tensor target) => input.mm(target);
    public static Tensor bmm(Tensor input, Tensor batch2) => input.bmm(batch2);
    public static Tensor outer(Tensor input, Tensor vec2) => input.outer(vec2);
    public static Tensor dot(Tensor input, Tensor target) => input.dot(target);
    public static Tensor mv(Tensor input, Tensor target) => input.mv(target);
    public static Tensor kron(Tensor input, Tensor other) => input.kron(other);
    public static Tensor inner(Tensor input, Tensor vec2) => input.inner(vec2);
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, float beta, float alpha) => input.addmm(mat1, mat2, beta, alpha);
    public static Tensor baddbmm(Tensor input, Tensor batch1, Tensor batch2, float beta = 1, float alpha = 1) => input.baddbmm(batch1, batch2, beta, alpha);
    public static Tensor trace(Tensor input) => input.trace();
    public static Tensor inverse(Tensor input) => input.inverse();
    public static Tensor det(Tensor input) => input.det();

    /// <summary>Einstein summation, e.g. <c>einsum("bij,bjk->bik", a, b)</c>.</summary>
    public static unsafe Tensor einsum(string equation, params Tensor[] tensors)
    {
        var handles = Handles(tensors);
        IntPtr r;
        fixed (IntPtr* p = handles) r = NativeMethods.gt_einsum(equation, p, handles.Length);
        GC.KeepAlive(tensors);
        return Tensor.FromHandle(r);
    }

    public static unsafe Tensor tensordot(Tensor a, Tensor b, long dims = 2)
    {
        var da = Enumerable.Range((int)(a.Dimensions - dims), (int)dims).Select(i => (long)i).ToArray();
        var db = Enumerable.Range(0, (int)dims).Select(i => (long)i).ToArray();
        return tensordot(a, b, da, db);
    }

    public static unsafe Tensor tensordot(Tensor a, Tensor b, long[] dims1, long[] dims2)
    {
        if (dims1.Length != dims2.Length)
            throw new ArgumentException($"tensordot: {dims1.Length} dims for a but {dims2.Length} for b.");
        IntPtr r;
        fixed (long* p1 = dims1, p2 = dims2) r = NativeMethods.gt_tensordot(a.Handle, b.Handle, p1, p2, dims1.Length);
        GC.KeepAlive(b);
        return a.Unary(r);
    }

    public static Tensor cdist(Tensor x1, Tensor x2, double p = 2.0) => x1.Binary(NativeMethods.gt_cdist(x1.Handle, x2.Handle, p), x2);

    /// <summary>torch.linalg: norms, decompositions, solvers.</summary>
    public static partial class linalg
    {
        private static unsafe Tensor Norm(int kind, Tensor input, double ord, bool hasOrd, string? ordStr, long[]? dims, bool keepdim)
        {
            fixed (long* p = dims)
                return input.Unary(NativeMethods.gt_norm(kind, input.Handle, ord, hasOrd, ordStr, p, dims is null ? -1 : dims.Length, keepdim));
        }

        /// <summary>torch.linalg.norm: vector 2-norm of the flattened input by default, or the norm
        /// of order ord over dims (a matrix norm when two dims are given).</summary>
        public static Tensor norm(Tensor input, string ord, long[]? dims = null, bool keepdim = false) => Norm(1, input, 0, false, ord, dims, keepdim);
        public static Tensor norm(Tensor input, double ord, long[]? dims = null, bool keepdim = false) => Norm(0, input, ord, true, null, dims, keepdim);
        public static Tensor norm(Tensor input, int ord, long[]? dims = null, bool keepdim = false) => Norm(0, input, ord, true, null, dims, keepdim);
        public static Tensor norm(Tensor input, long[]? dims = null, bool keepdim = false) => Norm(0, input, 0, false, null, dims, keepdim);
        public static Tensor vector_norm(Tensor input, double ord = 2, long[]? dims = null, bool keepdim = false) => Norm(2, input, ord, true, null, dims, keepdim);
        public static Tensor matrix_norm(Tensor input, string ord = "fro", long[]? dims = null, bool keepdim = false) => Norm(4, input, 0, false, ord, dims, keepdim);
        public static Tensor matrix_norm(Tensor input, double ord, long[]? dims = null, bool keepdim = false) => Norm(3, input, ord, true, null, dims, keepdim);

        private static unsafe Tensor[] Decompose(DecomposeOp op, Tensor input, string? option, bool flag, int outputs)
        {
            var output = stackalloc IntPtr[outputs];
            var s = NativeMethods.gt_decompose(op, input.Handle, option, flag, output);
            GC.KeepAlive(input);
            Check(s);
            var result = new Tensor[outputs];
            for (int k = 0; k < outputs; k++) result[k] = new Tensor(output[k]);
            return result;
        }

        /// <summary>Eigenvalues (ascending) and eigenvectors (columns) of a symmetric/Hermitian matrix.</summary>
        public static (Tensor, Tensor) eigh(Tensor input, char UPLO = 'L')
        {
            var r = Decompose(DecomposeOp.eigh, input, UPLO.ToString(), false, 2);
            return (r[0], r[1]);
        }

        public static Tensor eigvalsh(Tensor input, char UPLO = 'L') => input.Unary(NativeMethods.gt_eigvalsh(input.Handle, UPLO.ToString()));

        /// <summary>A = U diag(S) Vh.</summary>
        public static (Tensor, Tensor, Tensor) svd(Tensor input, bool fullMatrices = true)
        {
            var r = Decompose(DecomposeOp.svd, input, null, fullMatrices, 3);
            return (r[0], r[1], r[2]);
        }

        public static Tensor svdvals(Tensor input) => input.Unary(NativeMethods.gt_linalg_unary(LinalgUnaryOp.svdvals, input.Handle));

        public static (Tensor, Tensor) qr(Tensor input, QRMode mode = QRMode.Reduced)
        {
            var r = Decompose(DecomposeOp.qr, input, mode.ToString().ToLowerInvariant(), false, 2);
            return (r[0], r[1]);
        }

        public static (Tensor, Tensor) slogdet(Tensor input)
        {
            var r = Decompose(DecomposeOp.slogdet, input, null, false, 2);
            return (r[0], r[1]);
        }

        public static (Tensor, Tensor) eig(Tensor input)
        {
            var r = Decompose(DecomposeOp.eig, input, null, false, 2);
            return (r[0], r[1]);
        }

        public static Tensor eigvals(Tensor input) => input.Unary(NativeMethods.gt_linalg_unary(LinalgUnaryOp.eigvals, input.Handle));
        public static Tensor inv(Tensor input) => input.inverse();
        public static Tensor det(Tensor input) => input.det();
        public static Tensor pinv(Tensor input, double? atol = null, double? rtol = null, bool hermitian = false) => input.pinverse();
        public static Tensor cholesky(Tensor input) => input.cholesky();
        public static Tensor matrix_exp(Tensor input) => input.matrix_exp();
        public static Tensor matrix_power(Tensor input, int n) => input.matrix_power(n);
        public static Tensor matrix_rank(Tensor input, double? atol = null, double? rtol = null, bool hermitian = false) =>
            input.Unary(NativeMethods.gt_matrix_rank(input.Handle, hermitian));
        public static Tensor solve(Tensor A, Tensor B, bool left = true) => A.Product(ProductOp.solve, B);
        public static Tensor cross(Tensor input, Tensor other, long dim = -1) => input.Product(ProductOp.cross, other);

        public enum QRMode { Reduced, Complete, R }
    }
}

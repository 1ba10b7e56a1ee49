using System.Runtime.InteropServices;
using TorchSharp.PInvoke;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>
    /// A tensor: one reference to a libtorch tensor held by the shim. Memory is released by
    /// Dispose, by the dispose scope the tensor was created in, or (as a last resort) by the
    /// finalizer. The other partial files of this class hold the ops, by area.
    /// </summary>
    /// <remarks>
    /// The handle is a plain IntPtr rather than a SafeHandle: that keeps one allocation per
    /// result tensor and no ref-counting on every call, which is what the per-op overhead budget
    /// needs. The price is that native calls must GC.KeepAlive their Tensor arguments
    /// (see PInvoke/NativeMethods.cs). Freeing is thread-safe (atomic refcount in libtorch),
    /// so the finalizer thread may do it.
    /// </remarks>
    public partial class Tensor : IDisposable
    {
        private IntPtr _handle;

        /// <summary>The dispose scope that owns this tensor, if any, and its slot there.</summary>
        internal DisposeScope? OwningDisposeScope;
        internal int ScopeSlot;

        private static long _totalCount;
        private static long _peakCount;

        internal Tensor(IntPtr handle)
        {
            _handle = handle;
            var live = Interlocked.Increment(ref _totalCount);
            if (live > _peakCount) _peakCount = live;
            DisposeScopeManager.ThreadSingleton.Register(this);
        }

        /// <summary>Wraps a handle returned by the shim; a zero handle means the call failed,
        /// and the pending native error is thrown as an ExternalException.</summary>
        internal static Tensor FromHandle(IntPtr handle)
        {
            if (handle == IntPtr.Zero)
            {
                CheckForErrors();
                throw new ExternalException("native call returned no tensor and no error message");
            }
            return new Tensor(handle);
        }

        /// <summary>Number of tensors currently alive in the process (created and not yet freed).</summary>
        public static long TotalCount => Interlocked.Read(ref _totalCount);

        /// <summary>The highest TotalCount seen.</summary>
        public static long PeakCount => _peakCount;

        /// <summary>The native handle; throws if the tensor was disposed.</summary>
        public IntPtr Handle
        {
            get
            {
                var h = _handle;
                if (h == IntPtr.Zero) ThrowDisposed();
                return h;
            }
        }

        public bool IsInvalid => _handle == IntPtr.Zero;

        private static void ThrowDisposed() =>
            throw new InvalidOperationException("Tensor invalid -- empty handle: it was disposed (directly or by its dispose scope).");

        ~Tensor() => Free();

        public void Dispose()
        {
            if (_handle == IntPtr.Zero) return;
            var stats = DisposeScopeManager.ThreadSingleton.Stats.TensorStatistics;
            if (OwningDisposeScope is { } scope)
            {
                scope.MarkAsDisposed(this);
                stats.DisposedInScopeCount++;
            }
            else stats.DisposedOutsideScopeCount++;
            Free();
            GC.SuppressFinalize(this);
        }

        /// <summary>Dispose as called by the owning scope (it already removed and counted us).</summary>
        internal void DisposeWithoutScope()
        {
            Free();
            GC.SuppressFinalize(this);
        }

        private void Free()
        {
            var h = Interlocked.Exchange(ref _handle, IntPtr.Zero);
            if (h != IntPtr.Zero)
            {
                NativeMethods.gt_free(h);
                Interlocked.Decrement(ref _totalCount);
            }
        }

        /// <summary>Removes the tensor from its dispose scope: the caller now owns it.</summary>
        public Tensor DetachFromDisposeScope()
        {
            OwningDisposeScope?.Detach(this);
            return this;
        }

        /// <summary>TorchSharp's misspelt alias of <see cref="DetachFromDisposeScope"/>.</summary>
        public Tensor DetatchFromDisposeScope() => DetachFromDisposeScope();

        /// <summary>Moves the tensor to the scope enclosing its current one.</summary>
        public Tensor MoveToOuterDisposeScope()
        {
            OwningDisposeScope?.MoveToOuter(this);
            return this;
        }

        public Tensor MoveToOtherDisposeScope(Tensor other) =>
            other.OwningDisposeScope is { } scope ? MoveToOtherDisposeScope(scope) : DetachFromDisposeScope();

        public Tensor MoveToOtherDisposeScope(DisposeScope other)
        {
            if (OwningDisposeScope is { } mine) mine.MoveToOther(other, this);
            else other.Attach(this);
            return this;
        }
    }

    /// <summary>Opens a dispose scope on this thread: every tensor created until it is disposed
    /// belongs to it and is freed with it (use MoveToOuter to keep one).</summary>
    public static DisposeScope NewDisposeScope() => DisposeScopeManager.ThreadSingleton.Open();

    /// <summary>The innermost open dispose scope of this thread, or null.</summary>
    public static DisposeScope CurrentDisposeScope => DisposeScopeManager.ThreadSingleton.Current!;
}

using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>The per-thread stack of open dispose scopes, plus lifetime statistics of this thread.</summary>
public sealed class DisposeScopeManager
{
    [ThreadStatic] private static DisposeScopeManager? _threadSingleton;

    internal static DisposeScopeManager ThreadSingleton => _threadSingleton ??= new DisposeScopeManager();

    internal readonly ThreadDisposeScopeStatistics Stats = new();

    /// <summary>The innermost open scope of this thread (null when none).</summary>
    internal DisposeScope? Current;

    public DisposeScopeManager() { }

    /// <summary>Tensor lifetime counters of the calling thread.</summary>
    public static ThreadDisposeScopeStatistics Statistics => ThreadSingleton.Stats;

    internal DisposeScope Open()
    {
        var scope = new DisposeScope(this, Current);
        Current = scope;
        return scope;
    }

    /// <summary>Unlinks a scope; scopes closed out of order are cut out of the chain.</summary>
    internal void Close(DisposeScope scope)
    {
        if (Current == scope)
        {
            Current = scope.OuterScope;
            return;
        }
        for (var s = Current; s != null; s = s.OuterScope)
        {
            if (s.OuterScope == scope)
            {
                s.OuterScope = scope.OuterScope;
                return;
            }
        }
    }

    /// <summary>Called by every new Tensor: joins the innermost scope, if any.</summary>
    internal void Register(Tensor tensor)
    {
        var scope = Current;
        if (scope != null)
        {
            scope.AddNew(tensor);
            Stats.TensorStatistics.CreatedInScopeCount++;
        }
        else Stats.TensorStatistics.CreatedOutsideScopeCount++;
    }
}

/// <summary>Counts of tensors created and disposed on one thread, in and outside scopes.</summary>
public class LifetimeStatistics
{
    public LifetimeStatistics() { }

    public long CreatedOutsideScopeCount { get; internal set; }
    public long DisposedOutsideScopeCount { get; internal set; }
    public long CreatedInScopeCount { get; internal set; }
    public long DisposedInScopeCount { get; internal set; }
    public long AttachedToScopeCount { get; internal set; }
    public long DetachedFromScopeCount { get; internal set; }

    /// <summary>Created minus disposed on this thread (finalized tensors are not subtracted).</summary>
    public long ThreadTotalLiveCount =>
        CreatedInScopeCount + CreatedOutsideScopeCount - DisposedInScopeCount - DisposedOutsideScopeCount;

    public void Reset()
    {
        CreatedOutsideScopeCount = DisposedOutsideScopeCount = CreatedInScopeCount = 0;
        DisposedInScopeCount = AttachedToScopeCount = DetachedFromScopeCount = 0;
    }

    public override string ToString() =>
        $"ThreadTotalLiveCount: {ThreadTotalLiveCount}; CreatedOutsideScopeCount: {CreatedOutsideScopeCount}; " +
        $"DisposedOutsideScopeCount: {DisposedOutsideScopeCount}; CreatedInScopeCount: {CreatedInScopeCount}; " +
        $"DisposedInScopeCount: {DisposedInScopeCount}; AttachedToScopeCount: {AttachedToScopeCount}; " +
        $"DetachedFromScopeCount: {DetachedFromScopeCount}";
}

/// <summary>Statistics of one thread; the top-level counts are those of tensors
/// (this engine has no PackedSequence, whose statistics stay zero).</summary>
public class ThreadDisposeScopeStatistics
{
    public ThreadDisposeScopeStatistics() { }

    public LifetimeStatistics TensorStatistics { get; } = new();
    public LifetimeStatistics PackedSequenceStatistics { get; } = new();

    public long CreatedOutsideScopeCount => TensorStatistics.CreatedOutsideScopeCount + PackedSequenceStatistics.CreatedOutsideScopeCount;
    public long DisposedOutsideScopeCount => TensorStatistics.DisposedOutsideScopeCount + PackedSequenceStatistics.DisposedOutsideScopeCount;
    public long CreatedInScopeCount => TensorStatistics.CreatedInScopeCount + PackedSequenceStatistics.CreatedInScopeCount;
    public long DisposedInScopeCount => TensorStatistics.DisposedInScopeCount + PackedSequenceStatistics.DisposedInScopeCount;
    public long AttachedToScopeCount => TensorStatistics.AttachedToScopeCount + PackedSequenceStatistics.AttachedToScopeCount;
    public long DetachedFromScopeCount => TensorStatistics.DetachedFromScopeCount + PackedSequenceStatistics.DetachedFromScopeCount;
    public long ThreadTotalLiveCount => TensorStatistics.ThreadTotalLiveCount + PackedSequenceStatistics.ThreadTotalLiveCount;

    public void Reset()
    {
        TensorStatistics.Reset();
        PackedSequenceStatistics.Reset();
    }

    public override string ToString() => TensorStatistics.ToString();
}

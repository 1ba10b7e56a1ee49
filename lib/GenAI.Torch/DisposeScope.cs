using static TorchSharp.torch;

namespace TorchSharp;

/// <summary>
/// Owns every tensor created on this thread while it is the innermost scope, and disposes them
/// when it is disposed: <c>using (torch.NewDisposeScope()) { ... }</c>.
/// Registration is a list append; a tensor remembers its slot so that removing it (Dispose,
/// Detach, MoveToOuter) is O(1) too.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    private readonly DisposeScopeManager _manager;
    private readonly List<IDisposable> _items = new();
    private bool _disposed;

    internal DisposeScope(DisposeScopeManager manager, DisposeScope? outer)
    {
        _manager = manager;
        OuterScope = outer;
    }

    /// <summary>The scope that was current when this one was opened (null for the outermost).</summary>
    internal DisposeScope? OuterScope { get; set; }

    public IReadOnlyList<IDisposable> DisposablesView => _items.AsReadOnly();
    public int DisposablesCount => _items.Count;

    // ---- membership primitives -------------------------------------------------------

    /// <summary>Adds without touching statistics (used by Tensor's constructor, which counts itself).</summary>
    internal void AddNew(Tensor tensor)
    {
        tensor.OwningDisposeScope = this;
        tensor.ScopeSlot = _items.Count;
        _items.Add(tensor);
    }

    private void Add(IDisposable item)
    {
        if (item is Tensor t)
        {
            if (t.OwningDisposeScope == this) return;
            t.OwningDisposeScope?.Remove(t);
            AddNew(t);
        }
        else if (!_items.Contains(item))
        {
            _items.Add(item);
        }
    }

    /// <summary>Removes an item without disposing it; false if it was not here.</summary>
    private bool Remove(IDisposable item)
    {
        int slot;
        if (item is Tensor t)
        {
            if (t.OwningDisposeScope != this) return false;
            slot = t.ScopeSlot;
            t.OwningDisposeScope = null;
        }
        else
        {
            slot = _items.IndexOf(item);
            if (slot < 0) return false;
        }
        // Swap the last item into the hole so removal stays O(1).
        int last = _items.Count - 1;
        if (slot != last)
        {
            var moved = _items[last];
            _items[slot] = moved;
            if (moved is Tensor mt) mt.ScopeSlot = slot;
        }
        _items.RemoveAt(last);
        return true;
    }

    // ---- public API ------------------------------------------------------------------

    public void Attach(IDisposable disposable)
    {
        Add(disposable);
        if (disposable is Tensor) _manager.Stats.TensorStatistics.AttachedToScopeCount++;
    }

    public void Attach(params IDisposable[] disposables)
    {
        foreach (var d in disposables) Attach(d);
    }

    public IReadOnlyList<IDisposable> Attach(IEnumerable<IDisposable> disposables)
    {
        var list = disposables.ToList();
        foreach (var d in list) Attach(d);
        return list;
    }

    public bool Contains(IDisposable disposable) =>
        disposable is Tensor t ? t.OwningDisposeScope == this : _items.Contains(disposable);

    public T Detach<T>(T disposable) where T : IDisposable
    {
        if (Remove(disposable) && disposable is Tensor) _manager.Stats.TensorStatistics.DetachedFromScopeCount++;
        return disposable;
    }

    public (T1, T2) Detach<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable =>
        (Detach(first), Detach(second));

    public (T1, T2, T3) Detach<T1, T2, T3>(T1 first, T2 second, T3 third)
        where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable =>
        (Detach(first), Detach(second), Detach(third));

    public void Detach(params IDisposable[] disposables)
    {
        foreach (var d in disposables) Detach(d);
    }

    public void Detach(IEnumerable<IDisposable> disposables)
    {
        foreach (var d in disposables.ToList()) Detach(d);
    }

    /// <summary>Forgets an item that was disposed elsewhere.</summary>
    public void MarkAsDisposed(IDisposable disposable) => Remove(disposable);

    public T MoveToOther<T>(DisposeScope scope, T disposable) where T : IDisposable
    {
        Remove(disposable);
        if (scope is null)
        {
            if (disposable is Tensor) _manager.Stats.TensorStatistics.DetachedFromScopeCount++;
        }
        else scope.Add(disposable);
        return disposable;
    }

    public (T1, T2) MoveToOther<T1, T2>(DisposeScope scope, T1 first, T2 second)
        where T1 : IDisposable where T2 : IDisposable =>
        (MoveToOther(scope, first), MoveToOther(scope, second));

    public (T1, T2, T3) MoveToOther<T1, T2, T3>(DisposeScope scope, T1 first, T2 second, T3 third)
        where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable =>
        (MoveToOther(scope, first), MoveToOther(scope, second), MoveToOther(scope, third));

    public void MoveToOther(DisposeScope scope, params IDisposable[] disposables)
    {
        foreach (var d in disposables) MoveToOther(scope, d);
    }

    public void MoveToOther(DisposeScope scope, IEnumerable<IDisposable> disposables)
    {
        foreach (var d in disposables.ToList()) MoveToOther(scope, d);
    }

    /// <summary>Hands the item to the enclosing scope (or to nobody, if this is the outermost):
    /// it survives the end of this scope.</summary>
    public T MoveToOuter<T>(T disposable) where T : IDisposable => MoveToOther(OuterScope!, disposable);

    public (T1, T2) MoveToOuter<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable =>
        (MoveToOuter(first), MoveToOuter(second));

    public (T1, T2, T3) MoveToOuter<T1, T2, T3>(T1 first, T2 second, T3 third)
        where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable =>
        (MoveToOuter(first), MoveToOuter(second), MoveToOuter(third));

    public void MoveToOuter(params IDisposable[] disposables)
    {
        foreach (var d in disposables) MoveToOuter(d);
    }

    public void MoveToOuter(IEnumerable<IDisposable> disposables)
    {
        foreach (var d in disposables.ToList()) MoveToOuter(d);
    }

    /// <summary>Disposes everything the scope holds; the scope stays open.</summary>
    public void DisposeEverything() => DisposeEverythingBut(Array.Empty<IDisposable>());

    public void DisposeEverythingBut(IEnumerable<IDisposable> inKeep)
    {
        var keep = new HashSet<IDisposable>(inKeep, ReferenceEqualityComparer.Instance);
        var kept = new List<IDisposable>();
        // Take items from the end (O(1) removal); an item's own Dispose then finds it gone.
        while (_items.Count > 0)
        {
            int last = _items.Count - 1;
            var item = _items[last];
            _items.RemoveAt(last);
            if (keep.Contains(item))
            {
                kept.Add(item);
                continue;
            }
            if (item is Tensor t)
            {
                t.OwningDisposeScope = null;
                _manager.Stats.TensorStatistics.DisposedInScopeCount++;
                t.DisposeWithoutScope();
            }
            else item.Dispose();
        }
        foreach (var k in kept)
        {
            if (k is Tensor t) AddNew(t);
            else _items.Add(k);
        }
    }

    public void DisposeEverythingBut(params IDisposable[] keep) => DisposeEverythingBut((IEnumerable<IDisposable>)keep);

    public T DisposeEverythingBut<T>(T keep) where T : IDisposable
    {
        DisposeEverythingBut(new IDisposable[] { keep });
        return keep;
    }

    public (T1, T2) DisposeEverythingBut<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable
    {
        DisposeEverythingBut(new IDisposable[] { first, second });
        return (first, second);
    }

    public (T1, T2, T3) DisposeEverythingBut<T1, T2, T3>(T1 first, T2 second, T3 third)
        where T1 : IDisposable where T2 : IDisposable where T3 : IDisposable
    {
        DisposeEverythingBut(new IDisposable[] { first, second, third });
        return (first, second, third);
    }

    /// <summary>Disposes everything the scope holds and closes it.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        DisposeEverything();
        _manager.Close(this);
    }
}

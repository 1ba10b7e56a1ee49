namespace TorchSharp;

/// <summary>
/// A small insertion-ordered name -> value map: the registration tables of a Module.
/// Replacing a value keeps its position (as assigning an attribute does in PyTorch).
/// </summary>
internal sealed class OrderedTable<T>
{
    private readonly List<string> _order = new();
    private readonly Dictionary<string, T> _values = new();

    public int Count => _order.Count;

    public bool Contains(string name) => _values.ContainsKey(name);

    public bool TryGet(string name, out T value) => _values.TryGetValue(name, out value!);

    public void Set(string name, T value)
    {
        if (!_values.ContainsKey(name)) _order.Add(name);
        _values[name] = value;
    }

    public bool Remove(string name)
    {
        if (!_values.Remove(name)) return false;
        _order.Remove(name);
        return true;
    }

    public void Clear()
    {
        _order.Clear();
        _values.Clear();
    }

    public IEnumerable<(string name, T value)> Items
    {
        get
        {
            foreach (var name in _order.ToArray())
                yield return (name, _values[name]);
        }
    }
}

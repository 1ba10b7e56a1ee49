// ParameterDict: parameters by name, in insertion order, registered under their keys.
namespace TorchSharp.Modules
{
    public class ParameterDict : torch.nn.Module, IDictionary<string, Parameter>, IList<(string, Parameter)>
    {
        private readonly List<(string key, Parameter value)> _items = new();

        public ParameterDict() : base(nameof(ParameterDict)) { }

        private int Find(string key) => _items.FindIndex(i => i.key == key);

        private void Sync()
        {
            foreach (var (name, _) in base.named_parameters(false).ToList()) ConditionallyRegisterParameter(name, null);
            foreach (var (k, v) in _items) register_parameter(k, v);
        }

        public (string, Parameter) this[int index]
        {
            get => _items[index];
            set { _items[index] = value; Sync(); }
        }

        public Parameter this[string key]
        {
            get { int k = Find(key); return k >= 0 ? _items[k].value : throw new KeyNotFoundException($"ParameterDict has no parameter named '{key}'"); }
            set { int k = Find(key); if (k >= 0) _items[k] = (key, value); else _items.Add((key, value)); Sync(); }
        }

        public bool IsReadOnly => false;
        public ICollection<string> Keys => _items.Select(i => i.key).ToList();
        public ICollection<Parameter> Values => _items.Select(i => i.value).ToList();
        public int Count => _items.Count;

        public void Add((string, Parameter) item) => Add(item.Item1, item.Item2);
        public void Add(string key, Parameter value)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (Find(key) >= 0) throw new ArgumentException($"ParameterDict already has a parameter named '{key}'", nameof(key));
            _items.Add((key, value));
            register_parameter(key, value);
        }
        public void Add(KeyValuePair<string, Parameter> item) => Add(item.Key, item.Value);
        public void clear() => Clear();
        public void Clear() { _items.Clear(); Sync(); }
        public bool Contains((string, Parameter) item) => _items.Contains(item);
        public bool Contains(KeyValuePair<string, Parameter> item) => _items.Contains((item.Key, item.Value));
        public bool ContainsKey(string key) => Find(key) >= 0;
        public void CopyTo((string, Parameter)[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);
        public void CopyTo(KeyValuePair<string, Parameter>[] array, int arrayIndex)
        {
            foreach (var (k, v) in _items) array[arrayIndex++] = new(k, v);
        }
        public IEnumerator<(string, Parameter)> GetEnumerator() => _items.GetEnumerator();
        IEnumerator<KeyValuePair<string, Parameter>> IEnumerable<KeyValuePair<string, Parameter>>.GetEnumerator() =>
            _items.Select(i => new KeyValuePair<string, Parameter>(i.key, i.value)).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public int IndexOf((string, Parameter) item) => _items.IndexOf(item);
        public void Insert(int index, (string, Parameter) item) { _items.Insert(index, item); Sync(); }
        public IEnumerator<(string, Parameter)> items() => GetEnumerator();
        public IEnumerable<string> keys() => Keys;
        public bool Remove((string, Parameter) item) { var r = _items.Remove(item); Sync(); return r; }
        public bool Remove(string key) { int k = Find(key); if (k < 0) return false; _items.RemoveAt(k); Sync(); return true; }
        public bool Remove(KeyValuePair<string, Parameter> item) => Remove((item.Key, item.Value));
        public void RemoveAt(int index) { _items.RemoveAt(index); Sync(); }
        public bool TryGetValue(string key, out Parameter value)
        {
            int k = Find(key);
            value = k >= 0 ? _items[k].value : default!;
            return k >= 0;
        }
        public IEnumerable<Parameter> values() => Values;
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static ParameterDict ParameterDict(params (string, Parameter)[] parameters)
            {
                var dict = new ParameterDict();
                foreach (var (k, v) in parameters) dict.Add(k, v);
                return dict;
            }
        }
    }
}

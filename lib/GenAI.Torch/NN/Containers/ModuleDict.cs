// ModuleDict: modules by name, in insertion order; they are children of the owner
// under their keys.
namespace TorchSharp.Modules
{
    public class ModuleDict<T> : torch.nn.Module, IDictionary<string, T>, IList<(string, T)> where T : torch.nn.Module
    {
        private readonly List<(string key, T value)> _items = new();

        public ModuleDict() : base(nameof(ModuleDict<T>)) { }

        private int Find(string key) => _items.FindIndex(i => i.key == key);

        private void Sync()
        {
            ClearModules();
            foreach (var (k, v) in _items) register_module(k, v);
        }

        public (string, T) this[int index]
        {
            get => _items[index];
            set { _items[index] = value; Sync(); }
        }

        public T this[string key]
        {
            get { int k = Find(key); return k >= 0 ? _items[k].value : throw new KeyNotFoundException($"ModuleDict has no module named '{key}'"); }
            set { int k = Find(key); if (k >= 0) _items[k] = (key, value); else _items.Add((key, value)); Sync(); }
        }

        public bool IsReadOnly => false;
        public ICollection<string> Keys => _items.Select(i => i.key).ToList();
        public ICollection<T> Values => _items.Select(i => i.value).ToList();
        public int Count => _items.Count;

        public void Add((string, T) item) => Add(item.Item1, item.Item2);
        public void Add(string key, T value)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (Find(key) >= 0) throw new ArgumentException($"ModuleDict already has a module named '{key}'", nameof(key));
            _items.Add((key, value));
            register_module(key, value);
        }
        public void Add(KeyValuePair<string, T> item) => Add(item.Key, item.Value);
        public void clear() => Clear();
        public void Clear() { _items.Clear(); Sync(); }
        public bool Contains((string, T) item) => _items.Contains(item);
        public bool Contains(KeyValuePair<string, T> item) => _items.Contains((item.Key, item.Value));
        public bool ContainsKey(string key) => Find(key) >= 0;
        public void CopyTo((string, T)[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);
        public void CopyTo(KeyValuePair<string, T>[] array, int arrayIndex)
        {
            foreach (var (k, v) in _items) array[arrayIndex++] = new(k, v);
        }
        public IEnumerator<(string, T)> GetEnumerator() => _items.GetEnumerator();
        IEnumerator<KeyValuePair<string, T>> IEnumerable<KeyValuePair<string, T>>.GetEnumerator() =>
            _items.Select(i => new KeyValuePair<string, T>(i.key, i.value)).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public int IndexOf((string, T) item) => _items.IndexOf(item);
        public void Insert(int index, (string, T) item) { _items.Insert(index, item); Sync(); }
        public IEnumerator<(string, T)> items() => GetEnumerator();
        public IEnumerable<string> keys() => Keys;
        public bool Remove((string, T) item) { var r = _items.Remove(item); Sync(); return r; }
        public bool Remove(string key) { int k = Find(key); if (k < 0) return false; _items.RemoveAt(k); Sync(); return true; }
        public bool Remove(KeyValuePair<string, T> item) => Remove((item.Key, item.Value));
        public void RemoveAt(int index) { _items.RemoveAt(index); Sync(); }
        public bool TryGetValue(string key, out T value)
        {
            int k = Find(key);
            value = k >= 0 ? _items[k].value : default!;
            return k >= 0;
        }
        public IEnumerable<T> values() => Values;
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static ModuleDict<Module> ModuleDict(params (string, Module)[] modules) => ModuleDict<Module>(modules);

            public static ModuleDict<T> ModuleDict<T>(params (string, T)[] modules) where T : Module
            {
                var dict = new ModuleDict<T>();
                foreach (var (k, v) in modules) dict.Add(k, v);
                return dict;
            }
        }
    }
}

// ModuleList: a list of modules whose parameters belong to the owner (named "0", "1", ...).
// Use it instead of a List<Module> field, which RegisterComponents would not see into.
namespace TorchSharp.Modules
{
    public class ModuleList<T> : torch.nn.Module, IList<T> where T : torch.nn.Module
    {
        private readonly List<T> _list = new();

        public ModuleList(params T[] modules) : base(nameof(ModuleList<T>))
        {
            if (modules is not null) extend(modules);
        }

        // Children are re-registered after every change so that names stay "0".."n-1" in order.
        private void Renumber()
        {
            ClearModules();
            for (int k = 0; k < _list.Count; k++)
                register_module(k.ToString(System.Globalization.CultureInfo.InvariantCulture), _list[k]);
        }

        public T this[int index]
        {
            get => _list[index];
            set { _list[index] = value; Renumber(); }
        }

        public int Count => _list.Count;
        public bool IsReadOnly => false;

        public void Add(T item) { ArgumentNullException.ThrowIfNull(item); _list.Add(item); Renumber(); }
        public void append(params T[] parameters) => extend(parameters);
        public void extend(IEnumerable<T> modules) { foreach (var m in modules) { ArgumentNullException.ThrowIfNull(m); _list.Add(m); } Renumber(); }
        public void Clear() { _list.Clear(); Renumber(); }
        public bool Contains(T item) => _list.Contains(item);
        public void CopyTo(T[] array, int arrayIndex) => _list.CopyTo(array, arrayIndex);
        public IEnumerator<T> GetEnumerator() => _list.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public int IndexOf(T item) => _list.IndexOf(item);
        public void Insert(int index, T item) { _list.Insert(index, item); Renumber(); }
        public bool Remove(T item) { var removed = _list.Remove(item); Renumber(); return removed; }
        public void RemoveAt(int index) { _list.RemoveAt(index); Renumber(); }
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static ModuleList<Module> ModuleList(params Module[] modules) => new(modules);
            public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
        }
    }
}

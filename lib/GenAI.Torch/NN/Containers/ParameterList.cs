// ParameterList: parameters held in a list and registered as "0", "1", ...
namespace TorchSharp.Modules
{
    public class ParameterList : torch.nn.Module, IList<Parameter>
    {
        private readonly List<Parameter> _list = new();

        public ParameterList(params Parameter[] parameters) : base(nameof(ParameterList))
        {
            if (parameters is not null) extend(parameters);
        }

        private void Renumber()
        {
            foreach (var (name, _) in base.named_parameters(false).ToList()) ConditionallyRegisterParameter(name, null);
            for (int k = 0; k < _list.Count; k++)
                register_parameter(k.ToString(System.Globalization.CultureInfo.InvariantCulture), _list[k]);
        }

        public Parameter this[int index]
        {
            get => _list[index];
            set { _list[index] = value; Renumber(); }
        }

        public int Count => _list.Count;
        public bool IsReadOnly => false;
        public void Add(Parameter item) { ArgumentNullException.ThrowIfNull(item); _list.Add(item); Renumber(); }
        public void append(params Parameter[] parameters) => extend(parameters);
        public void extend(IEnumerable<Parameter> parameters) { foreach (var p in parameters) { ArgumentNullException.ThrowIfNull(p); _list.Add(p); } Renumber(); }
        public void Clear() { _list.Clear(); Renumber(); }
        public bool Contains(Parameter item) => _list.Contains(item);
        public void CopyTo(Parameter[] array, int arrayIndex) => _list.CopyTo(array, arrayIndex);
        public IEnumerator<Parameter> GetEnumerator() => _list.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public int IndexOf(Parameter item) => _list.IndexOf(item);
        public void Insert(int index, Parameter item) { _list.Insert(index, item); Renumber(); }
        public bool Remove(Parameter item) { var r = _list.Remove(item); Renumber(); return r; }
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
            public static ParameterList ParameterList(params Parameter[] parameters) => new(parameters);
        }
    }
}

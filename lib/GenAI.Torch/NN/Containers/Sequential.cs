// Sequential: a chain of Tensor -> Tensor modules, each fed the previous one's output.
// Children are named "0", "1", ... unless given names, so state_dict keys match PyTorch's.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Sequential : torch.nn.Module<Tensor, Tensor>
    {
        private readonly List<(string name, torch.nn.IModule<Tensor, Tensor> module)> _layers = new();

        internal Sequential(IEnumerable<(string, torch.nn.IModule<Tensor, Tensor>)> modules) : base(nameof(Sequential))
        {
            foreach (var (name, module) in modules) append(name, module);
        }

        public int Count => _layers.Count;

        public torch.nn.IModule<Tensor, Tensor> this[int index] => _layers[index].module;

        /// <summary>A new Sequential sharing the modules start..end-1 (Python's seq[start:end]).</summary>
        public Sequential this[(int? start, int? end) index]
        {
            get
            {
                int start = index.start ?? 0, end = index.end ?? Count;
                if (start < 0) start += Count;
                if (end < 0) end += Count;
                return Slice(Math.Clamp(start, 0, Count), Math.Clamp(end, 0, Count));
            }
        }

        public Sequential this[Range index]
        {
            get
            {
                var (offset, length) = index.GetOffsetAndLength(Count);
                return Slice(offset, offset + length);
            }
        }

        private Sequential Slice(int start, int end) => new(_layers.Skip(start).Take(Math.Max(0, end - start)));

        public Sequential append(string name, torch.nn.IModule<Tensor, Tensor> module)
        {
            ArgumentNullException.ThrowIfNull(module);
            if (module is not torch.nn.Module m)
                throw new ArgumentException($"Sequential.append: '{name}' is not a Module", nameof(module));
            if (_layers.Any(l => l.name == name))
                throw new ArgumentException($"Sequential already has a module named '{name}'", nameof(name));
            register_module(name, m);
            _layers.Add((name, module));
            return this;
        }

        public Sequential append(torch.nn.IModule<Tensor, Tensor> module) =>
            append(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

        /// <summary>
        /// Runs the modules in order. Intermediate results are left to the enclosing dispose scope
        /// (or the finalizer): a module may legitimately return a tensor it keeps, so the chain
        /// cannot know which ones are safe to free.
        /// </summary>
        public override Tensor forward(Tensor tensor)
        {
            if (_layers.Count == 0) return tensor.alias();
            Tensor current = tensor;
            foreach (var (_, module) in _layers) current = module.call(current);
            return ReferenceEquals(current, tensor) ? tensor.alias() : current;
        }
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            private static IEnumerable<(string, IModule<Tensor, Tensor>)> Numbered(IEnumerable<Module<Tensor, Tensor>> modules) =>
                modules.Select((m, k) => (k.ToString(System.Globalization.CultureInfo.InvariantCulture), (IModule<Tensor, Tensor>)m));

            public static Sequential Sequential() => new(Array.Empty<(string, IModule<Tensor, Tensor>)>());
            public static Sequential Sequential(params (string, Module<Tensor, Tensor>)[] modules) =>
                new(modules.Select(m => (m.Item1, (IModule<Tensor, Tensor>)m.Item2)));
            public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(Numbered(modules));
            public static Sequential Sequential(params Tuple<string, Module<Tensor, Tensor>>[] modules) =>
                new(modules.Select(m => (m.Item1, (IModule<Tensor, Tensor>)m.Item2)));
            public static Sequential Sequential(IEnumerable<(string, Module<Tensor, Tensor>)> modules) =>
                new(modules.Select(m => (m.Item1, (IModule<Tensor, Tensor>)m.Item2)));
            public static Sequential Sequential(IEnumerable<Tuple<string, Module<Tensor, Tensor>>> modules) =>
                new(modules.Select(m => (m.Item1, (IModule<Tensor, Tensor>)m.Item2)));
            public static Sequential Sequential(IEnumerable<Module<Tensor, Tensor>> modules) => new(Numbered(modules));
        }
    }
}

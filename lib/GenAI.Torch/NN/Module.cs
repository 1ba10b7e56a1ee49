// torch.nn.Module: the base of every layer and model. It keeps three ordered
// tables (parameters, buffers, submodules), walks them recursively for
// parameters()/state_dict()/train()/to(), and owns what it registers (Dispose
// frees it all). The state_dict, save/load and registration parts live in the
// Module.*.cs files beside this one.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public partial class Module : IDisposable
        {
            // Insertion-ordered tables: PyTorch orders named_parameters by registration,
            // and RegisterComponents registers fields in declaration order.
            private readonly OrderedTable<Parameter?> _parameters = new();
            private readonly OrderedTable<Tensor?> _buffers = new();
            private readonly HashSet<string> _nonPersistentBuffers = new();
            private readonly OrderedTable<Module?> _modules = new();
            private readonly string _name;
            private bool _disposed;

            protected Module(string name)
            {
                _name = name;
            }

            /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
            public bool training { get; private set; } = true;

            /// <summary>The name given at construction (the class name for library layers).</summary>
            public virtual string GetName() => _name;

            public virtual void train(bool train = true)
            {
                training = train;
                foreach (var (_, child) in _modules.Items)
                    child?.train(train);
            }

            public virtual void eval() => train(false);

            public IEnumerable<Parameter> parameters(bool recurse = true) =>
                named_parameters(recurse).Select(p => p.Item2);

            public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                // Own parameters first, then each child's with its name as prefix (PyTorch's
                // order); a tensor shared by two modules is reported once.
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (prefix, module) in ModulesForMembers(recurse))
                    foreach (var (name, p) in module._parameters.Items)
                        if (p is not null && seen.Add(p))
                            yield return (prefix + name, p);
            }

            public IEnumerable<Tensor> buffers(bool recurse = true, bool include_nonpersistent = true) =>
                named_buffers(recurse, include_nonpersistent).Select(b => b.Item2);

            public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (prefix, module) in ModulesForMembers(recurse))
                    foreach (var (name, b) in module._buffers.Items)
                        if (b is not null && (include_nonpersistent || !module._nonPersistentBuffers.Contains(name)) && seen.Add(b))
                            yield return (prefix + name, b);
            }

            public IEnumerable<Module> children() => named_children().Select(c => c.Item2);

            public virtual IEnumerable<(string name, Module module)> named_children()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                foreach (var (name, m) in _modules.Items)
                    if (m is not null && seen.Add(m))
                        yield return (name, m);
            }

            public IEnumerable<Module> modules() => named_modules().Select(m => m.Item2);

            /// <summary>This module (with the empty name) and every descendant, depth first.</summary>
            public virtual IEnumerable<(string name, Module module)> named_modules()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                return NamedModulesFrom(this, "", seen);
            }

            private static IEnumerable<(string, Module)> NamedModulesFrom(Module module, string prefix, HashSet<Module> seen)
            {
                if (!seen.Add(module)) yield break;
                yield return (prefix, module);
                foreach (var (name, child) in module._modules.Items)
                {
                    if (child is null) continue;
                    foreach (var item in NamedModulesFrom(child, prefix.Length == 0 ? name : prefix + "." + name, seen))
                        yield return item;
                }
            }

            // (prefix ending in '.', module) pairs whose own members a recursive query visits.
            private IEnumerable<(string, Module)> ModulesForMembers(bool recurse)
            {
                if (!recurse) return new[] { ("", this) };
                return named_modules().Select(m => (m.Item1.Length == 0 ? "" : m.Item1 + ".", m.Item2));
            }

            /// <summary>Calls fn on every descendant and then on this module (PyTorch's order).</summary>
            public virtual Module apply(Action<Module> fn)
            {
                foreach (var child in children()) child.apply(fn);
                fn(this);
                return this;
            }

            /// <summary>Clears the gradients of all parameters (set_to_none drops them, else zeroes them).</summary>
            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    var g = p.grad;
                    if (g is null) continue;
                    if (set_to_none)
                    {
                        p.grad = null;
                        g.Dispose();
                    }
                    else
                    {
                        using var _ = torch.no_grad();
                        g.detach_().zero_();
                    }
                }
            }

            public bool has_parameter(string target) => FindMember(target, m => m._parameters) is not null;
            public bool has_buffer(string target) => FindMember(target, m => m._buffers) is not null;

            public Parameter get_parameter(string target) =>
                FindMember(target, m => m._parameters) ?? throw new ArgumentException($"{GetName()} has no parameter named '{target}'", nameof(target));

            public Tensor get_buffer(string target) =>
                FindMember(target, m => m._buffers) ?? throw new ArgumentException($"{GetName()} has no buffer named '{target}'", nameof(target));

            // Resolves a dotted path ("encoder.fc1.weight") to a member of a descendant.
            private T? FindMember<T>(string target, Func<Module, OrderedTable<T?>> table) where T : class
            {
                var parts = target.Split('.');
                Module current = this;
                for (int k = 0; k < parts.Length - 1; k++)
                {
                    if (!current._modules.TryGet(parts[k], out var next) || next is null) return null;
                    current = next;
                }
                return table(current).TryGet(parts[^1], out var value) ? value : null;
            }

            protected internal Module? GetSubmodule(string name) => _modules.TryGet(name, out var m) ? m : null;

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Frees the parameters and buffers of this module and of its descendants.</summary>
            protected virtual void Dispose(bool disposing)
            {
                if (_disposed || !disposing) return;
                _disposed = true;
                foreach (var (_, child) in _modules.Items) child?.Dispose();
                foreach (var (_, p) in _parameters.Items) p?.Dispose();
                foreach (var (_, b) in _buffers.Items) b?.Dispose();
            }

            public override string ToString() => GetName();
        }
    }
}

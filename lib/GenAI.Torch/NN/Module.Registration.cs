// Registration: how parameters, buffers and submodules enter a module's tables,
// either one by one (register_*) or all at once from the fields of a subclass
// (RegisterComponents, the usual way in a user's model).
using System.Reflection;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public partial class Module
        {
            public virtual void register_parameter(string name, Parameter param)
            {
                CheckMemberName(name, "parameter");
                if (_buffers.Contains(name) || _modules.Contains(name))
                    throw new ArgumentException($"{GetName()}: cannot register parameter '{name}': the name is already a buffer or submodule", nameof(name));
                _parameters.Set(name, param);
            }

            public virtual void register_buffer(string name, Tensor tensor, bool persistent = true)
            {
                CheckMemberName(name, "buffer");
                if (tensor is Parameter)
                    throw new ArgumentException($"{GetName()}: buffer '{name}' is a Parameter; register it with register_parameter", nameof(tensor));
                if (_parameters.Contains(name) || _modules.Contains(name))
                    throw new ArgumentException($"{GetName()}: cannot register buffer '{name}': the name is already a parameter or submodule", nameof(name));
                _buffers.Set(name, tensor);
                if (persistent) _nonPersistentBuffers.Remove(name); else _nonPersistentBuffers.Add(name);
            }

            public virtual void register_module(string name, Module submodule)
            {
                CheckMemberName(name, "submodule");
                if (ReferenceEquals(submodule, this))
                    throw new ArgumentException($"{GetName()}: a module cannot be its own submodule ('{name}')", nameof(submodule));
                if (_parameters.Contains(name) || _buffers.Contains(name))
                    throw new ArgumentException($"{GetName()}: cannot register submodule '{name}': the name is already a parameter or buffer", nameof(name));
                _modules.Set(name, submodule);
            }

            public void add_module(string name, Module module) => register_module(name, module);

            // Library layers assign their parameters through properties; these keep the
            // tables in step with the property (null removes the entry, as bias=None does).
            protected void ConditionallyRegisterParameter(string name, Tensor? value)
            {
                if (value is null) { _parameters.Remove(name); return; }
                register_parameter(name, value as Parameter ?? new Parameter(value));
            }

            protected void ConditionallyRegisterBuffer(string name, Tensor? value, bool persistent = true)
            {
                if (value is null) { _buffers.Remove(name); _nonPersistentBuffers.Remove(name); return; }
                register_buffer(name, value, persistent);
            }

            protected void ClearModules() => _modules.Clear();
            protected void RemoveModule(string name) => _modules.Remove(name);

            private void CheckMemberName(string name, string what)
            {
                if (string.IsNullOrEmpty(name))
                    throw new ArgumentException($"{GetName()}: a {what} name must not be empty", nameof(name));
                if (name.Contains('.'))
                    throw new ArgumentException($"{GetName()}: {what} name '{name}' must not contain '.'", nameof(name));
            }

            /// <summary>
            /// Registers every field of the concrete class that holds a Parameter (as a
            /// parameter), a Module (as a submodule) or another Tensor (as a buffer), in
            /// declaration order, base classes first. Call it at the end of the constructor.
            /// Null fields are skipped. A field's name is its registration name, except an
            /// auto-property's backing field, which takes the property's name, and a field
            /// marked [ComponentName(Name = ...)].
            /// </summary>
            protected virtual void RegisterComponents()
            {
                foreach (var field in ComponentFields(GetType()))
                {
                    var value = field.GetValue(this);
                    if (value is null) continue;
                    var name = ComponentName(field);
                    switch (value)
                    {
                        case Parameter p:
                            if (!_parameters.Contains(name)) register_parameter(name, p);
                            break;
                        case Module m:
                            if (!ReferenceEquals(m, this) && !_modules.Contains(name)) register_module(name, m);
                            break;
                        case Tensor t:
                            if (!_buffers.Contains(name)) register_buffer(name, t);
                            break;
                    }
                }
            }

            // The fields a user's subclass declares, base types first. Fields of the library's own
            // base classes (this assembly) are left out: library layers register explicitly.
            private static IEnumerable<FieldInfo> ComponentFields(Type type)
            {
                var chain = new Stack<Type>();
                for (var t = type; t is not null && t.Assembly != typeof(Module).Assembly; t = t.BaseType)
                    chain.Push(t);
                const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                foreach (var t in chain)
                    foreach (var f in t.GetFields(flags).OrderBy(f => f.MetadataToken))
                        if (typeof(Tensor).IsAssignableFrom(f.FieldType) || typeof(Module).IsAssignableFrom(f.FieldType)
                            || f.FieldType == typeof(object))
                            yield return f;
            }

            private static string ComponentName(FieldInfo field)
            {
                var attr = field.GetCustomAttribute<TorchSharp.Utils.ComponentNameAttribute>();
                if (attr?.Name is { Length: > 0 } custom) return custom;
                var name = field.Name;
                // "<weight>k__BackingField" -> "weight"
                if (name.StartsWith('<') && name.IndexOf('>') is var end and > 1) return name.Substring(1, end - 1);
                return name;
            }
        }
    }
}

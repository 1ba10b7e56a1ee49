// One block per arity: Module<T1..Tn,TResult>,
// its interface and its parameter-less variant. Arity 1 is the usual layer
// (Tensor -> Tensor); the others serve multi-input modules (losses, attention, LSTM).
// call() runs the forward pre-hooks, forward() and the forward hooks, as PyTorch's __call__ does.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public interface IModule<T, TResult>
            {
                TResult call(T input1);
            }

            public abstract class Module<T, TResult> : HookableModule<Func<Module<T, TResult>, T, T>, Func<Module<T, TResult>, T, TResult, TResult>>, IModule<T, TResult>
            {
                protected Module(string name) : base(name) { }

                public abstract TResult forward(T input);

                public virtual TResult call(T input)
                {
                    if (!HasHooks) return forward(input);
                    foreach (var hook in PreHooks) { var changed = hook(this, input); if (changed is not null) input = changed; }
                    var result = forward(input);
                    foreach (var hook in PostHooks) { var changed = hook(this, input, result); if (changed is not null) result = changed; }
                    return result;
                }
            }

            public interface IModule<T1, T2, TResult>
            {
                TResult call(T1 input1, T2 input2);
            }

            public abstract class Module<T1, T2, TResult> : HookableModule<Func<Module<T1, T2, TResult>, T1, T2, (T1, T2)?>, Func<Module<T1, T2, TResult>, T1, T2, TResult, TResult>>, IModule<T1, T2, TResult>
            {
                protected Module(string name) : base(name) { }

                public abstract TResult forward(T1 input1, T2 input2);

                public virtual TResult call(T1 input1, T2 input2)
                {
                    if (!HasHooks) return forward(input1, input2);
                    foreach (var hook in PreHooks) { var changed = hook(this, input1, input2); if (changed is { } r) { input1 = r.Item1; input2 = r.Item2; } }
                    var result = forward(input1, input2);
                    foreach (var hook in PostHooks) { var changed = hook(this, input1, input2, result); if (changed is not null) result = changed; }
                    return result;
                }
            }

            public interface IModule<T1, T2, T3, TResult>
            {
                TResult call(T1 input1, T2 input2, T3 input3);
            }

            public abstract class Module<T1, T2, T3, TResult> : HookableModule<Func<Module<T1, T2, T3, TResult>, T1, T2, T3, (T1, T2, T3)?>, Func<Module<T1, T2, T3, TResult>, T1, T2, T3, TResult, TResult>>, IModule<T1, T2, T3, TResult>
            {
                protected Module(string name) : base(name) { }

                public abstract TResult forward(T1 input1, T2 input2, T3 input3);

                public virtual TResult call(T1 input1, T2 input2, T3 input3)
                {
                    if (!HasHooks) return forward(input1, input2, input3);
                    foreach (var hook in PreHooks) { var changed = hook(this, input1, input2, input3); if (changed is { } r) { input1 = r.Item1; input2 = r.Item2; input3 = r.Item3; } }
                    var result = forward(input1, input2, input3);
                    foreach (var hook in PostHooks) { var changed = hook(this, input1, input2, input3, result); if (changed is not null) result = changed; }
                    return result;
                }
            }

            public interface IModule<T1, T2, T3, T4, TResult>
            {
                TResult call(T1 input1, T2 input2, T3 input3, T4 input4);
            }

            public abstract class Module<T1, T2, T3, T4, TResult> : HookableModule<Func<Module<T1, T2, T3, T4, TResult>, T1, T2, T3, T4, (T1, T2, T3, T4)?>, Func<Module<T1, T2, T3, T4, TResult>, T1, T2, T3, T4, TResult, TResult>>, IModule<T1, T2, T3, T4, TResult>
            {
                protected Module(string name) : base(name) { }

                public abstract TResult forward(T1 input1, T2 input2, T3 input3, T4 input4);

                public virtual TResult call(T1 input1, T2 input2, T3 input3, T4 input4)
                {
                    if (!HasHooks) return forward(input1, input2, input3, input4);
                    foreach (var hook in PreHooks) { var changed = hook(this, input1, input2, input3, input4); if (changed is { } r) { input1 = r.Item1; input2 = r.Item2; input3 = r.Item3; input4 = r.Item4; } }
                    var result = forward(input1, input2, input3, input4);
                    foreach (var hook in PostHooks) { var changed = hook(this, input1, input2, input3, input4, result); if (changed is not null) result = changed; }
                    return result;
                }
            }

            public interface IModule<T1, T2, T3, T4, T5, TResult>
            {
                TResult call(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5);
            }

            public abstract class Module<T1, T2, T3, T4, T5, TResult> : HookableModule<Func<Module<T1, T2, T3, T4, T5, TResult>, T1, T2, T3, T4, T5, (T1, T2, T3, T4, T5)?>, Func<Module<T1, T2, T3, T4, T5, TResult>, T1, T2, T3, T4, T5, TResult, TResult>>, IModule<T1, T2, T3, T4, T5, TResult>
            {
                protected Module(string name) : base(name) { }

                public abstract TResult forward(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5);

                public virtual TResult call(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5)
                {
                    if (!HasHooks) return forward(input1, input2, input3, input4, input5);
                    foreach (var hook in PreHooks) { var changed = hook(this, input1, input2, input3, input4, input5); if (changed is { } r) { input1 = r.Item1; input2 = r.Item2; input3 = r.Item3; input4 = r.Item4; input5 = r.Item5; } }
                    var result = forward(input1, input2, input3, input4, input5);
                    foreach (var hook in PostHooks) { var changed = hook(this, input1, input2, input3, input4, input5, result); if (changed is not null) result = changed; }
                    return result;
                }
            }

            public interface IModule<T1, T2, T3, T4, T5, T6, TResult>
            {
                TResult call(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5, T6 input6);
            }

            public abstract class Module<T1, T2, T3, T4, T5, T6, TResult> : HookableModule<Func<Module<T1, T2, T3, T4, T5, T6, TResult>, T1, T2, T3, T4, T5, T6, (T1, T2, T3, T4, T5, T6)?>, Func<Module<T1, T2, T3, T4, T5, T6, TResult>, T1, T2, T3, T4, T5, T6, TResult, TResult>>, IModule<T1, T2, T3, T4, T5, T6, TResult>
            {
                protected Module(string name) : base(name) { }

                public abstract TResult forward(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5, T6 input6);

                public virtual TResult call(T1 input1, T2 input2, T3 input3, T4 input4, T5 input5, T6 input6)
                {
                    if (!HasHooks) return forward(input1, input2, input3, input4, input5, input6);
                    foreach (var hook in PreHooks) { var changed = hook(this, input1, input2, input3, input4, input5, input6); if (changed is { } r) { input1 = r.Item1; input2 = r.Item2; input3 = r.Item3; input4 = r.Item4; input5 = r.Item5; input6 = r.Item6; } }
                    var result = forward(input1, input2, input3, input4, input5, input6);
                    foreach (var hook in PostHooks) { var changed = hook(this, input1, input2, input3, input4, input5, input6, result); if (changed is not null) result = changed; }
                    return result;
                }
            }

        }
    }

    namespace Modules
    {
        /// <summary>A module without parameters or buffers of its own (activations, pooling, reshaping).</summary>
        public abstract class ParameterLessModule<T1, TResult> : torch.nn.Module<T1, TResult>, IParameterLessModule
        {
            protected ParameterLessModule(string name) : base(name) { }

            public override void register_buffer(string name, Tensor tensor, bool persistent = true) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold buffer '{name}'");

            public override void register_module(string name, torch.nn.Module submodule) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold submodule '{name}'");

            public override void register_parameter(string name, Parameter param) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold parameter '{name}'");
        }

        /// <summary>A module without parameters or buffers of its own (activations, pooling, reshaping).</summary>
        public abstract class ParameterLessModule<T1, T2, TResult> : torch.nn.Module<T1, T2, TResult>, IParameterLessModule
        {
            protected ParameterLessModule(string name) : base(name) { }

            public override void register_buffer(string name, Tensor tensor, bool persistent = true) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold buffer '{name}'");

            public override void register_module(string name, torch.nn.Module submodule) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold submodule '{name}'");

            public override void register_parameter(string name, Parameter param) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold parameter '{name}'");
        }

        /// <summary>A module without parameters or buffers of its own (activations, pooling, reshaping).</summary>
        public abstract class ParameterLessModule<T1, T2, T3, TResult> : torch.nn.Module<T1, T2, T3, TResult>, IParameterLessModule
        {
            protected ParameterLessModule(string name) : base(name) { }

            public override void register_buffer(string name, Tensor tensor, bool persistent = true) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold buffer '{name}'");

            public override void register_module(string name, torch.nn.Module submodule) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold submodule '{name}'");

            public override void register_parameter(string name, Parameter param) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold parameter '{name}'");
        }

        /// <summary>A module without parameters or buffers of its own (activations, pooling, reshaping).</summary>
        public abstract class ParameterLessModule<T1, T2, T3, T4, TResult> : torch.nn.Module<T1, T2, T3, T4, TResult>, IParameterLessModule
        {
            protected ParameterLessModule(string name) : base(name) { }

            public override void register_buffer(string name, Tensor tensor, bool persistent = true) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold buffer '{name}'");

            public override void register_module(string name, torch.nn.Module submodule) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold submodule '{name}'");

            public override void register_parameter(string name, Parameter param) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold parameter '{name}'");
        }

        /// <summary>A module without parameters or buffers of its own (activations, pooling, reshaping).</summary>
        public abstract class ParameterLessModule<T1, T2, T3, T4, T5, TResult> : torch.nn.Module<T1, T2, T3, T4, T5, TResult>, IParameterLessModule
        {
            protected ParameterLessModule(string name) : base(name) { }

            public override void register_buffer(string name, Tensor tensor, bool persistent = true) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold buffer '{name}'");

            public override void register_module(string name, torch.nn.Module submodule) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold submodule '{name}'");

            public override void register_parameter(string name, Parameter param) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold parameter '{name}'");
        }

        /// <summary>A module without parameters or buffers of its own (activations, pooling, reshaping).</summary>
        public abstract class ParameterLessModule<T1, T2, T3, T4, T5, T6, TResult> : torch.nn.Module<T1, T2, T3, T4, T5, T6, TResult>, IParameterLessModule
        {
            protected ParameterLessModule(string name) : base(name) { }

            public override void register_buffer(string name, Tensor tensor, bool persistent = true) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold buffer '{name}'");

            public override void register_module(string name, torch.nn.Module submodule) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold submodule '{name}'");

            public override void register_parameter(string name, Parameter param) =>
                throw new InvalidOperationException($"{GetName()} is a parameter-less module and cannot hold parameter '{name}'");
        }

        /// <summary>Marks modules that hold no parameters.</summary>
        public interface IParameterLessModule { }
    }
}

// The forward-hook machinery shared by every Module<...> arity: pre-hooks may
// replace the inputs, post-hooks may replace the result.
namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public abstract class HookableModule<TPreHook, TPostHook> : Module
        {
            private readonly Dictionary<string, TPreHook> _preHooks = new();
            private readonly Dictionary<string, TPostHook> _postHooks = new();
            private int _nextHook;

            protected HookableModule(string name) : base(name) { }

            protected bool HasHooks => _preHooks.Count > 0 || _postHooks.Count > 0;
            protected IEnumerable<TPreHook> PreHooks => _preHooks.Values.ToArray();
            protected IEnumerable<TPostHook> PostHooks => _postHooks.Values.ToArray();

            public HookRemover register_forward_hook(TPostHook hook) => Add(_postHooks, hook);

            public HookRemover register_forward_pre_hook(TPreHook hook) => Add(_preHooks, hook);

            private HookRemover Add<THook>(Dictionary<string, THook> table, THook hook)
            {
                var key = (_nextHook++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                table[key] = hook;
                return new HookRemover(this, key);
            }

            internal void RemoveHook(string key)
            {
                _preHooks.Remove(key);
                _postHooks.Remove(key);
            }

            /// <summary>Returned by register_forward_*hook; remove() unregisters the hook.</summary>
            public class HookRemover
            {
                private readonly HookableModule<TPreHook, TPostHook> _module;
                private readonly string _key;

                public HookRemover(HookableModule<TPreHook, TPostHook> module, string key)
                {
                    _module = module;
                    _key = key;
                }

                public void remove() => _module.RemoveHook(_key);
            }
        }
    }
}

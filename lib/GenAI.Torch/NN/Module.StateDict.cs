// state_dict / load_state_dict: the flat "dotted name -> tensor" view of a
// module's parameters and persistent buffers, PyTorch's checkpoint currency.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        public partial class Module
        {
            /// <summary>
            /// Parameters and persistent buffers by dotted name, in PyTorch's order (a module's own
            /// parameters, its own buffers, then each child's). The values are the module's own
            /// tensors, not copies: do not dispose them.
            /// </summary>
            public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
            {
                destination ??= new Dictionary<string, Tensor>();
                prefix ??= "";
                foreach (var (name, p) in _parameters.Items)
                    if (p is not null) destination[prefix + name] = p;
                foreach (var (name, b) in _buffers.Items)
                    if (b is not null && !_nonPersistentBuffers.Contains(name)) destination[prefix + name] = b;
                foreach (var (name, child) in _modules.Items)
                    child?.state_dict(destination, prefix + name + ".");
                return destination;
            }

            /// <summary>
            /// Copies the tensors of source into this module's parameters and buffers (values are
            /// converted to each target's dtype and device). A shape mismatch is always an error that
            /// names the key and both shapes. With strict, a key missing from source or a key this
            /// module does not have is an error that lists them; without it they are returned as
            /// (missing, unexpected). Keys in skip are neither loaded nor reported.
            /// </summary>
            public virtual (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(
                Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                ArgumentNullException.ThrowIfNull(source);
                var skipped = new HashSet<string>(skip ?? Array.Empty<string>());
                var own = state_dict();
                var missing = own.Keys.Where(k => !source.ContainsKey(k) && !skipped.Contains(k)).ToList();
                var unexpected = source.Keys.Where(k => !own.ContainsKey(k) && !skipped.Contains(k)).ToList();
                if (strict && (missing.Count > 0 || unexpected.Count > 0))
                {
                    var parts = new List<string>();
                    if (missing.Count > 0) parts.Add("missing key(s): " + string.Join(", ", missing.Select(k => $"'{k}'")));
                    if (unexpected.Count > 0) parts.Add("unexpected key(s): " + string.Join(", ", unexpected.Select(k => $"'{k}'")));
                    throw new ArgumentException($"Error loading state_dict into {GetName()}: {string.Join("; ", parts)}", nameof(source));
                }

                // Check every shape before copying anything, so a failed load leaves the module as it was.
                var toCopy = new List<(string key, Tensor target, Tensor value)>();
                foreach (var (key, target) in own)
                {
                    if (skipped.Contains(key) || !source.TryGetValue(key, out var value)) continue;
                    if (value is null)
                        throw new ArgumentException($"Error loading state_dict into {GetName()}: the value for '{key}' is null", nameof(source));
                    if (!target.shape.SequenceEqual(value.shape))
                        throw new ArgumentException(
                            $"Error loading state_dict into {GetName()}: size mismatch for '{key}': the checkpoint has shape " +
                            $"{ShapeText(value.shape)}, the module has shape {ShapeText(target.shape)}", nameof(source));
                    toCopy.Add((key, target, value));
                }
                using (torch.no_grad())
                {
                    foreach (var (_, target, value) in toCopy)
                        if (!ReferenceEquals(target, value)) target.copy_(value);
                }
                return (missing, unexpected);
            }

            internal static string ShapeText(long[] shape) => "[" + string.Join(", ", shape) + "]";
        }
    }
}

using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Training;

/// <summary>What a model was trained on: a name for the data (with what selects it, such as a limit or a split seed), its size, and a hash of it.</summary>
public sealed record DataFingerprint(string Name, long Size, string Hash)
{
    /// <summary>
    /// The fingerprint of data held in tensors: Size is the first dimension of the first tensor (the
    /// number of examples), Hash the SHA-256 of every tensor's dtype, shape and bytes (copied to the CPU).
    /// </summary>
    public static DataFingerprint Of(string name, params Tensor[] tensors)
    {
        if (tensors.Length == 0) throw new ArgumentException("Give at least one tensor to fingerprint.", nameof(tensors));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var t in tensors)
        {
            using var scope = NewDisposeScope();
            sha.AppendData(Encoding.UTF8.GetBytes($"{t.dtype}[{string.Join(",", t.shape)}]"));
            var cpu = t.detach().cpu().contiguous();
            sha.AppendData(cpu.bytes);
        }
        return new DataFingerprint(name, tensors[0].ndim == 0 ? 1 : tensors[0].shape[0], Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant());
    }
}

/// <summary>
/// What determines a trained model, the look-up key of <see cref="CheckpointStore"/>: the notebook's or
/// model's name, its configuration (a record, as canonical JSON: keys sorted, no spaces), the seed, the
/// data, the library's version and a fingerprint of the model's code (<see cref="CodeFingerprint"/>).
/// Two keys are equal exactly when their canonical JSON is; <see cref="Hash"/> names the file.
/// </summary>
public sealed record CheckpointKey(string Name, string ConfigType, string Config, long Seed, DataFingerprint Data, string LibraryVersion, string Code)
{
    static readonly JsonSerializerOptions ConfigJson = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The version of the GenAI assembly.</summary>
    public static string GenAIVersion => typeof(CheckpointKey).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// The key of a model named <paramref name="name"/> trained with <paramref name="config"/>, <paramref name="seed"/>
    /// and <paramref name="data"/>. <paramref name="code"/> lists the types whose code makes the model (the model
    /// class, the function that trains it); the config's type is always included.
    /// </summary>
    public static CheckpointKey Create<TConfig>(string name, TConfig config, long seed, DataFingerprint data, params Type[] code) where TConfig : notnull
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A checkpoint needs a name (the notebook or the model).", nameof(name));
        ArgumentNullException.ThrowIfNull(data);
        var node = JsonSerializer.SerializeToNode(config, config.GetType(), ConfigJson);
        return new CheckpointKey(name, config.GetType().FullName ?? config.GetType().Name, Canonical(node), seed, data, GenAIVersion,
            CodeFingerprint.Of([config.GetType(), .. code]));
    }

    /// <summary>The key as canonical JSON (the config as an object, every object's keys sorted): what the sidecar records and what is compared.</summary>
    public string ToJson() => Canonical(ToNode());

    internal JsonObject ToNode() => new()
    {
        ["Name"] = Name,
        ["ConfigType"] = ConfigType,
        ["Config"] = JsonNode.Parse(Config),
        ["Seed"] = Seed,
        ["Data"] = new JsonObject { ["Name"] = Data.Name, ["Size"] = Data.Size, ["Hash"] = Data.Hash },
        ["LibraryVersion"] = LibraryVersion,
        ["Code"] = Code,
    };

    /// <summary>First 16 hex digits of the SHA-256 of <see cref="ToJson"/>.</summary>
    public string Hash => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())))[..16].ToLowerInvariant();

    /// <summary>The file name without extension: the name in safe characters, then the hash.</summary>
    public string FileStem
    {
        get
        {
            var safe = new string(Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-', '.');
            return $"{(safe.Length == 0 ? "model" : safe[..Math.Min(60, safe.Length)])}-{Hash}";
        }
    }

    /// <summary>Which top-level fields of two keys' JSON differ (for a message naming them).</summary>
    internal static IReadOnlyList<string> Differences(JsonObject asked, JsonObject? found)
    {
        if (found is null) return ["the whole key"];
        return asked.Select(kv => kv.Key).Union(found.Select(kv => kv.Key))
            .Where(k => Canonical(asked[k]) != Canonical(found[k])).ToList();
    }

    internal static string Canonical(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    static void Write(JsonNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null: sb.Append("null"); break;
            case JsonObject o:
                sb.Append('{');
                bool first = true;
                foreach (var kv in o.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(JsonSerializer.Serialize(kv.Key)).Append(':');
                    Write(kv.Value, sb);
                }
                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (int i = 0; i < a.Count; i++) { if (i > 0) sb.Append(','); Write(a[i], sb); }
                sb.Append(']');
                break;
            default: sb.Append(node.ToJsonString()); break;
        }
    }
}

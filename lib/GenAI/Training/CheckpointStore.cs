using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Training;

/// <summary>What <see cref="CheckpointStore.LoadOrTrain{TModule, TSummary}"/> gave back: the model (in eval mode), the summary
/// its training returned, whether it was loaded, the weights file, and how long training took (when it was trained: now, or before).</summary>
public sealed record TrainedModel<TModule, TSummary>(TModule Model, TSummary Summary, bool Loaded, string Path, double TrainSeconds);

/// <summary>
/// Trained models that later notebooks reuse (a teacher, a judge, a pretrained language model), kept
/// under <c>out/checkpoints/</c> of the repository (or <c>GENAI_CHECKPOINTS</c>). A model is looked up by
/// a <see cref="CheckpointKey"/>; each one is two files named by the key's hash: <c>STEM.bin</c>
/// (TorchSharp's <c>module.save</c>) and <c>STEM.json</c>, the sidecar with the key in readable form, the
/// SHA-256 and size of the weights, every parameter's and buffer's name and shape, and the summary the
/// training returned (a loss history, so a notebook that loaded can still draw its curve).
/// <see cref="LoadOrTrain{TModule, TSummary}"/> loads a checkpoint only when all of that checks out; a missing,
/// corrupt or mismatched one is reported by name and retrained, and the new files replace the old ones by
/// atomic renames. A lock file per key (<c>STEM.lock</c>, opened with <see cref="FileShare.None"/>) makes a second
/// process that asks for the same key wait, then load what the first saved.
/// </summary>
public sealed class CheckpointStore
{
    /// <summary>The environment variable that moves the store.</summary>
    public const string EnvironmentVariable = "GENAI_CHECKPOINTS";

    const int FormatVersion = 1;
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public CheckpointStore(string? folder = null) => Folder = Path.GetFullPath(folder ?? DefaultFolder());

    /// <summary>The folder holding the checkpoints.</summary>
    public string Folder { get; }

    /// <summary>How long to wait for another process that holds a key's lock before training without it.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Where the store says what it did (one line per call; Console.WriteLine by default).</summary>
    public Action<string> Log { get; init; } = Console.WriteLine;

    /// <summary>
    /// <c>GENAI_CHECKPOINTS</c> when set; else <c>out/checkpoints</c> of the repository that holds the current
    /// directory (notebooks run in <c>notebooks/</c>) or, failing that, the GenAI library's folder; else
    /// <c>genai-checkpoints</c> in the user's local application data folder.
    /// </summary>
    public static string DefaultFolder() =>
        DefaultFolder(Environment.GetEnvironmentVariable(EnvironmentVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    internal static string DefaultFolder(string? variable, string currentDirectory, string libraryDirectory)
    {
        if (!string.IsNullOrWhiteSpace(variable)) return Path.GetFullPath(variable);
        foreach (var start in new[] { currentDirectory, Path.GetDirectoryName(typeof(CheckpointStore).Assembly.Location) ?? "", libraryDirectory })
            if (FindRepository(start) is string root) return Path.Combine(root, "out", "checkpoints");
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetTempPath() : local, "genai-checkpoints");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>lib/GenAI/GenAI.csproj</c>.</summary>
    internal static string? FindRepository(string start)
    {
        if (string.IsNullOrEmpty(start)) return null;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "lib", "GenAI", "GenAI.csproj"))) return dir.FullName;
        return null;
    }

    public string WeightsPath(CheckpointKey key) => Path.Combine(Folder, key.FileStem + ".bin");
    public string SidecarPath(CheckpointKey key) => Path.Combine(Folder, key.FileStem + ".json");
    public string LockPath(CheckpointKey key) => Path.Combine(Folder, key.FileStem + ".lock");

    /// <summary>
    /// The model of <paramref name="key"/>: loaded when its checkpoint is there and verified, else made with
    /// <paramref name="create"/>, trained with <paramref name="train"/> and saved. <paramref name="create"/> must
    /// give the same fresh module every time (seed it inside), since a failed load makes a new one to train.
    /// Prints what it did. The model comes back in eval mode.
    /// </summary>
    public TrainedModel<TModule, TSummary> LoadOrTrain<TModule, TSummary>(CheckpointKey key, Func<TModule> create, Func<TModule, TSummary> train)
        where TModule : nn.Module
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(train);
        Directory.CreateDirectory(Folder);
        string weights = WeightsPath(key), sidecar = SidecarPath(key);
        using var held = AcquireLock(key);

        if (File.Exists(weights) || File.Exists(sidecar))
        {
            var model = create();
            var (problem, summary, seconds) = TryLoad<TModule, TSummary>(key, model, weights, sidecar);
            if (problem is null)
            {
                model.eval();
                Log($"loaded {key.Name} from {weights}");
                return new TrainedModel<TModule, TSummary>(model, summary!, true, weights, seconds);
            }
            model.Dispose();
            Log($"{problem}: retraining");
        }

        var fresh = create();
        var clock = Stopwatch.StartNew();
        var result = train(fresh);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        Save(key, fresh, result, trainSeconds, weights, sidecar);
        fresh.eval();
        Log($"trained {key.Name} in {trainSeconds:F1} s and saved to {weights}");
        return new TrainedModel<TModule, TSummary>(fresh, result, false, weights, trainSeconds);
    }

    (string? Problem, TSummary? Summary, double Seconds) TryLoad<TModule, TSummary>(CheckpointKey key, TModule model, string weights, string sidecar)
        where TModule : nn.Module
    {
        if (!File.Exists(sidecar)) return ($"{sidecar} is missing (its weights {weights} are there)", default, 0);
        if (!File.Exists(weights)) return ($"{weights} is missing (its sidecar {sidecar} is there)", default, 0);
        JsonObject? side;
        try { side = JsonNode.Parse(File.ReadAllText(sidecar)) as JsonObject; }
        catch (JsonException e) { return ($"{sidecar} is corrupt (not valid JSON: {e.Message})", default, 0); }
        if (side is null) return ($"{sidecar} is corrupt (not a JSON object)", default, 0);

        var differences = CheckpointKey.Differences(key.ToNode(), side["Key"] as JsonObject);
        if (differences.Count > 0)
            return ($"{sidecar} was saved for a different key ({string.Join(", ", differences)} differ)", default, 0);

        long expectedBytes = side["WeightsBytes"]?.GetValue<long>() ?? -1;
        long actualBytes = new FileInfo(weights).Length;
        if (actualBytes != expectedBytes)
            return ($"{weights} is corrupt (truncated or extended: {actualBytes} bytes, the sidecar says {expectedBytes})", default, 0);
        if (Sha256Of(weights) != side["WeightsSha256"]?.GetValue<string>())
            return ($"{weights} is corrupt (checksum mismatch)", default, 0);

        var saved = (side["Tensors"] as JsonObject)?.ToDictionary(kv => kv.Key, kv => kv.Value?.ToJsonString() ?? "") ?? [];
        var current = TensorShapes(model).ToDictionary(kv => kv.Key, kv => kv.Value.ToJsonString());
        var missing = current.Keys.Except(saved.Keys).ToList();
        var extra = saved.Keys.Except(current.Keys).ToList();
        var reshaped = current.Keys.Intersect(saved.Keys).Where(k => current[k] != saved[k]).Select(k => $"{k} is {saved[k]} in the file, {current[k]} in the model").ToList();
        if (missing.Count + extra.Count + reshaped.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add("the file lacks " + string.Join(", ", missing));
            if (extra.Count > 0) parts.Add("the model has no " + string.Join(", ", extra));
            parts.AddRange(reshaped);
            return ($"{weights} does not fit the model ({string.Join("; ", parts)})", default, 0);
        }

        TSummary? summary;
        try { summary = side["Summary"].Deserialize<TSummary>(Json); }
        catch (JsonException e) { return ($"{sidecar} has a summary that is not a {typeof(TSummary).Name} ({e.Message})", default, 0); }
        if (summary is null && default(TSummary) is not null)
            return ($"{sidecar} has no summary", default, 0);
        try { model.load(weights); }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or EndOfStreamException or InvalidDataException)
        {
            return ($"{weights} could not be loaded ({e.Message})", default, 0);
        }
        return (null, summary, side["TrainSeconds"]?.GetValue<double>() ?? 0);
    }

    void Save<TModule, TSummary>(CheckpointKey key, TModule model, TSummary summary, double seconds, string weights, string sidecar)
        where TModule : nn.Module
    {
        // Complete files under temporary names in the same folder, then renamed over the old ones: a reader
        // (or a crash) never sees half a file, and an old checkpoint is only ever replaced, never deleted.
        string tag = $".{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        string tmpWeights = weights + tag, tmpSidecar = sidecar + tag;
        try
        {
            model.save(tmpWeights);
            var side = new JsonObject
            {
                ["Format"] = FormatVersion,
                ["Key"] = key.ToNode(),
                ["WeightsFile"] = Path.GetFileName(weights),
                ["WeightsSha256"] = Sha256Of(tmpWeights),
                ["WeightsBytes"] = new FileInfo(tmpWeights).Length,
                ["Tensors"] = new JsonObject(TensorShapes(model).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["Summary"] = JsonSerializer.SerializeToNode(summary, Json),
                ["TrainSeconds"] = Math.Round(seconds, 3),
                ["Device"] = model.parameters().FirstOrDefault()?.device.ToString() ?? "none",
                ["SavedUtc"] = DateTime.UtcNow.ToString("O"),
            };
            File.WriteAllText(tmpSidecar, side.ToJsonString(Json));
            File.Move(tmpWeights, weights, overwrite: true);
            File.Move(tmpSidecar, sidecar, overwrite: true);
        }
        finally
        {
            File.Delete(tmpWeights);
            File.Delete(tmpSidecar);
        }
    }

    /// <summary>Every parameter's and buffer's name with its shape, as module.save writes them.</summary>
    static Dictionary<string, JsonArray> TensorShapes(nn.Module model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => new JsonArray(kv.Value.shape.Select(d => (JsonNode?)d).ToArray()));

    static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>The key's lock: an open STEM.lock no other process (or thread) can open until it is disposed. Waits, retrying, while another holds it.</summary>
    IDisposable? AcquireLock(CheckpointKey key)
    {
        string path = LockPath(key);
        var clock = Stopwatch.StartNew();
        bool said = false;
        while (true)
        {
            try
            {
                // Never deleted: deleting a lock file while another process is opening it would let two hold "the" lock.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < LockTimeout)
            {
                if (!said) Log($"waiting for {path}: another process is loading or training {key.Name}");
                said = true;
                Thread.Sleep(200);
            }
            catch (IOException e)
            {
                Log($"{path} is still held after {LockTimeout.TotalMinutes:F0} min ({e.Message}): training without the lock");
                return null;
            }
        }
    }
}

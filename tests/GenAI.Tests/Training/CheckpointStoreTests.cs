using System.Diagnostics;
using System.Text.Json.Nodes;
using GenAI.Models;
using GenAI.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Tests.Training;

[Collection(SeededCollection.Name)]
public sealed class CheckpointStoreTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "genai-store-" + Guid.NewGuid().ToString("N"));
    readonly List<string> log = [];

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    sealed record TinyConfig(int In, int Out, double Rate);

    static readonly DataFingerprint NoData = new("toy", 8, "abc");

    CheckpointStore Store() => new(folder) { Log = log.Add };

    static CheckpointKey Key(TinyConfig? config = null, long seed = 3, DataFingerprint? data = null) =>
        CheckpointKey.Create("tiny", config ?? new TinyConfig(4, 3, 0.1), seed, data ?? NoData, typeof(CheckpointStoreTests));

    int trainings;

    TrainedModel<nn.Module<Tensor, Tensor>, double[]> LoadOrTrain(CheckpointStore store, CheckpointKey key, int outputs = 3) =>
        store.LoadOrTrain<nn.Module<Tensor, Tensor>, double[]>(key,
            () => { manual_seed(11); return nn.Linear(4, outputs); },
            model =>
            {
                trainings++;
                using var sgd = optim.SGD(model.parameters(), 0.1);
                for (int i = 0; i < 3; i++)
                {
                    using var scope = NewDisposeScope();
                    sgd.zero_grad();
                    model.call(ones(2, 4)).square().mean().backward();
                    sgd.step();
                }
                return [2.5, 1.25];
            });

    // ---- the key ----

    [Fact]
    public void KeyChangesWithConfigSeedDataAndVersionAndNothingElse()
    {
        var key = Key();
        Assert.Equal(key.ToJson(), Key().ToJson());
        Assert.Equal(key.Hash, Key(new TinyConfig(4, 3, 0.1)).Hash);
        Assert.NotEqual(key.Hash, Key(new TinyConfig(4, 3, 0.2)).Hash);
        Assert.NotEqual(key.Hash, Key(seed: 4).Hash);
        Assert.NotEqual(key.Hash, Key(data: NoData with { Size = 9 }).Hash);
        Assert.NotEqual(key.Hash, Key(data: NoData with { Hash = "abd" }).Hash);
        Assert.NotEqual(key.Hash, (key with { LibraryVersion = "9.9.9.9" }).Hash);
        Assert.NotEqual(key.Hash, (key with { Code = "0000000000000000" }).Hash);
        Assert.NotEqual(key.Hash, CheckpointKey.Create("tiny", new TinyConfig(4, 3, 0.1), 3, NoData, typeof(CnnClassifier)).Hash);
        Assert.Equal(CheckpointKey.GenAIVersion, key.LibraryVersion);
        Assert.StartsWith("tiny-", key.FileStem);
        Assert.Equal(@"{""In"":4,""Out"":3,""Rate"":0.1}", key.Config);
    }

    [Fact]
    public void DataFingerprintHashesTheTensorsValuesAndShapes()
    {
        var a = DataFingerprint.Of("d", arange(6).view(3, 2));
        Assert.Equal(3, a.Size);
        Assert.Equal(a, DataFingerprint.Of("d", arange(6).view(3, 2)));
        Assert.NotEqual(a.Hash, DataFingerprint.Of("d", arange(6).view(2, 3)).Hash);
        var changed = arange(6).view(3, 2);
        changed[2, 1] = tensor(7L);
        Assert.NotEqual(a.Hash, DataFingerprint.Of("d", changed).Hash);
    }

    [Fact]
    public void CodeFingerprintNamesMembersNotTokensAndDiffersBetweenTypes()
    {
        var text = CodeFingerprint.Describe(typeof(CnnClassifier));
        Assert.Contains("field TorchSharp.Modules.Conv2d conv1", text);
        Assert.Contains("TorchSharp.torch+nn::", text);   // a call written by the member it calls
        Assert.Equal(CodeFingerprint.Of(typeof(CnnClassifier)), CodeFingerprint.Of(typeof(CnnClassifier)));
        Assert.NotEqual(CodeFingerprint.Of(typeof(CnnClassifier)), CodeFingerprint.Of(typeof(Vae)));
    }

    // ---- load or train ----

    [Fact]
    public void SecondCallLoadsIdenticalParametersAndTheSummary()
    {
        var first = LoadOrTrain(Store(), Key());
        Assert.False(first.Loaded);
        Assert.Matches(@"^trained tiny in \d+\.\d s and saved to .*tiny-[0-9a-f]{16}\.bin$", log[^1]);
        var second = LoadOrTrain(Store(), Key());
        Assert.True(second.Loaded);
        Assert.Equal(1, trainings);
        Assert.Equal($"loaded tiny from {second.Path}", log[^1]);
        Assert.Equal(new[] { 2.5, 1.25 }, second.Summary);
        foreach (var ((name, a), (_, b)) in first.Model.named_parameters().Zip(second.Model.named_parameters()))
            Assert.True(a.eq(b).all().item<bool>(), $"{name} differs after loading");
        // and the loaded parameters are the trained ones, not the fresh ones
        manual_seed(11);
        using var untrained = nn.Linear(4, 3);
        Assert.False(untrained.weight!.eq(((Linear)second.Model).weight!).all().item<bool>());
        var side = JsonNode.Parse(File.ReadAllText(Store().SidecarPath(Key())))!;
        Assert.Equal(Key().ToJson(), CheckpointKey.Canonical(side["Key"]));
        Assert.Equal("[3,4]", side["Tensors"]!["weight"]!.ToJsonString());
    }

    [Fact]
    public void OtherSeedIsAnotherCheckpoint()
    {
        LoadOrTrain(Store(), Key());
        var other = LoadOrTrain(Store(), Key(seed: 4));
        Assert.False(other.Loaded);
        Assert.Equal(2, trainings);
        Assert.Equal(3, Directory.GetFiles(folder, "*.json").Length + Directory.GetFiles(folder, "*.bin").Length - 1);
    }

    void AssertRetrainedAfter(string expectedProblem)
    {
        var again = LoadOrTrain(Store(), Key());
        Assert.False(again.Loaded);
        Assert.Equal(2, trainings);
        Assert.Contains(log, line => line.Contains(expectedProblem) && line.EndsWith(": retraining"));
        // the new files are valid: a third call loads them
        Assert.True(LoadOrTrain(Store(), Key()).Loaded);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void FlippedByteIsReportedByNameAndRetrained()
    {
        var path = LoadOrTrain(Store(), Key()).Path;
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        AssertRetrainedAfter($"{path} is corrupt (checksum mismatch)");
    }

    [Fact]
    public void TruncatedFileIsReportedByNameAndRetrained()
    {
        var path = LoadOrTrain(Store(), Key()).Path;
        long length = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(length - 10);
        AssertRetrainedAfter($"{path} is corrupt (truncated or extended: {length - 10} bytes, the sidecar says {length})");
    }

    [Fact]
    public void SidecarForAnotherKeyIsReportedAndRetrained()
    {
        LoadOrTrain(Store(), Key());
        var sidecar = Store().SidecarPath(Key());
        var side = JsonNode.Parse(File.ReadAllText(sidecar))!;
        side["Key"]!["Seed"] = 99;
        File.WriteAllText(sidecar, side.ToJsonString());
        AssertRetrainedAfter($"{sidecar} was saved for a different key (Seed differ)");
    }

    [Fact]
    public void CorruptSidecarIsReportedAndRetrained()
    {
        LoadOrTrain(Store(), Key());
        var sidecar = Store().SidecarPath(Key());
        File.WriteAllText(sidecar, "{ \"Key\": ");
        AssertRetrainedAfter($"{sidecar} is corrupt (not valid JSON");
    }

    [Fact]
    public void WrongShapesAreReportedAndRetrained()
    {
        // Same key, but the module now has 5 outputs (as if the model's code changed and the key did not notice).
        var path = LoadOrTrain(Store(), Key()).Path;
        var again = LoadOrTrain(Store(), Key(), outputs: 5);
        Assert.False(again.Loaded);
        Assert.Contains($"{path} does not fit the model (weight is [3,4] in the file, [5,4] in the model; bias is [3] in the file, [5] in the model): retraining", log);
        Assert.Equal(5, ((Linear)LoadOrTrain(Store(), Key(), outputs: 5).Model).weight!.shape[0]);
        Assert.Equal(2, trainings);
    }

    [Fact]
    public void MissingWeightsAreReportedAndRetrained()
    {
        var path = LoadOrTrain(Store(), Key()).Path;
        File.Delete(path);
        AssertRetrainedAfter($"{path} is missing (its sidecar");
    }

    // ---- where it lives ----

    [Fact]
    public void DefaultFolderIsTheVariableElseTheRepositorysOutCheckpoints()
    {
        var repo = Path.Combine(folder, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "lib", "GenAI"));
        File.WriteAllText(Path.Combine(repo, "lib", "GenAI", "GenAI.csproj"), "<Project />");
        Directory.CreateDirectory(Path.Combine(repo, "notebooks"));
        Assert.Equal(Path.Combine(repo, "out", "checkpoints"), CheckpointStore.DefaultFolder(null, Path.Combine(repo, "notebooks"), "/"));
        Assert.Equal(Path.Combine(folder, "elsewhere"), CheckpointStore.DefaultFolder(Path.Combine(folder, "elsewhere"), Path.Combine(repo, "notebooks"), "/"));
        Assert.Null(CheckpointStore.FindRepository(Path.GetTempPath()));
    }

    // ---- two processes at once ----

    static string ProbeDll
    {
        get
        {
            var testProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../.."));
            var relative = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
            var dll = Path.GetFullPath(Path.Combine(testProject, "..", "GenAI.CheckpointProbe", relative, "GenAI.CheckpointProbe.dll"));
            Assert.True(File.Exists(dll), $"{dll} is missing: build tests/GenAI.Tests (it builds the probe)");
            return dll;
        }
    }

    static Process StartProbe(string store, double sleepSeconds)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(ProbeDll);
        start.ArgumentList.Add(sleepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment[CheckpointStore.EnvironmentVariable] = store;
        start.Environment["OMP_NUM_THREADS"] = "1";
        return Process.Start(start)!;
    }

    [Fact]
    public void TwoProcessesAskingForOneKeyTrainOnceAndBothGetTheSavedModel()
    {
        var store = Path.Combine(folder, "moved");
        using var a = StartProbe(store, 3);
        using var b = StartProbe(store, 3);
        var outputs = new[] { a, b }.Select(p =>
        {
            var error = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "probe did not finish in 2 minutes");
            Assert.True(p.ExitCode == 0, $"probe exited with {p.ExitCode}:\n{output}\n{error.Result}");
            return output;
        }).ToList();
        string all = string.Join("\n---\n", outputs);
        // GENAI_CHECKPOINTS moved the store there
        Assert.Single(Directory.GetFiles(store, "probe-linear-*.bin"));
        Assert.Empty(Directory.GetFiles(store, "*.tmp"));
        Assert.Equal(1, outputs.Count(o => o.Contains("trained probe-linear in ")));
        Assert.Equal(1, outputs.Count(o => o.Contains("loaded probe-linear from ")));
        var sums = outputs.Select(o => o.Split('\n').Single(l => l.StartsWith("loaded=")).Split(' ')[1]).Distinct().ToList();
        Assert.True(sums.Count == 1, all);
        Assert.Contains("summary=1,0.5", outputs[0]);
        Assert.Contains("summary=1,0.5", outputs[1]);
    }

    [Fact]
    public void TwoThreadsAskingForOneKeyTrainOnce()
    {
        int count = 0;
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var store = new CheckpointStore(folder) { Log = lines.Enqueue };
        var key = Key();
        TrainedModel<nn.Module<Tensor, Tensor>, int> Ask() => store.LoadOrTrain<nn.Module<Tensor, Tensor>, int>(key,
            () => nn.Linear(4, 3), _ => { Interlocked.Increment(ref count); Thread.Sleep(1500); return 42; });
        var results = new[] { Task.Run(Ask), Task.Run(Ask) }.Select(t => t.Result).ToList();
        Assert.Equal(1, count);
        Assert.Single(results, r => r.Loaded);
        Assert.All(results, r => Assert.Equal(42, r.Summary));
        Assert.Contains(lines, l => l.StartsWith("waiting for ") && l.EndsWith(".lock: another process is loading or training tiny"));
    }
}

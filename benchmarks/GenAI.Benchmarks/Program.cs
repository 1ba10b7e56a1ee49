// Engine benchmark: the course's training loops on TorchSharp against the same models in Python
// PyTorch, in one run, best of N, one intra-op thread on both sides.
//
//   dotnet run -c Release --project benchmarks/GenAI.Benchmarks [-- options] [names...]
//     --repeats N      runs per benchmark and side, the best one counts (default 5)
//     --scale X        multiplies the work per run (default 1; 0.1 for a quick look)
//     --python PATH    interpreter with python3-torch (default /usr/bin/python3)
//
// Prints each result for C#, Python and the ratio C#/Python: for steps per second a ratio above 1
// means C# is faster; for microseconds per op a ratio below 1 means C# is cheaper.
using System.Globalization;
using GenAI.Benchmarks;
using TorchSharp;

// `-- mfu [--repeats N] [--scale X] [--python PATH]`: model FLOPs utilisation of the course's loops (UtilisationReport).
if (args.Length > 0 && args[0] == "mfu")
{
    int mfuRepeats = 3;
    double mfuScale = 1.0;
    string mfuPython = "/usr/bin/python3";
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--repeats": mfuRepeats = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--scale": mfuScale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
            case "--python": mfuPython = args[++i]; break;
            default: Console.Error.WriteLine($"benchmarks mfu: unknown argument \"{args[i]}\"; options are --repeats, --scale, --python"); return 2;
        }
    }
    return UtilisationReport.Run(mfuRepeats, mfuScale, mfuPython);
}

// `-- vectors [--sizes ...] [--ef ...]`: exact search against USearch's HNSW (issue 22; VectorSearchBenchmark).
if (args.Length > 0 && args[0] == "vectors") return VectorSearchBenchmark.Run(args);

var benchmarks = new Dictionary<string, (string Unit, bool HigherIsBetter, Func<double, double> Run)>
{
    ["sgemm"] = ("GFLOP/s", true, s => SgemmBenchmark.Gflops(1024)),
    ["add16"] = ("us/op", false, SmallOpBenchmark.MicrosecondsPerOpDisposed),
    ["add16-scope"] = ("us/op", false, SmallOpBenchmark.MicrosecondsPerOpInScope),
    ["mlp-lm"] = ("steps/s", true, MlpLanguageModelBenchmark.StepsPerSecond),
    ["transformer"] = ("steps/s", true, TransformerBlockBenchmark.StepsPerSecond),
    ["convnet"] = ("steps/s", true, ConvNetBenchmark.StepsPerSecond),
};

var repeats = 5;
var scale = 1.0;
var pythonPath = "/usr/bin/python3";
var names = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--repeats": repeats = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--scale": scale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--python": pythonPath = args[++i]; break;
        case var name when benchmarks.ContainsKey(name): names.Add(name); break;
        default:
            Console.Error.WriteLine($"benchmarks: unknown argument \"{args[i]}\"; benchmarks are {string.Join(", ", benchmarks.Keys)}");
            return 2;
    }
}
if (names.Count == 0) names.AddRange(benchmarks.Keys);

// One intra-op thread on both sides (bench.py sets the same): the machine this runs on has two
// cores shared with other work, and a second thread would measure how busy the other core was
// rather than the engines; with one thread the two sides also do exactly the same scheduling.
torch.set_num_threads(1);
var script = Path.Combine(Machine.RepositoryRoot(), "benchmarks", "python", "bench.py");
var csharpRuns = names.ToDictionary(n => n, _ => new List<double>());
var pythonRuns = names.ToDictionary(n => n, _ => new List<double>());
var loads = new List<double>();
PythonBenchmarks.Results? python = null;

// One untimed run of every C# benchmark first, at full size: .NET compiles the hot paths again,
// optimised, only after they have run a while, and Python's interpreter has nothing like it.
foreach (var name in names) benchmarks[name].Run(scale);
// The two sides take turns, one run of every benchmark each, so that a change in the machine's
// load during the run hits both alike; the best of the runs counts on each side.
for (var r = 0; r < repeats; r++)
{
    if (Machine.LoadAverage() is double load) loads.Add(load);
    foreach (var name in names)
        csharpRuns[name].Add(benchmarks[name].Run(scale));
    python = PythonBenchmarks.Run(pythonPath, script, names, scale);
    if (PythonBenchmarks.IsReferenceBlas(python.Blas))
    {
        // Debian's reference BLAS makes every matmul 10-30x slower: a ratio against it would mean nothing.
        Console.Error.WriteLine($"benchmarks: the Python side runs on the reference BLAS ({python.Blas}), 10-30x slower than OpenBLAS; " +
                                "no ratio is reported. Install OpenBLAS: apt-get install libopenblas0-pthread (scripts/setup.sh does).");
        return 3;
    }
    foreach (var name in names) pythonRuns[name].Add(python.Values[name]);
    Console.Error.WriteLine($"round {r + 1} of {repeats} done");
}
if (Machine.LoadAverage() is double last) loads.Add(last);

string Runs(List<double> runs) => string.Join("  ", runs.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));
double Best(string name, List<double> runs) => benchmarks[name].HigherIsBetter ? runs.Max() : runs.Min();
double Median(List<double> runs)
{
    var sorted = runs.Order().ToList();
    return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
}
foreach (var name in names)
{
    Console.WriteLine($"C#     {name,-12} runs: {Runs(csharpRuns[name])}");
    Console.WriteLine($"Python {name,-12} runs: {Runs(pythonRuns[name])}");
}
Console.WriteLine();
Console.WriteLine($"machine: {Machine.Describe()}");
Console.WriteLine($"C#:     {Machine.Engine()}, intra-op threads {torch.get_num_threads()}");
Console.WriteLine($"Python: torch {python!.Torch}, BLAS {python.Blas}, intra-op threads {python.Threads}");
var loadRange = loads.Count == 0 ? "unknown" : $"{loads.Min():F2} to {loads.Max():F2}";
Console.WriteLine($"best of {repeats} alternating runs, scale {scale}; 1-minute load average between rounds {loadRange}");
Console.WriteLine();
// The best runs are the headline (the least disturbed by other work); the ratio of the medians is
// printed beside it because on a busy machine one side's best can be a lucky quiet moment.
Console.WriteLine($"{"benchmark",-24}{"C# best",12}{"Py best",12}{"C#/Py best",12}{"C#/Py median",14}");
foreach (var name in names)
{
    var (unit, higherIsBetter, _) = benchmarks[name];
    var (csharp, py) = (Best(name, csharpRuns[name]), Best(name, pythonRuns[name]));
    var medianRatio = Median(csharpRuns[name]) / Median(pythonRuns[name]);
    var meaning = higherIsBetter ? "(throughput; >1: C# faster)" : "(cost; <1: C# cheaper)";
    Console.WriteLine($"{name + " (" + unit + ")",-24}{csharp,12:F2}{py,12:F2}{csharp / py,12:F2}{medianRatio,14:F2}  {meaning}");
}
return 0;

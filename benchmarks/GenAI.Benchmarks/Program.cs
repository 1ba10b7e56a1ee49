// Engine benchmark: the same work in C# (GenAI.Torch) and in Python PyTorch on the same
// libtorch, in one run, best of N, one intra-op thread on both sides.
//
//   dotnet run -c Release --project benchmarks/GenAI.Benchmarks [-- options] [add16 mlp transformer]
//     --repeats N      runs per benchmark and side, best one counts (default 3)
//     --scale X        multiplies the work per run (default 1; 0.1 for a quick look)
//     --python PATH    interpreter with python3-torch (default /usr/bin/python3)
//
// Prints each result for C#, Python and the ratio C#/Python: for steps per second a ratio
// above 1 means C# is faster; for microseconds per op a ratio below 1 means C# is cheaper.
using System.Globalization;
using GenAI.Benchmarks;
using TorchSharp;

var benchmarks = new Dictionary<string, (string Unit, bool HigherIsBetter, Func<double, double> Run)>
{
    ["add16"] = ("us/op", false, SmallOpBenchmark.MicrosecondsPerOp),
    ["mlp"] = ("steps/s", true, MlpBenchmark.StepsPerSecond),
    ["transformer"] = ("steps/s", true, TransformerBlockBenchmark.StepsPerSecond),
};

var repeats = 3;
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

torch.set_num_threads(1);
var script = Path.Combine(Machine.RepositoryRoot(), "benchmarks", "python", "bench.py");
// The two sides take turns, one run of every benchmark each, so that a change in the machine's
// load during the run hits both alike; the best of the runs counts on each side.
var csharpRuns = names.ToDictionary(n => n, _ => new List<double>());
var pythonRuns = names.ToDictionary(n => n, _ => new List<double>());
var pythonTorch = "";
// One short untimed run per C# benchmark first: it lets the JIT compile the hot paths, which
// Python's interpreter has no need for.
foreach (var name in names) benchmarks[name].Run(scale * 0.1);
for (var r = 0; r < repeats; r++)
{
    foreach (var name in names)
        csharpRuns[name].Add(benchmarks[name].Run(scale));
    var python = PythonBenchmarks.Run(pythonPath, script, names, scale);
    foreach (var name in names) pythonRuns[name].Add(python.Values[name]);
    pythonTorch = python.TorchVersion;
}

string Runs(List<double> runs) => string.Join("  ", runs.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)));
double Best(string name, List<double> runs) => benchmarks[name].HigherIsBetter ? runs.Max() : runs.Min();
foreach (var name in names)
{
    Console.WriteLine($"C#     {name,-12} runs: {Runs(csharpRuns[name])}");
    Console.WriteLine($"Python {name,-12} runs: {Runs(pythonRuns[name])}");
}
Console.WriteLine();
Console.WriteLine($"machine: {Machine.Describe()}");
Console.WriteLine($"libtorch {pythonTorch} (as python3-torch reports it), engine {torch.__version__}, intra-op threads {torch.get_num_threads()}");
Console.WriteLine($"BLAS {Machine.BlasLibrary()}; best of {repeats} alternating runs, scale {scale}");
Console.WriteLine();
Console.WriteLine($"{"benchmark",-24}{"C#",12}{"Python",12}{"C#/Python",12}");
foreach (var name in names)
{
    var (unit, higherIsBetter, _) = benchmarks[name];
    var (csharp, python) = (Best(name, csharpRuns[name]), Best(name, pythonRuns[name]));
    var ratio = csharp / python;
    var meaning = higherIsBetter ? "(throughput; >1: C# faster)" : "(cost; <1: C# cheaper)";
    Console.WriteLine($"{name + " (" + unit + ")",-24}{csharp,12:F2}{python,12:F2}{ratio,12:F2}  {meaning}");
}
return 0;

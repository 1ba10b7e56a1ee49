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
var python = "/usr/bin/python3";
var names = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--repeats": repeats = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--scale": scale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--python": python = args[++i]; break;
        case var name when benchmarks.ContainsKey(name): names.Add(name); break;
        default:
            Console.Error.WriteLine($"benchmarks: unknown argument \"{args[i]}\"; benchmarks are {string.Join(", ", benchmarks.Keys)}");
            return 2;
    }
}
if (names.Count == 0) names.AddRange(benchmarks.Keys);

torch.set_num_threads(1);
var csharp = new Dictionary<string, double>();
foreach (var name in names)
{
    var (_, higherIsBetter, run) = benchmarks[name];
    var runs = Enumerable.Range(0, repeats).Select(_ => run(scale)).ToList();
    csharp[name] = higherIsBetter ? runs.Max() : runs.Min();
    Console.WriteLine($"C#     {name,-12} runs: {string.Join("  ", runs.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}");
}

var script = Path.Combine(Machine.RepositoryRoot(), "benchmarks", "python", "bench.py");
var pythonResults = PythonBenchmarks.Run(python, script, names, repeats, scale);

Console.WriteLine();
Console.WriteLine($"machine: {Machine.Describe()}");
Console.WriteLine($"libtorch {torch.__version__}, intra-op threads {torch.get_num_threads()}, BLAS {Machine.BlasLibrary()}, best of {repeats}, scale {scale}");
Console.WriteLine();
Console.WriteLine($"{"benchmark",-24}{"C#",12}{"Python",12}{"C#/Python",12}");
foreach (var name in names)
{
    var (unit, higherIsBetter, _) = benchmarks[name];
    var ratio = csharp[name] / pythonResults[name];
    var meaning = higherIsBetter ? "(throughput; >1: C# faster)" : "(cost; <1: C# cheaper)";
    Console.WriteLine($"{name + " (" + unit + ")",-24}{csharp[name],12:F2}{pythonResults[name],12:F2}{ratio,12:F2}  {meaning}");
}
return 0;

using System.Globalization;
using TorchSharp;

namespace GenAI.Benchmarks;

/// <summary>
/// `-- mfu`: the single-thread sgemm peak, then each training loop's achieved FLOP/s and its share of
/// that peak, in alternating rounds (C#, then Python in a fresh interpreter), best of N. For the three
/// loops bench.py also runs, Python's share of its own sgemm peak is printed beside C#'s.
/// </summary>
static class UtilisationReport
{
    public static int Run(int repeats, double scale, string pythonPath)
    {
        torch.set_num_threads(1);
        var loops = UtilisationBenchmark.CourseLoops();
        var comparable = UtilisationBenchmark.PythonComparableFlops();
        var comparableRuns = new Dictionary<string, Func<double, double>>
        {
            ["mlp-lm"] = MlpLanguageModelBenchmark.StepsPerSecond,
            ["transformer"] = TransformerBlockBenchmark.StepsPerSecond,
            ["convnet"] = ConvNetBenchmark.StepsPerSecond,
        };
        var script = Path.Combine(Machine.RepositoryRoot(), "benchmarks", "python", "bench.py");
        var peak = new List<double>();
        var pyPeak = new List<double>();
        var steps = loops.ToDictionary(l => l.Name, _ => new List<double>());
        var csComparable = comparable.Keys.ToDictionary(k => k, _ => new List<double>());
        var pyComparable = comparable.Keys.ToDictionary(k => k, _ => new List<double>());
        var loads = new List<double>();
        PythonBenchmarks.Results? python = null;

        foreach (var loop in loops) loop.StepsPerSecond(scale);            // JIT warm-up, untimed
        foreach (var run in comparableRuns.Values) run(scale);
        for (var r = 0; r < repeats; r++)
        {
            if (Machine.LoadAverage() is double load) loads.Add(load);
            // The peak: the best of large square products (n = 1024 and 2048).
            peak.Add(Math.Max(SgemmBenchmark.Gflops(1024), SgemmBenchmark.Gflops(2048, products: 3)));
            foreach (var loop in loops) steps[loop.Name].Add(loop.StepsPerSecond(scale));
            foreach (var (name, run) in comparableRuns) csComparable[name].Add(run(scale));
            python = PythonBenchmarks.Run(pythonPath, script, new[] { "sgemm" }.Concat(comparable.Keys), scale);
            if (PythonBenchmarks.IsReferenceBlas(python.Blas))
            {
                Console.Error.WriteLine($"benchmarks: the Python side runs on the reference BLAS ({python.Blas}); no utilisation is reported for it. " +
                                        "Install OpenBLAS: apt-get install libopenblas0-pthread (scripts/setup.sh does).");
                return 3;
            }
            pyPeak.Add(python.Values["sgemm"]);
            foreach (var name in comparable.Keys) pyComparable[name].Add(python.Values[name]);
            Console.Error.WriteLine($"round {r + 1} of {repeats} done");
        }
        if (Machine.LoadAverage() is double last) loads.Add(last);

        string F(double v, string format = "F2") => v.ToString(format, CultureInfo.InvariantCulture);
        Console.WriteLine($"machine: {Machine.Describe()}");
        Console.WriteLine($"C#:     {Machine.Engine()}, intra-op threads {torch.get_num_threads()}");
        Console.WriteLine($"Python: torch {python!.Torch}, BLAS {python.Blas}, intra-op threads {python.Threads}");
        Console.WriteLine($"best of {repeats} alternating rounds, scale {scale}; 1-minute load average {(loads.Count == 0 ? "unknown" : $"{F(loads.Min())} to {F(loads.Max())}")}");
        Console.WriteLine($"sgemm peak (single thread, best square mm): C# {F(peak.Max(), "F1")} GFLOP/s (runs {string.Join(" ", peak.Select(p => F(p, "F1")))}), " +
                          $"Python {F(pyPeak.Max(), "F1")} GFLOP/s (n = 1024)");
        Console.WriteLine();
        Console.WriteLine($"{"loop",-12}{"GFLOP/step",12}{"steps/s",10}{"GFLOP/s",10}{"of peak",9}   what");
        foreach (var loop in loops)
        {
            double best = steps[loop.Name].Max(), rate = best * loop.FlopsPerStep / 1e9;
            Console.WriteLine($"{loop.Name,-12}{F(loop.FlopsPerStep / 1e9, "F4"),12}{F(best),10}{F(rate),10}{F(rate / peak.Max(), "P1"),9}   {loop.Source}");
        }
        Console.WriteLine();
        Console.WriteLine($"{"benchmark",-12}{"GFLOP/step",12}{"C# GFLOP/s",12}{"C# of peak",12}{"Py GFLOP/s",12}{"Py of peak",12}");
        foreach (var (name, flops) in comparable)
        {
            double cs = csComparable[name].Max() * flops / 1e9, py = pyComparable[name].Max() * flops / 1e9;
            Console.WriteLine($"{name,-12}{F(flops / 1e9, "F4"),12}{F(cs),12}{F(cs / peak.Max(), "P1"),12}{F(py),12}{F(py / pyPeak.Max(), "P1"),12}");
        }
        return 0;
    }
}

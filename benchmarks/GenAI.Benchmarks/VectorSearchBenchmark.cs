// Exact search (one TorchSharp matrix product, lib/GenAI/Retrieval/VectorSearch.cs) against USearch's HNSW
// (lib/GenAI/Retrieval/HnswIndex.cs) on synthetic 384-dimensional unit vectors: indexing throughput, query
// latency and HNSW's recall@10 against exact search, for issue 22 item 3.
//
//   dotnet run -c Release --project benchmarks/GenAI.Benchmarks -- vectors [--sizes 10000,100000] [--queries 200]
//          [--ef 16,32,64,128,256,512] [--connectivity 16] [--expansion-add 128] [--data sphere,lowrank]
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using GenAI.Retrieval;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Benchmarks;

public static class VectorSearchBenchmark
{
    const int Dim = 384;

    public static int Run(string[] args)
    {
        int[] sizes = [10_000, 100_000];
        int[] efs = [16, 32, 64, 128, 256, 512];
        string[] data = ["sphere", "lowrank"];
        int queries = 200, connectivity = 16, expansionAdd = 128;
        static int[] Ints(string s) => s.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes": sizes = Ints(args[++i]); break;
                case "--ef": efs = Ints(args[++i]); break;
                case "--queries": queries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--connectivity": connectivity = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--expansion-add": expansionAdd = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--data": data = args[++i].Split(','); break;
                default:
                    Console.Error.WriteLine($"benchmarks vectors: unknown argument \"{args[i]}\"; options are --sizes, --ef, --queries, --connectivity, --expansion-add, --data");
                    return 2;
            }
        }
        if (data.Any(d => d is not ("sphere" or "clusters" or "lowrank")))
        {
            Console.Error.WriteLine("benchmarks vectors: --data takes sphere, clusters and/or lowrank");
            return 2;
        }
        torch.set_num_threads(1);
        Console.WriteLine($"machine: {Machine.Describe()}; {Machine.Engine()}, intra-op threads {torch.get_num_threads()}; load average {Machine.LoadAverage():F1}");
        Console.WriteLine($"HNSW: M = {connectivity}, ef_construction = {expansionAdd}, one thread; {queries} queries, one at a time; k = 10");
        var rows = new List<string>();
        foreach (var kind in data)
            foreach (var n in sizes)
                rows.AddRange(RunOne(kind, n, queries, connectivity, expansionAdd, efs));
        Console.WriteLine();
        Console.WriteLine("| data | N | exact: index (vectors/s) | exact: ms/query (one at a time / batch of " + queries + ") | HNSW: index (vectors/s) | HNSW ef | recall@10 | HNSW ms/query |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows) Console.WriteLine(r);
        Console.WriteLine($"load average at the end {Machine.LoadAverage():F1}");
        return 0;
    }

    // "sphere": uniform on the unit sphere (every point nearly equidistant from every other, the hardest case for a
    // graph); "lowrank": points of a random 32-dimensional subspace plus 1 % noise, normalised (text embeddings have a
    // low intrinsic dimension, so their nearest neighbours are clearly nearer than the rest); "clusters": 1 000 random
    // centres, each point its centre plus noise of the same norm. Queries are fresh draws of the same kind.
    static (Tensor Vectors, Tensor Queries) Make(string kind, int n, int q, long seed)
    {
        var g = new Generator((ulong)seed);
        if (kind == "sphere")
            return (nn.functional.normalize(randn(n, Dim, generator: g), dim: 1), nn.functional.normalize(randn(q, Dim, generator: g), dim: 1));
        if (kind == "lowrank")
        {
            var basis = randn(32, Dim, generator: g).div(Math.Sqrt(32));              // every coordinate of z W has variance 1
            Tensor Low(int m) => nn.functional.normalize(randn(m, 32, generator: g).mm(basis).add(randn(m, Dim, generator: g).mul(0.1)), dim: 1);
            return (Low(n), Low(q));
        }
        var centres = nn.functional.normalize(randn(1000, Dim, generator: g), dim: 1);
        Tensor Draw(int m) => nn.functional.normalize(
            centres.index_select(0, randint(0, 1000, [m], generator: g)).add(nn.functional.normalize(randn(m, Dim, generator: g), dim: 1)), dim: 1);
        return (Draw(n), Draw(q));
    }

    static IEnumerable<string> RunOne(string kind, int n, int q, int connectivity, int expansionAdd, int[] efs)
    {
        var (vectors, queries) = Make(kind, n, q, seed: 22);
        Console.Error.WriteLine($"{kind}, N = {n:N0}: building");

        // Exact search: "indexing" is the copy and normalisation into one [N, D] tensor.
        var sw = Stopwatch.StartNew();
        using var exact = new ExactSearch(vectors);
        double exactIndexRate = n / sw.Elapsed.TotalSeconds;
        exact.Search(queries.narrow(0, 0, 1), 10);                       // warm-up
        sw.Restart();
        for (int i = 0; i < q; i++) exact.Search(queries.narrow(0, i, 1), 10);
        double exactMs = sw.Elapsed.TotalMilliseconds / q;
        sw.Restart();
        exact.Search(queries, 10);
        double exactBatchMs = sw.Elapsed.TotalMilliseconds / q;

        sw.Restart();
        using var hnsw = new HnswIndex(Dim, new HnswSettings(connectivity, expansionAdd, efs[0]));
        hnsw.Add(vectors);
        double hnswIndexRate = n / sw.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"{kind}, N = {n:N0}: exact {exactIndexRate:N0} vectors/s, {exactMs:F3} ms/query; HNSW added at {hnswIndexRate:N0} vectors/s");

        var results = new List<(int Ef, double Recall, double Ms)>();
        foreach (var ef in efs)
        {
            SetExpansionSearch(hnsw, ef);
            hnsw.Search(queries.narrow(0, 0, 1), 10);                    // warm-up
            sw.Restart();
            hnsw.Search(queries, 10);                                    // one query at a time inside
            double ms = sw.Elapsed.TotalMilliseconds / q;
            double recall = hnsw.RecallAgainst(exact, queries, 10);
            results.Add((ef, recall, ms));
            Console.Error.WriteLine($"  ef = {ef,4}: recall@10 {recall:F3}, {ms:F3} ms/query");
        }
        var chosen = results.FirstOrDefault(r => r.Recall >= 0.95);
        foreach (var r in results)
        {
            var mark = r.Ef == chosen.Ef && chosen.Ef != 0 ? "**" : "";
            yield return $"| {kind} | {n:N0} | {exactIndexRate:N0} | {exactMs:F3} / {exactBatchMs:F3} | {hnswIndexRate:N0} | {mark}{r.Ef}{mark} | {mark}{r.Recall:F3}{mark} | {mark}{r.Ms:F3}{mark} |";
        }
        vectors.Dispose(); queries.Dispose();
    }

    // USearch's C# binding (2.26.6) sets ef only when an index is made; its native library can change it
    // (usearch_change_expansion_search), which lets one graph be searched at every ef instead of being rebuilt.
    [DllImport("libusearch_c", EntryPoint = "usearch_change_expansion_search")]
    static extern void ChangeExpansionSearch(IntPtr index, UIntPtr expansion, out IntPtr error);

    static void SetExpansionSearch(HnswIndex hnsw, int ef)
    {
        var usearch = typeof(HnswIndex).GetField("index", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(hnsw)
            ?? throw new InvalidOperationException("HnswIndex has no field 'index' (the USearchIndex) any more; update the benchmark.");
        var handle = usearch.GetType().GetField("_index", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(usearch) as IntPtr?
            ?? throw new InvalidOperationException("USearchIndex has no IntPtr field '_index' any more (another USearch version?); update the benchmark.");
        ChangeExpansionSearch(handle, (UIntPtr)ef, out var error);
        if (error != IntPtr.Zero) throw new InvalidOperationException($"usearch_change_expansion_search({ef}) failed: {Marshal.PtrToStringAnsi(error)}");
    }
}

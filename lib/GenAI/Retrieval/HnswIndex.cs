using Cloud.Unum.USearch;
using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>Settings of an HNSW graph (Malkov and Yashunin, 2018): M links per node, and the candidate lists while adding and searching.</summary>
/// <param name="Connectivity">M, the links each node keeps per layer (USearch's default is 16).</param>
/// <param name="ExpansionAdd">ef_construction: candidates kept while a vector is linked in.</param>
/// <param name="ExpansionSearch">ef: candidates kept while searching; larger is slower and closer to exact.</param>
public sealed record HnswSettings(int Connectivity = 16, int ExpansionAdd = 128, int ExpansionSearch = 64)
{
    public void Validate()
    {
        if (Connectivity < 2) throw new ArgumentException($"Connectivity (M) must be at least 2; got {Connectivity}.", nameof(Connectivity));
        if (ExpansionAdd < 1) throw new ArgumentException($"ExpansionAdd must be at least 1; got {ExpansionAdd}.", nameof(ExpansionAdd));
        if (ExpansionSearch < 1) throw new ArgumentException($"ExpansionSearch must be at least 1; got {ExpansionSearch}.", nameof(ExpansionSearch));
    }
}

/// <summary>
/// Approximate nearest-neighbour search with USearch's HNSW graph (Cloud.Unum.USearch 2.26.6), cosine metric,
/// float32 vectors. A search walks the graph from its top layer down instead of scoring every vector, so it
/// is sub-linear in N and may miss a neighbour: <see cref="RecallAgainst"/> measures how often against
/// <see cref="ExactSearch"/>. USearch returns the cosine distance 1 − cos; hits carry the cosine.
/// </summary>
public sealed class HnswIndex : IDisposable
{
    readonly USearchIndex index;

    public HnswIndex(int dimension, HnswSettings? settings = null)
    {
        if (dimension < 1) throw new ArgumentException($"The dimension must be at least 1; got {dimension}.", nameof(dimension));
        Settings = settings ?? new HnswSettings();
        Settings.Validate();
        Dimension = dimension;
        index = new USearchIndex(MetricKind.Cos, ScalarKind.Float32, (ulong)dimension,
            (ulong)Settings.Connectivity, (ulong)Settings.ExpansionAdd, (ulong)Settings.ExpansionSearch);
    }

    HnswIndex(USearchIndex loaded, int dimension, HnswSettings settings)
    {
        index = loaded; Dimension = dimension; Settings = settings;
    }

    public HnswSettings Settings { get; }
    public int Dimension { get; }

    /// <summary>Number of stored vectors.</summary>
    public long Count => (long)index.Size();

    /// <summary>Adds the rows of <paramref name="vectors"/> [N, D] under the keys <paramref name="keys"/> (default 0..N−1 after the current count).</summary>
    public void Add(Tensor vectors, IReadOnlyList<long>? keys = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.dim() != 2 || vectors.shape[1] != Dimension)
            throw new ArgumentException($"Vectors must be a matrix [N, {Dimension}]; got {vectors.ShapeString()}.", nameof(vectors));
        long n = vectors.shape[0];
        if (keys is not null && keys.Count != n)
            throw new ArgumentException($"There are {n} vectors but {keys.Count} keys.", nameof(keys));
        long first = Count;
        var data = vectors.to(float32).cpu().contiguous().data<float>().ToArray();
        var row = new float[Dimension];
        for (long i = 0; i < n; i++)
        {
            Array.Copy(data, i * Dimension, row, 0, Dimension);
            var key = keys?[(int)i] ?? first + i;
            if (key < 0) throw new ArgumentException($"Keys must be 0 or more; key {i} is {key}.", nameof(keys));
            index.Add((ulong)key, row);
        }
    }

    /// <summary>The <paramref name="k"/> nearest stored vectors of each query row, best first.</summary>
    public SearchHit[][] Search(Tensor queries, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (k < 1) throw new ArgumentException($"k must be at least 1; got {k}.", nameof(k));
        if (queries.dim() != 2 || queries.shape[1] != Dimension)
            throw new ArgumentException($"Queries must be a matrix [Q, {Dimension}]; got {queries.ShapeString()}.", nameof(queries));
        var data = queries.to(float32).cpu().contiguous().data<float>().ToArray();
        var result = new SearchHit[queries.shape[0]][];
        var row = new float[Dimension];
        for (int q = 0; q < result.Length; q++)
        {
            Array.Copy(data, (long)q * Dimension, row, 0, Dimension);
            int found = index.Search(row, k, out var keys, out var distances);
            result[q] = Enumerable.Range(0, found).Select(j => new SearchHit((long)keys[j], 1f - distances[j])).ToArray();
        }
        return result;
    }

    /// <summary>recall@k of this index against exact search: the mean share of the exact top k that the index also returns.</summary>
    public double RecallAgainst(ExactSearch exact, Tensor queries, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(exact);
        var truth = exact.Search(queries, k);
        var found = Search(queries, k);
        double total = 0;
        for (int q = 0; q < truth.Length; q++)
        {
            var mine = found[q].Select(h => h.Key).ToHashSet();
            total += (double)truth[q].Count(h => mine.Contains(h.Key)) / truth[q].Length;
        }
        return total / truth.Length;
    }

    /// <summary>Writes the graph and its vectors to <paramref name="path"/> (USearch's own format).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        index.Save(path);
    }

    /// <summary>
    /// Loads an index saved by <see cref="Save"/>. A missing file, a file USearch cannot read (truncated, not an
    /// index) or one whose dimension or size is not the expected one is an <see cref="IndexFileException"/> that names the file.
    /// </summary>
    public static HnswIndex Load(string path, int dimension, long? expectedCount = null, HnswSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new IndexFileException(path, "the HNSW index file is missing");
        USearchIndex loaded;
        try { loaded = new USearchIndex(path); }
        catch (Exception e) { throw new IndexFileException(path, $"USearch cannot read it ({e.Message}); it may be truncated or not an index", e); }
        var dims = (long)loaded.Dimensions();
        if (dims != dimension) { loaded.Dispose(); throw new IndexFileException(path, $"it holds {dims}-dimensional vectors, the embedder makes {dimension}"); }
        var size = (long)loaded.Size();
        if (expectedCount is long n && size != n) { loaded.Dispose(); throw new IndexFileException(path, $"it holds {size} vectors, the store has {n} chunks"); }
        return new HnswIndex(loaded, dimension, settings ?? new HnswSettings());
    }

    public void Dispose() => index.Dispose();
}

/// <summary>An index file that cannot be used: missing, truncated, or made for other data. The message names the file.</summary>
public sealed class IndexFileException(string path, string problem, Exception? inner = null)
    : Exception($"Index file '{path}': {problem}. It will be rebuilt from the chunks.", inner)
{
    public string FilePath { get; } = path;
}

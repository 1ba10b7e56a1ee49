using Microsoft.Data.Sqlite;
using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>What a <see cref="PersistedIndex.Sync"/> did: chunks embedded anew, kept as they were, and dropped.</summary>
public sealed record IndexSync(int Embedded, int Reused, int Removed, bool RebuiltHnsw, string? Problem);

/// <summary>
/// A retrieval index kept on disk in one folder: <c>chunks.db</c> (SQLite through Microsoft.Data.Sqlite: every
/// chunk's id, document, heading path, section, body, content hash and vector) and <c>chunks.usearch</c> (the
/// HNSW graph over the same vectors, keyed by row id). <see cref="Sync"/> embeds only chunks whose content hash
/// is new, deletes rows of chunks that are gone, and rebuilds the graph when anything changed.
/// A missing, truncated or mismatched file is reported (<see cref="IndexSync.Problem"/> names it) and rebuilt:
/// a store that cannot be read is moved aside to <c>chunks.db.broken-N</c>, never deleted, and nothing outside
/// the index's own two files is touched.
/// </summary>
public sealed class PersistedIndex : IDisposable
{
    public const string StoreFile = "chunks.db";
    public const string GraphFile = "chunks.usearch";

    readonly IEmbedder embedder;
    readonly HnswSettings settings;
    SqliteConnection connection;
    List<(long Row, Chunk Chunk)> rows = [];
    Tensor vectors;
    HnswIndex? graph;

    public PersistedIndex(string folder, IEmbedder embedder, HnswSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        this.embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        this.settings = settings ?? new HnswSettings();
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
        vectors = zeros(0, embedder.Dimension);
        connection = OpenStore(out var problem);
        OpenProblem = problem;
        Load();
    }

    public string Folder { get; }
    public string StorePath => Path.Combine(Folder, StoreFile);
    public string GraphPath => Path.Combine(Folder, GraphFile);

    /// <summary>What was wrong with the store when it was opened (it was moved aside and started anew), or null.</summary>
    public string? OpenProblem { get; }

    /// <summary>The stored chunks, in row order (the order of <see cref="Vectors"/>).</summary>
    public IReadOnlyList<Chunk> Chunks => rows.Select(r => r.Chunk).ToArray();

    /// <summary>The stored unit vectors [N, D], in the order of <see cref="Chunks"/>.</summary>
    public Tensor Vectors => vectors;

    public int Count => rows.Count;

    SqliteConnection OpenStore(out string? problem)
    {
        problem = null;
        try { return TryOpen(); }
        catch (Exception e) when (e is SqliteException or InvalidDataException)
        {
            var aside = StorePath + ".broken-" + Enumerable.Range(1, 1000).First(i => !File.Exists(StorePath + ".broken-" + i));
            SqliteConnection.ClearAllPools();
            File.Move(StorePath, aside);
            problem = $"Index file '{StorePath}': {e.Message.TrimEnd('.')}; it was moved to '{Path.GetFileName(aside)}' and the index is rebuilt from the chunks.";
            return TryOpen();
        }
    }

    SqliteConnection TryOpen()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StorePath, Pooling = false }.ToString());
        try
        {
            c.Open();
            Execute(c, "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            Execute(c, "CREATE TABLE IF NOT EXISTS chunks (row INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, document TEXT NOT NULL, heading TEXT NOT NULL, " +
                       "section TEXT NOT NULL, body TEXT NOT NULL, hash TEXT NOT NULL, vector BLOB NOT NULL)");
            var stored = Scalar(c, "SELECT value FROM meta WHERE key = 'embedder'");
            var expected = $"{embedder.Name}/{embedder.Dimension}";
            if (stored is null) Execute(c, $"INSERT INTO meta VALUES ('embedder', '{expected.Replace("'", "''")}')");
            else if (stored != expected)
                throw new InvalidDataException($"it was made with the embedder {stored}, not {expected}");
            return c;
        }
        catch { c.Dispose(); throw; }
    }

    void Load()
    {
        rows = [];
        var data = new List<float>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT row, id, document, heading, section, body, vector FROM chunks ORDER BY row";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), new Chunk(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5))));
            var blob = (byte[])reader.GetValue(6);
            if (blob.Length != embedder.Dimension * sizeof(float))
                throw new InvalidDataException($"Index file '{StorePath}': chunk {reader.GetString(1)} has a vector of {blob.Length} bytes, not {embedder.Dimension * 4}.");
            var v = new float[embedder.Dimension];
            Buffer.BlockCopy(blob, 0, v, 0, blob.Length);
            data.AddRange(v);
        }
        vectors.Dispose();
        vectors = tensor(data.ToArray(), [rows.Count, embedder.Dimension]);
    }

    /// <summary>
    /// Makes the index hold exactly <paramref name="chunks"/>: rows whose id and content hash are unchanged are kept
    /// with their vectors, changed or new chunks are embedded, chunks no longer present are removed; the HNSW file is
    /// rebuilt when anything changed or when it is missing, truncated or does not match the store.
    /// </summary>
    public IndexSync Sync(IReadOnlyList<Chunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var dup = chunks.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"Chunk id '{dup.Key}' occurs {dup.Count()} times; ids must be unique.", nameof(chunks));
        var stored = new Dictionary<string, string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id, hash FROM chunks";
            using var r = cmd.ExecuteReader();
            while (r.Read()) stored[r.GetString(0)] = r.GetString(1);
        }
        var wanted = chunks.ToDictionary(c => c.Id);
        var removed = stored.Keys.Where(id => !wanted.ContainsKey(id)).ToArray();
        var changed = chunks.Where(c => !stored.TryGetValue(c.Id, out var h) || h != c.ContentHash).ToArray();
        using (var tx = connection.BeginTransaction())
        {
            foreach (var id in removed.Concat(changed.Select(c => c.Id)))
            {
                using var del = connection.CreateCommand();
                del.CommandText = "DELETE FROM chunks WHERE id = $id";
                del.Parameters.AddWithValue("$id", id);
                del.ExecuteNonQuery();
            }
            if (changed.Length > 0)
            {
                using var scope = NewDisposeScope();
                var v = embedder.Embed(changed.Select(c => c.Text).ToArray()).cpu().contiguous().data<float>().ToArray();
                for (int i = 0; i < changed.Length; i++)
                {
                    var c = changed[i];
                    var blob = new byte[embedder.Dimension * sizeof(float)];
                    Buffer.BlockCopy(v, i * blob.Length, blob, 0, blob.Length);
                    using var ins = connection.CreateCommand();
                    ins.CommandText = "INSERT INTO chunks (id, document, heading, section, body, hash, vector) VALUES ($id, $doc, $head, $sec, $body, $hash, $vec)";
                    ins.Parameters.AddWithValue("$id", c.Id);
                    ins.Parameters.AddWithValue("$doc", c.Document);
                    ins.Parameters.AddWithValue("$head", c.HeadingPath);
                    ins.Parameters.AddWithValue("$sec", c.Section);
                    ins.Parameters.AddWithValue("$body", c.Body);
                    ins.Parameters.AddWithValue("$hash", c.ContentHash);
                    ins.Parameters.AddWithValue("$vec", blob);
                    ins.ExecuteNonQuery();
                }
            }
            tx.Commit();
        }
        Load();
        string? problem = null;
        bool rebuild = changed.Length > 0 || removed.Length > 0;
        graph?.Dispose(); graph = null;
        if (!rebuild)
        {
            try { graph = HnswIndex.Load(GraphPath, embedder.Dimension, rows.Count, settings); }
            catch (IndexFileException e) { problem = e.Message; rebuild = true; }
        }
        if (rebuild) RebuildGraph();
        return new IndexSync(changed.Length, chunks.Count - changed.Length, removed.Length, rebuild, problem ?? OpenProblem);
    }

    void RebuildGraph()
    {
        graph?.Dispose();
        graph = new HnswIndex(embedder.Dimension, settings);
        graph.Add(vectors, rows.Select((_, i) => (long)i).ToArray());
        // Written next to the store and then moved over the old file, so a crash never leaves half a graph.
        var temp = GraphPath + ".tmp";
        graph.Save(temp);
        File.Move(temp, GraphPath, overwrite: true);
    }

    /// <summary>
    /// The <paramref name="k"/> best chunks for <paramref name="query"/>: through the HNSW graph, or exactly (one
    /// matrix product) when <paramref name="filter"/> keeps only some chunks, for example
    /// <c>c =&gt; string.CompareOrdinal(c.Document, "09") &gt;= 0 &amp;&amp; string.CompareOrdinal(c.Document, "14") &lt; 0</c> for notebooks 09-13.
    /// </summary>
    public IReadOnlyList<(Chunk Chunk, float Score)> Search(string query, int k, Func<Chunk, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (graph is null) throw new InvalidOperationException("The index has not been synchronised: call Sync(chunks) first.");
        if (rows.Count == 0) return [];
        using var scope = NewDisposeScope();
        var q = embedder.Embed([query]).cpu();
        SearchHit[] hits;
        if (filter is null) hits = graph.Search(q, k)[0];
        else
        {
            using var exact = new ExactSearch(vectors);
            var mask = tensor(rows.Select(r => filter(r.Chunk)).ToArray());
            hits = exact.Search(q, k, mask)[0];
        }
        return hits.Select(h => (rows[(int)h.Key].Chunk, h.Score)).ToArray();
    }

    static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    static string? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() as string;
    }

    public void Dispose()
    {
        graph?.Dispose();
        vectors.Dispose();
        connection.Dispose();
    }
}

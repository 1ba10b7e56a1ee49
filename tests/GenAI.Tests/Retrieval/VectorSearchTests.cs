using GenAI.Retrieval;
using static TorchSharp.torch;

namespace GenAI.Tests.Retrieval;

public class VectorSearchTests
{
    [Fact]
    public void Exact_search_ranks_by_cosine_with_a_hand_worked_example()
    {
        using var scope = NewDisposeScope();
        // Stored: e0, e1, (e0 + e1)/√2. Query e0: cosines 1, 0, 0.7071.
        var stored = tensor(new float[] { 1, 0, 0, 1, 1, 1 }, [3, 2]);
        using var exact = new ExactSearch(stored);
        var hits = exact.Search(tensor(new float[] { 1, 0 }, [1, 2]), 3)[0];
        Assert.Equal([0L, 2L, 1L], hits.Select(h => h.Key));
        Assert.Equal(1f, hits[0].Score, 5);
        Assert.Equal(0.70710677f, hits[1].Score, 5);
        // A metadata filter that drops row 0.
        var filtered = exact.Search(tensor(new float[] { 1, 0 }, [1, 2]), 3, tensor(new[] { false, true, true }))[0];
        Assert.Equal([2L, 1L], filtered.Select(h => h.Key));
    }

    [Fact]
    public void Exact_search_names_a_wrong_query_shape()
    {
        using var scope = NewDisposeScope();
        using var exact = new ExactSearch(randn(5, 4));
        var e = Assert.Throws<ArgumentException>(() => exact.Search(randn(2, 3), 1));
        Assert.Contains("[Q, 4]", e.Message);
    }

    [Fact]
    public void Hnsw_finds_the_exact_neighbours_on_random_vectors_and_survives_save_and_load()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var data = nn.functional.normalize(randn(2000, 32), dim: 1);
        var queries = nn.functional.normalize(randn(50, 32), dim: 1);
        using var exact = new ExactSearch(data);
        using var hnsw = new HnswIndex(32);
        hnsw.Add(data);
        Assert.Equal(2000, hnsw.Count);
        var recall = hnsw.RecallAgainst(exact, queries, 10);
        Assert.True(recall >= 0.95, $"HNSW recall@10 {recall} against exact search");
        // A stored vector finds itself with cosine 1.
        var self = hnsw.Search(data.narrow(0, 7, 1), 1)[0][0];
        Assert.Equal(7, self.Key);
        Assert.Equal(1f, self.Score, 4);
        var path = Path.Combine(Path.GetTempPath(), $"hnsw-{Guid.NewGuid():N}.usearch");
        try
        {
            hnsw.Save(path);
            using var loaded = HnswIndex.Load(path, 32, 2000);
            Assert.Equal(hnsw.Search(queries, 5).Select(r => r.Select(h => h.Key).ToArray()), loaded.Search(queries, 5).Select(r => r.Select(h => h.Key).ToArray()));
            Assert.Contains("holds 32-dimensional", Assert.Throws<IndexFileException>(() => HnswIndex.Load(path, 16)).Message);
            Assert.Contains("2000 vectors", Assert.Throws<IndexFileException>(() => HnswIndex.Load(path, 32, 10)).Message);
            File.WriteAllBytes(path, File.ReadAllBytes(path).Take(100).ToArray());
            Assert.Contains(path, Assert.Throws<IndexFileException>(() => HnswIndex.Load(path, 32)).Message);
        }
        finally { File.Delete(path); }
        Assert.Contains("missing", Assert.Throws<IndexFileException>(() => HnswIndex.Load(path, 32)).Message);
    }
}

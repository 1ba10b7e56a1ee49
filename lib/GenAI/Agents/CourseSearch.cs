using GenAI.Retrieval;

namespace GenAI.Agents;

/// <summary>A hit of the course search: the chunk (its notebook, section and citation), its BM25 score and its rank (1 = best).</summary>
public sealed record CourseHit(Chunk Chunk, float Score, int Rank)
{
    /// <summary>The notebook's file stem, for example "19-diffusion-ddpm-ddim".</summary>
    public string Notebook => Chunk.Document;
}

/// <summary>
/// The agent's retrieval tool: notebook 22's keyword retriever, unchanged. The course's notebooks
/// (<see cref="CourseCorpus.LoadNotebooks"/>: markdown as it is, code cells fenced) are cut into one chunk per section
/// (<see cref="Chunking.ByHeading"/>, 200 words with 40 of overlap, as notebook 22 does) and ranked by
/// <see cref="Bm25"/> (Lucene's BM25, k1 = 1.2, b = 0.75). A chunk's text starts with "notebook | heading path",
/// so "diffusion" also finds 19-diffusion-ddpm-ddim by its name. The tool answers with the best chunk's citation,
/// "[19-diffusion-ddpm-ddim §3 · ...]": the notebook and the section to read.
/// </summary>
public sealed class CourseSearch : IDisposable
{
    readonly Bm25 bm25;

    public CourseSearch(IReadOnlyList<Chunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        if (chunks.Count == 0) throw new ArgumentException("The course search needs at least one chunk.", nameof(chunks));
        Chunks = chunks;
        Notebooks = chunks.Select(c => c.Document).Distinct().ToList();
        bm25 = new Bm25(chunks.Select(c => c.Text).ToList());
    }

    /// <summary>The chunks searched, in the corpus's order.</summary>
    public IReadOnlyList<Chunk> Chunks { get; }

    /// <summary>The notebooks the chunks come from (file stems), in the corpus's order.</summary>
    public IReadOnlyList<string> Notebooks { get; }

    /// <summary>
    /// The course's notebooks (every notebooks/NN-*.ipynb under <paramref name="root"/>; default: the repository found
    /// upwards from the current directory), chunked by heading.
    /// </summary>
    public static CourseSearch FromCourse(string? root = null) =>
        new(Chunking.ByHeading(CourseCorpus.LoadNotebooks(Path.Combine(root ?? FindRoot(), "notebooks")), maxWords: 200, overlap: 40));

    /// <summary>The repository root: the nearest folder upwards from the current directory that holds notebooks/ and lib/GenAI/.</summary>
    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "notebooks")) && Directory.Exists(Path.Combine(dir.FullName, "lib", "GenAI")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No repository (a folder with notebooks/ and lib/GenAI/) above {Directory.GetCurrentDirectory()}.");
    }

    /// <summary>The <paramref name="k"/> best chunks for <paramref name="query"/> by BM25; none when no word of the query occurs in the course.</summary>
    public IReadOnlyList<CourseHit> Search(string query, int k = 3)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        return bm25.Search(query, k).Select((h, i) => new CourseHit(Chunks[(int)h.Key], h.Score, i + 1)).ToList();
    }

    /// <summary>The tool: the citation of the best section, "[notebook §section]", or a sentence saying nothing matched.</summary>
    [System.ComponentModel.Description("Searches the course's notebooks and returns the best matching section as [notebook §section].")]
    public string Lookup([System.ComponentModel.Description("a topic, for example diffusion")] string query)
    {
        var hits = Search(query, 1);
        return hits.Count == 0 ? $"no notebook matches '{query}'" : hits[0].Chunk.Citation;
    }

    public void Dispose() => bm25.Dispose();
}

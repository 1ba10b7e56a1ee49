using System.Text.Json;
using System.Text.RegularExpressions;
using GenAI.Text;
using static TorchSharp.torch;

namespace GenAI.Agents;

/// <summary>One document of the course search: a notebook's file stem ("19-diffusion-ddpm-ddim") and its text.</summary>
public sealed record CourseDocument(string Id, string Text);

/// <summary>A search hit: the document, its cosine score and rank (1 = best).</summary>
public sealed record SearchHit(string Id, double Score, int Rank);

/// <summary>
/// The agent's retrieval tool: TF-IDF vectors (GenAI.Text.TfIdf, scikit-learn's weighting, unit rows) of the
/// course's documents, ranked by cosine to the query with one matrix product in libtorch. The document id
/// (its file stem) counts as text too, so "diffusion" finds 19-diffusion-ddpm-ddim. Notebook 22 builds the
/// full retrieval stack (dense, BM25, hybrid); this is the small keyword search an agent needs.
/// </summary>
public sealed class CourseSearch : IDisposable
{
    static readonly Regex Word = new("[a-z0-9]+", RegexOptions.Compiled);
    readonly TfIdf tfidf;
    readonly Tensor matrix;   // [N, V], unit rows

    public IReadOnlyList<CourseDocument> Documents { get; }

    public CourseSearch(IReadOnlyList<CourseDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0) throw new ArgumentException("The search needs at least one document.", nameof(documents));
        Documents = documents;
        var (model, weights) = TfIdf.FitTransform(documents.Select(d => (IReadOnlyList<string>)Words(d.Id + " " + d.Id + " " + d.Text)).ToList(), TfIdfOptions.ScikitLearn);
        tfidf = model;
        matrix = weights;
    }

    /// <summary>Lower-case words of letters and digits (the same for documents and queries).</summary>
    public static List<string> Words(string text) => Word.Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    /// <summary>
    /// The course's notebooks as documents: every notebooks/NN-*.ipynb under <paramref name="root"/> (default: the
    /// repository found upwards from the current directory), its markdown cells as text.
    /// </summary>
    public static CourseSearch FromCourse(string? root = null)
    {
        root ??= FindRoot();
        var folder = Path.Combine(root, "notebooks");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No notebooks folder at {folder}; pass the repository root.");
        var docs = new List<CourseDocument>();
        foreach (var file in Directory.GetFiles(folder, "*.ipynb").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var text = string.Join("\n", json.RootElement.GetProperty("cells").EnumerateArray()
                .Where(c => c.GetProperty("cell_type").GetString() == "markdown")
                .Select(c => c.GetProperty("source").ValueKind == JsonValueKind.Array
                    ? string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString()))
                    : c.GetProperty("source").GetString()));
            docs.Add(new CourseDocument(Path.GetFileNameWithoutExtension(file), text));
        }
        return new CourseSearch(docs);
    }

    /// <summary>The repository root: the nearest folder upwards from the current directory that holds notebooks/ and lib/GenAI/.</summary>
    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "notebooks")) && Directory.Exists(Path.Combine(dir.FullName, "lib", "GenAI")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No repository (a folder with notebooks/ and lib/GenAI/) above {Directory.GetCurrentDirectory()}.");
    }

    /// <summary>The <paramref name="k"/> best documents for <paramref name="query"/> (cosine of TF-IDF vectors); none when no word of the query is known.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int k = 3)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        using var scope = NewDisposeScope();
        var q = tfidf.Transform([Words(query)]);            // [1, V], unit row (or zeros)
        var scores = matrix.mm(q.t()).squeeze(1);            // [N] cosines
        var (values, indices) = scores.topk(Math.Min(k, Documents.Count));
        var v = values.data<double>().ToArray();
        var ix = indices.data<long>().ToArray();
        var hits = new List<SearchHit>();
        for (int i = 0; i < ix.Length; i++)
            if (v[i] > 0) hits.Add(new SearchHit(Documents[(int)ix[i]].Id, v[i], hits.Count + 1));
        return hits;
    }

    /// <summary>The tool: the id of the best document, or a sentence saying nothing matched.</summary>
    [System.ComponentModel.Description("Searches the course's notebooks and returns the best matching notebook.")]
    public string Lookup([System.ComponentModel.Description("a topic, for example diffusion")] string query)
    {
        var hits = Search(query, 1);
        return hits.Count == 0 ? $"no notebook matches '{query}'" : hits[0].Id;
    }

    public void Dispose()
    {
        tfidf.Dispose();
        matrix.Dispose();
    }
}

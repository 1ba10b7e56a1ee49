using GenAI.Agents;
using GenAI.Retrieval;

namespace GenAI.Tests.Agents;

public class CourseSearchTests
{
    static IReadOnlyList<Chunk> Chunks() => Chunking.ByHeading([
        new("05-bigram-language-model", "# 05 · Bigrams\n\n## 1 · Counting\n\ncount pairs of characters\n\n## 2 · Sampling\n\nsample the next character"),
        new("17-variational-autoencoder", "# 17 · VAEs\n\n## 1 · The KL term\n\na latent space we can sample, the KL term"),
        new("19-diffusion-ddpm-ddim", "# 19 · Diffusion\n\n## 1 · Noise\n\nadd noise, learn to remove noise"),
    ]);

    [Fact]
    public void The_section_that_holds_the_query_words_ranks_first_and_the_tool_cites_it()
    {
        using var s = new CourseSearch(Chunks());
        var hits = s.Search("remove the noise", 3);
        Assert.Equal("19-diffusion-ddpm-ddim", hits[0].Notebook);
        Assert.Equal("19-diffusion-ddpm-ddim §1 · Noise", hits[0].Chunk.SectionId);
        Assert.Equal(1, hits[0].Rank);
        Assert.Equal("[17-variational-autoencoder §1 · The KL term]", s.Lookup("KL term"));
        // "sample" is in two sections of two notebooks: both are hits, and only those
        Assert.Equal(["05-bigram-language-model §2 · Sampling", "17-variational-autoencoder §1 · The KL term"],
            s.Search("sample", 5).Select(h => h.Chunk.SectionId).Order(StringComparer.Ordinal));
        Assert.Equal(["05-bigram-language-model", "17-variational-autoencoder", "19-diffusion-ddpm-ddim"], s.Notebooks);
    }

    [Fact]
    public void The_scores_are_notebook_22s_bm25_over_the_chunks()
    {
        var chunks = Chunks();
        using var s = new CourseSearch(chunks);
        using var bm25 = new Bm25(chunks.Select(c => c.Text).ToList());
        using var reference = bm25.Scores("noise character");
        var hits = s.Search("noise character", chunks.Count);
        foreach (var h in hits)
            Assert.Equal(reference[chunks.ToList().IndexOf(h.Chunk)].item<float>(), h.Score, 5);
        Assert.Equal(reference.max().item<float>(), hits[0].Score, 5);
    }

    [Fact]
    public void Unknown_words_find_nothing_and_say_so()
    {
        using var s = new CourseSearch(Chunks());
        Assert.Empty(s.Search("zebra"));
        Assert.Equal("no notebook matches 'zebra'", s.Lookup("zebra"));
        Assert.Throws<ArgumentException>(() => new CourseSearch([]));
    }

    [Fact]
    public void The_course_notebooks_are_found_from_the_repository()
    {
        using var s = CourseSearch.FromCourse();
        Assert.Contains("10-gpt-from-scratch", s.Notebooks);
        Assert.Equal("[19-diffusion-ddpm-ddim §6 · Ancestral sampling: from noise to an image]", s.Lookup("ancestral"));
        Assert.StartsWith("[20-guidance-latent-diffusion §", s.Lookup("guidance"));
    }

    // Questions of notebook 22's labelled set (datasets/rag/course-questions.json) whose section BM25 ranks first.
    [Theory]
    [InlineData("q21")]   // How does TF-IDF weigh the words of a document?
    [InlineData("q31")]   // What do the forget, input and output gates of an LSTM decide?
    [InlineData("q45")]   // How does the KV cache speed up generation?
    [InlineData("q68")]   // Why does the cosine schedule work better than the linear schedule with only 200 steps?
    [InlineData("q74")]   // UNet.cs
    public void The_tool_returns_the_labelled_section_for_course_questions(string id)
    {
        var root = CourseSearch.FindRoot();
        var question = QuestionSet.Load(Path.Combine(root, "datasets", "rag", "course-questions.json")).Single(q => q.Id == id);
        using var s = CourseSearch.FromCourse(root);
        Assert.Equal($"[{question.SectionId}]", s.Lookup(question.Question));
    }
}

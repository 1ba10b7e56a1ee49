using GenAI.Retrieval;

namespace GenAI.Tests.Retrieval;

public class ChunkingTests
{
    static readonly SourceDocument Doc = new("09-x",
        "# 09 · Title\nintro words here\n\n## 1 · Attention\none two three four five six seven\n```csharp\n# not a heading\nvar x = 1;\n```\n### Detail\neight nine\n## 2 · Masks\nten eleven twelve\n");

    [Fact]
    public void By_heading_gives_one_chunk_per_section_with_its_heading_path()
    {
        var chunks = Chunking.ByHeading([Doc], maxWords: 100, overlap: 0);
        Assert.Equal(["09 · Title", "09 · Title > 1 · Attention", "09 · Title > 1 · Attention > Detail", "09 · Title > 2 · Masks"], chunks.Select(c => c.HeadingPath));
        // The code cell's "# not a heading" stays in section 1; the level-3 heading keeps the level-2 section.
        Assert.Contains("# not a heading", chunks[1].Body);
        Assert.Equal("09 · Title > 1 · Attention", chunks[2].Section);
        Assert.Equal("09-x §1 · Attention", chunks[2].SectionId);
        Assert.Equal("[09-x §2 · Masks]", chunks[3].Citation);
        Assert.StartsWith("09-x | 09 · Title > 2 · Masks\n", chunks[3].Text);
        Assert.Equal(["09-x#0", "09-x#1", "09-x#2", "09-x#3"], chunks.Select(c => c.Id));
    }

    [Fact]
    public void Fixed_size_windows_share_the_overlap()
    {
        var doc = new SourceDocument("d", string.Join(' ', Enumerable.Range(1, 10).Select(i => $"w{i}")));
        var chunks = Chunking.FixedSize([doc], size: 4, overlap: 1);
        // Starts every 3 words: w1-w4, w4-w7, w7-w10.
        Assert.Equal(["w1 w2 w3 w4", "w4 w5 w6 w7", "w7 w8 w9 w10"], chunks.Select(c => c.Body));
        Assert.Equal(["w1 w2 w3 w4 w5", "w6 w7 w8 w9 w10"], Chunking.FixedSize([doc], 5).Select(c => c.Body));
    }

    [Fact]
    public void Long_sections_are_cut_and_whole_documents_are_truncated()
    {
        var byHeading = Chunking.ByHeading([Doc], maxWords: 4, overlap: 2);
        var section1 = byHeading.Where(c => c.HeadingPath == "09 · Title > 1 · Attention").ToArray();
        Assert.True(section1.Length > 1);
        Assert.All(byHeading, c => Assert.True(c.WordCount <= 4));
        var whole = Chunking.WholeDocument([Doc], maxWords: 3);
        Assert.Single(whole);
        Assert.Equal("# 09 ·", whole[0].Body);
    }

    [Fact]
    public void Content_hash_changes_with_the_text_only()
    {
        var a = new Chunk("d#0", "d", "h", "h", "body");
        Assert.Equal(a.ContentHash, (a with { Id = "other" }).ContentHash);
        Assert.NotEqual(a.ContentHash, (a with { Body = "body!" }).ContentHash);
    }

    [Fact]
    public void Bad_sizes_are_named()
    {
        Assert.Contains("overlap", Assert.Throws<ArgumentException>(() => Chunking.FixedSize([Doc], 4, 4)).Message);
        Assert.Contains("at least 1 word", Assert.Throws<ArgumentException>(() => Chunking.ByHeading([Doc], 0, 0)).Message);
    }

    [Fact]
    public void The_course_notebooks_load_as_documents()
    {
        var folder = Path.Combine(CourseRoot(), "notebooks");
        var docs = CourseCorpus.LoadNotebooks(folder, n => n.StartsWith("05"));
        Assert.Single(docs);
        Assert.Equal("05-bigram-language-model", docs[0].Name);
        Assert.Contains("```csharp", docs[0].Text);
        var chunks = Chunking.ByHeading(docs);
        Assert.Contains(chunks, c => c.SectionId == "05-bigram-language-model §6 · Perplexity");
    }

    internal static string CourseRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Notebooks.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Notebooks.sln not found above the test folder.");
    }
}

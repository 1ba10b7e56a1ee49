using System.IO.Compression;
using GenAI.Data;

namespace GenAI.Tests.Data;

public class TextCorpusTests
{
    static string Decompressed()
    {
        using var gzip = new GZipStream(File.OpenRead(BundledFiles.Austen.PathIn()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Austen_corpus_is_over_a_megabyte_of_the_six_novels()
    {
        string text = TextCorpus.LoadAusten();
        Assert.Equal(Decompressed(), text);
        Assert.True(text.Length > 4_000_000, $"only {text.Length} characters");
        Assert.StartsWith("SENSE AND SENSIBILITY", text);
        Assert.Contains("It is a truth universally acknowledged", text);
        // The six titles, in publication order.
        string[] titles = ["SENSE AND SENSIBILITY", "PRIDE AND PREJUDICE", "MANSFIELD PARK", "EMMA", "NORTHANGER ABBEY", "Persuasion\n"];
        var positions = titles.Select(t => text.IndexOf(t, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Max_characters_reads_a_prefix()
    {
        Assert.Equal(Decompressed()[..1000], TextCorpus.LoadAusten(maxCharacters: 1000));
    }

    [Fact]
    public void Contiguous_split_keeps_order_and_cuts_at_line_starts()
    {
        string text = TextCorpus.LoadAusten(maxCharacters: 100_000);
        var parts = TextCorpus.SplitContiguous(text);
        Assert.Equal(text, parts.Train + parts.Validation + parts.Test);
        Assert.EndsWith("\n", parts.Train);
        Assert.EndsWith("\n", parts.Validation);
        // 80 / 10 / 10, give or take the rest of a line (< 100 characters here).
        Assert.InRange(parts.Train.Length, 80_000, 80_100);
        Assert.InRange(parts.Validation.Length, 9_900, 10_100);
    }
}

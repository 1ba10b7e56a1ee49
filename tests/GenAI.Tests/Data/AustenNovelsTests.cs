using GenAI.Data;

namespace GenAI.Tests.Data;

public class AustenNovelsTests
{
    const string Tiny = "SENSE AND SENSIBILITY\n\nsense one two three four\nfive six\n\nPRIDE AND PREJUDICE\npride words here\nMANSFIELD PARK\nmp a b c\nEMMA\nemma x y\n"
        + "NORTHANGER ABBEY\nna q r\nPersuasion\nlast one two";

    [Fact]
    public void Split_cuts_at_each_title_line_in_order()
    {
        var novels = AustenNovels.Split(Tiny);
        Assert.Equal(AustenNovels.Titles, novels.Select(n => n.Title));
        Assert.Equal([0, 1, 2, 3, 4, 5], novels.Select(n => n.Label));
        Assert.Equal("SENSE AND SENSIBILITY\n\nsense one two three four\nfive six", novels[0].Text);
        Assert.Equal("EMMA\nemma x y", novels[3].Text);
        Assert.Equal("Persuasion\nlast one two", novels[5].Text);
    }

    [Fact]
    public void Split_names_a_missing_title()
    {
        var e = Assert.Throws<ArgumentException>(() => AustenNovels.Split(Tiny.Replace("EMMA\n", "")));
        Assert.Contains("\"EMMA\"", e.Message);
    }

    [Fact]
    public void The_bundled_corpus_has_six_novels_that_start_with_their_first_sentences()
    {
        var novels = AustenNovels.Load();
        Assert.Equal(6, novels.Count);
        Assert.Contains("The family of Dashwood had long been settled in Sussex", novels[0].Text);
        Assert.Contains("It is a truth universally acknowledged", novels[1].Text[..2000]);
        Assert.DoesNotContain("It is a truth universally acknowledged", novels[0].Text);
        Assert.Contains("Emma Woodhouse, handsome, clever, and rich", novels[3].Text[..2000]);
        Assert.Contains("Sir Walter Elliot", novels[5].Text[..2000]);
        Assert.All(novels, n => Assert.True(n.Text.Length > 400_000, $"{n.Title}: {n.Text.Length} characters"));
    }

    [Fact]
    public void Passages_are_balanced_disjoint_and_from_their_stretch()
    {
        var novels = AustenNovels.Split(string.Join("\n", AustenNovels.Titles.Select((t, i) =>
            t.ToUpperInvariant() + "\n" + string.Join(' ', Enumerable.Range(0, 100).Select(k => $"n{i}w{k}")))));
        // the title is word 0 (1 to 3 words); words of novel i are n{i}w0..n{i}w99
        var train = AustenNovels.Passages(novels, words: 5, perNovel: 4, seed: 1, from: 0, to: 0.5);
        var test = AustenNovels.Passages(novels, words: 5, perNovel: 4, seed: 1, from: 0.5, to: 1);
        Assert.Equal(24, train.Count);
        Assert.Equal(Enumerable.Range(0, 6).SelectMany(l => Enumerable.Repeat(l, 4)), train.Select(p => p.Label));
        Assert.All(train.Concat(test), p => Assert.Equal(5, p.Text.Split(' ').Length));
        Assert.All(train.Concat(test), p => Assert.All(p.Text.Split(' ').Where(w => w.StartsWith('n')), w => Assert.StartsWith($"n{p.Label}w", w)));
        var trainWords = train.SelectMany(p => p.Text.Split(' ')).ToList();
        Assert.Equal(trainWords.Count, trainWords.Distinct().Count());                      // no overlap inside a set
        Assert.Empty(trainWords.Intersect(test.SelectMany(p => p.Text.Split(' '))));          // nor between the stretches
        Assert.Equal(train, AustenNovels.Passages(novels, 5, 4, 1, 0, 0.5));                  // same seed, same passages
        Assert.NotEqual(train, AustenNovels.Passages(novels, 5, 4, 2, 0, 0.5));
        var e = Assert.Throws<ArgumentException>(() => AustenNovels.Passages(novels, 5, 40, 1, 0, 0.5));
        Assert.Contains("blocks of 5 words", e.Message);
    }

    [Fact]
    public void Stretches_are_the_chosen_fraction_of_each_novel()
    {
        var novels = AustenNovels.Split(Tiny);
        var first = AustenNovels.Stretches(novels, 0, 0.5);
        Assert.Equal("SENSE AND SENSIBILITY sense one", first[0]);   // 10 words, first 5
        Assert.Equal("Persuasion last", first[5]);                    // 4 words, first 2
    }
}

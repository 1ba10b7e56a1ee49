namespace GenAI.Data;

/// <summary>One of the six novels of the Austen corpus: its title, its label (0..5, publication order) and its text.</summary>
public sealed record Novel(string Title, int Label, string Text);

/// <summary>A passage of running text and the novel it comes from (its label, 0..5).</summary>
public sealed record LabelledPassage(string Text, int Label);

/// <summary>
/// The bundled corpus cut into its six novels, and a labelled text task made from them: which novel does a passage
/// of running text come from? Six classes, balanced, so a guess is right one time in six. Passages are drawn from a
/// chosen stretch of each novel (for example the first 80 % for training, the last 20 % held out), so that training
/// and test passages never overlap.
/// </summary>
public static class AustenNovels
{
    /// <summary>The titles in the corpus's (publication) order; a title's index is its label.</summary>
    public static IReadOnlyList<string> Titles { get; } =
        ["Sense and Sensibility", "Pride and Prejudice", "Mansfield Park", "Emma", "Northanger Abbey", "Persuasion"];

    /// <summary>The six novels of the bundled corpus (checksum verified).</summary>
    public static IReadOnlyList<Novel> Load(string? datasetsDirectory = null) => Split(TextCorpus.LoadAusten(null, datasetsDirectory));

    /// <summary>
    /// Cuts the corpus at each novel's title line (a line that is only the title, in any case), in order; each novel
    /// runs to the next title. A missing title is an error that names it.
    /// </summary>
    public static IReadOnlyList<Novel> Split(string corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var starts = new List<int>();
        int from = 0;
        foreach (var title in Titles)
        {
            int at = FindTitleLine(corpus, title, from);
            if (at < 0)
                throw new ArgumentException($"The title line \"{title.ToUpperInvariant()}\" was not found after position {from}: is this the whole Austen corpus (datasets/austen.txt.gz)?", nameof(corpus));
            starts.Add(at);
            from = at + title.Length;
        }
        return Titles.Select((t, i) => new Novel(t, i, corpus[starts[i]..(i + 1 < starts.Count ? starts[i + 1] : corpus.Length)].Trim())).ToList();
    }

    /// <summary>
    /// <paramref name="perNovel"/> passages of <paramref name="words"/> whitespace-separated words from each novel,
    /// taken from the stretch [<paramref name="from"/>, <paramref name="to"/>) of its words (fractions of its length).
    /// The stretch is cut into consecutive blocks of that many words and the blocks are drawn without replacement
    /// (seeded), so no two passages overlap. Passages come novel by novel (labels 0, 0, ..., 5).
    /// </summary>
    public static IReadOnlyList<LabelledPassage> Passages(IReadOnlyList<Novel> novels, int words, int perNovel, int seed, double from = 0, double to = 1)
    {
        ArgumentNullException.ThrowIfNull(novels);
        if (words < 1) throw new ArgumentOutOfRangeException(nameof(words), words, "words must be at least 1.");
        if (perNovel < 1) throw new ArgumentOutOfRangeException(nameof(perNovel), perNovel, "perNovel must be at least 1.");
        if (!(from >= 0 && from < to && to <= 1))
            throw new ArgumentException($"Need 0 <= from < to <= 1; got from {from}, to {to}.", nameof(from));
        var result = new List<LabelledPassage>();
        foreach (var novel in novels)
        {
            var all = novel.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            int start = (int)(from * all.Length), end = (int)(to * all.Length);
            int blocks = (end - start) / words;
            if (blocks < perNovel)
                throw new ArgumentException(
                    $"{novel.Title} has only {blocks} blocks of {words} words in [{from}, {to}); asked for {perNovel}. Ask for fewer or shorter passages.", nameof(perNovel));
            var order = Enumerable.Range(0, blocks).ToArray();
            new Random(seed * 31 + novel.Label).Shuffle(order);
            foreach (int b in order.Take(perNovel))
                result.Add(new LabelledPassage(string.Join(' ', all, start + b * words, words), novel.Label));
        }
        return result;
    }

    /// <summary>The texts of the stretch [from, to) of every novel's words (for pretraining on the same part the classifier trains on).</summary>
    public static IReadOnlyList<string> Stretches(IReadOnlyList<Novel> novels, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(novels);
        if (!(from >= 0 && from < to && to <= 1))
            throw new ArgumentException($"Need 0 <= from < to <= 1; got from {from}, to {to}.", nameof(from));
        return novels.Select(n =>
        {
            var all = n.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            int start = (int)(from * all.Length), end = (int)(to * all.Length);
            return string.Join(' ', all, start, end - start);
        }).ToList();
    }

    static int FindTitleLine(string corpus, string title, int from)
    {
        for (int at = corpus.IndexOf(title, from, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = corpus.IndexOf(title, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            bool lineStart = at == 0 || corpus[at - 1] == '\n';
            int after = at + title.Length;
            bool lineEnd = after == corpus.Length || corpus[after] == '\n' || corpus[after] == '\r';
            if (lineStart && lineEnd) return at;
        }
        return -1;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GenAI.Retrieval;

/// <summary>
/// A text to retrieve from: a notebook of the course (its markdown cells as they are, its code cells fenced as
/// <c>```csharp</c>), a README, any markdown file. <paramref name="Name"/> is what citations show, for example
/// "19-diffusion-ddpm-ddim".
/// </summary>
public sealed record SourceDocument(string Name, string Text);

/// <summary>
/// One piece of a document that gets its own vector. <see cref="Text"/> is what embedders and BM25 see: the
/// document's name and the heading path on the first line, then the body, so a chunk that says "the schedule"
/// still tells a retriever which notebook and section it comes from. <see cref="Section"/> is the heading path
/// down to the second level (the notebook's title and its "## n · ..." section), the unit the question set is
/// labelled with.
/// </summary>
public sealed record Chunk(string Id, string Document, string HeadingPath, string Section, string Body)
{
    /// <summary>"document | heading path" on the first line, then the body.</summary>
    public string Text => HeadingPath.Length == 0 ? $"{Document}\n{Body}" : $"{Document} | {HeadingPath}\n{Body}";

    /// <summary>The citation of this chunk, "[document §section heading]".</summary>
    public string Citation => $"[{Document} §{Chunking.LastHeading(Section)}]";

    /// <summary>The section label "document §section heading" the question set uses.</summary>
    public string SectionId => $"{Document} §{Chunking.LastHeading(Section)}";

    /// <summary>SHA-256 of <see cref="Text"/> (hex, first 16 bytes): the persisted index re-embeds a chunk only when it changes.</summary>
    public string ContentHash => Chunking.Hash(Text);

    /// <summary>Number of whitespace-separated words in the body.</summary>
    public int WordCount => Chunking.Words(Body).Count;
}

/// <summary>
/// Three ways to cut documents into chunks, in words (whitespace-separated, so sizes read the same for every
/// tokenizer):
///   <see cref="WholeDocument"/>  one chunk per document (an embedder then truncates it, 256 word pieces for MiniLM);
///   <see cref="FixedSize"/>      windows of <c>size</c> words that start every <c>size − overlap</c> words;
///   <see cref="ByHeading"/>      one chunk per markdown section, long sections cut into fixed-size windows.
/// Headings inside fenced code blocks are code, not headings. Each chunk carries the heading path at its first word.
/// </summary>
public static class Chunking
{
    static readonly Regex Heading = new(@"^(#{1,6})\s+(.*\S)\s*$", RegexOptions.Compiled);
    static readonly Regex Space = new(@"\s+", RegexOptions.Compiled);

    /// <summary>One chunk per document; with <paramref name="maxWords"/> &gt; 0 the body keeps its first maxWords words.</summary>
    public static IReadOnlyList<Chunk> WholeDocument(IEnumerable<SourceDocument> documents, int maxWords = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (maxWords < 0) throw new ArgumentException($"maxWords must be 0 (keep everything) or more; got {maxWords}.", nameof(maxWords));
        var chunks = new List<Chunk>();
        foreach (var doc in documents)
        {
            var words = Parse(doc);
            if (words.Count == 0) continue;
            var kept = maxWords > 0 ? words.Take(maxWords).ToList() : words;
            chunks.Add(Make(doc.Name, 0, kept[0].Path, kept[0].Path, kept));
        }
        return chunks;
    }

    /// <summary>Windows of <paramref name="size"/> words; consecutive windows share <paramref name="overlap"/> words.</summary>
    public static IReadOnlyList<Chunk> FixedSize(IEnumerable<SourceDocument> documents, int size, int overlap = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        CheckSizes(size, overlap);
        var chunks = new List<Chunk>();
        foreach (var doc in documents)
            AddWindows(chunks, doc.Name, Parse(doc), size, overlap);
        return chunks;
    }

    /// <summary>
    /// One chunk per section (a heading and the text up to the next heading of any level); a section longer than
    /// <paramref name="maxWords"/> is cut into windows of maxWords words with <paramref name="overlap"/>.
    /// </summary>
    public static IReadOnlyList<Chunk> ByHeading(IEnumerable<SourceDocument> documents, int maxWords = 256, int overlap = 32)
    {
        ArgumentNullException.ThrowIfNull(documents);
        CheckSizes(maxWords, overlap);
        var chunks = new List<Chunk>();
        foreach (var doc in documents)
        {
            var words = Parse(doc);
            int start = 0;
            while (start < words.Count)
            {
                int end = start;
                while (end < words.Count && words[end].SectionIndex == words[start].SectionIndex) end++;
                AddWindows(chunks, doc.Name, words.GetRange(start, end - start), maxWords, overlap);
                start = end;
            }
        }
        return chunks;
    }

    static void CheckSizes(int size, int overlap)
    {
        if (size < 1) throw new ArgumentException($"The chunk size must be at least 1 word; got {size}.", nameof(size));
        if (overlap < 0 || overlap >= size)
            throw new ArgumentException($"The overlap must be between 0 and size − 1 = {size - 1} words; got {overlap}.", nameof(overlap));
    }

    static void AddWindows(List<Chunk> chunks, string document, List<PlacedWord> words, int size, int overlap)
    {
        int step = size - overlap;
        for (int start = 0; start < words.Count; start += step)
        {
            var window = words.Skip(start).Take(size).ToList();
            chunks.Add(Make(document, chunks.Count(c => c.Document == document), window[0].Path, window[0].Section, window));
            if (start + size >= words.Count) break;
        }
    }

    // Words are joined by spaces, and by a line break where the source started a new line (so sentences and headings stay apart).
    static Chunk Make(string document, int index, string path, string section, IReadOnlyList<PlacedWord> words) =>
        new($"{document}#{index}", document, path, section, string.Concat(words.Select((w, i) => (i == 0 ? "" : w.LineStart ? "\n" : " ") + w.Word)));

    internal sealed record PlacedWord(string Word, string Path, string Section, int SectionIndex, bool LineStart = false);

    /// <summary>The words of a document, each with the heading path and section it falls under.</summary>
    internal static List<PlacedWord> Parse(SourceDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(doc.Text, nameof(doc.Text));
        var stack = new List<(int Level, string Title)>();
        var words = new List<PlacedWord>();
        bool inFence = false;
        int sectionIndex = 0;
        string path = "", section = "";
        foreach (var raw in doc.Text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            var m = inFence ? Match.Empty : Heading.Match(line);
            if (m.Success)
            {
                int level = m.Groups[1].Length;
                stack.RemoveAll(h => h.Level >= level);
                stack.Add((level, m.Groups[2].Value));
                path = string.Join(" > ", stack.Select(h => h.Title));
                section = string.Join(" > ", stack.Where(h => h.Level <= 2).Select(h => h.Title));
                sectionIndex++;
            }
            bool first = true;
            foreach (var w in Words(line))
            {
                words.Add(new PlacedWord(w, path, section, sectionIndex, first));
                first = false;
            }
        }
        return words;
    }

    /// <summary>The whitespace-separated words of a text: the unit every chunk size is measured in.</summary>
    public static List<string> Words(string text) =>
        Space.Split(text).Where(w => w.Length > 0).ToList();

    /// <summary>The last heading of a heading path "a > b > c" (c), or the path itself.</summary>
    public static string LastHeading(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        int i = path.LastIndexOf(" > ", StringComparison.Ordinal);
        return i < 0 ? path : path[(i + 3)..];
    }

    internal static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)).ToLowerInvariant();
}

using System.Text;
using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace GenAI.Retrieval;

/// <summary>The prompt of retrieval-augmented generation: the chunks with their citations, then the question.</summary>
public static class RagPrompt
{
    /// <summary>
    /// "Lost in the middle" (Liu et al., 2023): language models use what stands at the start and the end of a long
    /// context better than what stands in its middle, so the best chunks go first and last. Ranks 1, 2, 3, 4, 5
    /// become the order 1, 3, 5, 4, 2: odd ranks from the front, even ranks from the back.
    /// </summary>
    public static IReadOnlyList<T> LostInTheMiddleOrder<T>(IReadOnlyList<T> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var front = ranked.Where((_, i) => i % 2 == 0);
        var back = ranked.Where((_, i) => i % 2 == 1).Reverse();
        return front.Concat(back).ToArray();
    }

    /// <summary>The prompt: an instruction to answer from the sources only and cite them, each chunk under its citation, the question last.</summary>
    public static string Build(string question, IReadOnlyList<Chunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(chunks);
        var sb = new StringBuilder();
        sb.AppendLine("Answer the question from the sources below only. After every sentence, cite the source it comes from as [notebook §section].");
        sb.AppendLine("If the sources do not answer it, say so.");
        sb.AppendLine();
        foreach (var c in chunks)
        {
            sb.AppendLine($"Source {c.Citation}:");
            sb.AppendLine(c.Body);
            sb.AppendLine();
        }
        sb.Append("Question: ").AppendLine(question);
        sb.Append("Answer:");
        return sb.ToString();
    }
}

/// <summary>One sentence of an answer and the citations it carries.</summary>
public sealed record AnswerSentence(string Text, IReadOnlyList<string> Citations);

/// <summary>
/// An answer made only of sentences taken from the retrieved chunks: the <paramref name="sentences"/> sentences
/// most similar to the question (cosine under the embedder), each followed by its chunk's citation. It cannot
/// say anything the sources do not say, which makes it the honest baseline a generator is compared with.
/// </summary>
public sealed class ExtractiveAnswerer(IEmbedder embedder, int sentences = 2)
{
    public string Answer(string question, IReadOnlyList<Chunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(chunks);
        if (sentences < 1) throw new ArgumentException($"sentences must be at least 1; got {sentences}.");
        var candidates = chunks.SelectMany(c => Sentences.Split(c.Body).Select(s => (Sentence: s, Chunk: c))).DistinctBy(p => p.Sentence).ToArray();
        if (candidates.Length == 0) return "The retrieved sources contain no sentence to answer with.";
        using var scope = NewDisposeScope();
        var q = embedder.EmbedOne(question).cpu();
        var s = embedder.Embed(candidates.Select(c => c.Sentence).ToArray()).cpu().mv(q);
        var (_, ix) = s.topk(Math.Min(sentences, candidates.Length));
        return string.Join(" ", ix.data<long>().ToArray().Select(i => $"{candidates[i].Sentence} {candidates[i].Chunk.Citation}"));
    }
}

/// <summary>
/// A groundedness check: every sentence of an answer must cite a source, and one of the cited chunks must
/// contain a sentence that says nearly the same thing (cosine ≥ <see cref="Threshold"/> under the embedder).
/// A sentence that fails is flagged: it may be true, but no cited chunk supports it.
/// </summary>
public sealed class GroundednessCheck(IEmbedder embedder, double threshold = 0.6)
{
    static readonly Regex CitationPattern = new(@"\[([^\[\]]+? §[^\[\]]+)\]", RegexOptions.Compiled);
    static readonly Regex SentenceEnd = new(@"(?<=[.!?\]])\s+(?=[A-Z0-9])", RegexOptions.Compiled);

    public double Threshold => threshold;

    /// <summary>The sentences of <paramref name="answer"/> with the citations each carries ("[doc §section]").</summary>
    public static IReadOnlyList<AnswerSentence> Parse(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return SentenceEnd.Split(answer.Trim()).Where(s => s.Trim().Length > 0).Select(s =>
        {
            var cites = CitationPattern.Matches(s).Select(m => m.Groups[1].Value).ToArray();
            var text = CitationPattern.Replace(s, "").Trim();
            return new AnswerSentence(text, cites);
        }).ToArray();
    }

    /// <summary>One verdict per answer sentence: its best support among the cited chunks' sentences, and whether it reaches the threshold.</summary>
    public IReadOnlyList<(AnswerSentence Sentence, double Support, bool Grounded)> Check(string answer, IReadOnlyList<Chunk> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var result = new List<(AnswerSentence, double, bool)>();
        foreach (var sentence in Parse(answer))
        {
            var cited = sources.Where(c => sentence.Citations.Contains(c.SectionId)).ToArray();
            var support = cited.SelectMany(c => Sentences.Split(c.Body)).ToArray();
            if (support.Length == 0 || sentence.Text.Length == 0) { result.Add((sentence, 0, false)); continue; }
            using var scope = NewDisposeScope();
            var v = embedder.Embed([sentence.Text, .. support]).cpu();
            double best = v.narrow(0, 1, support.Length).mv(v[0]).max().item<float>();
            result.Add((sentence, best, best >= threshold));
        }
        return result;
    }
}

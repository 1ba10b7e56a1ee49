using System.Text.Json;

namespace GenAI.Retrieval;

/// <summary>A labelled question: the notebook section ("## n · ..." heading) that answers it, and its kind ("paraphrase" or "exact").</summary>
public sealed record LabelledQuestion(string Id, string Question, string Notebook, string Section, string Kind)
{
    /// <summary>"notebook §section", the same label as <see cref="Chunk.SectionId"/>.</summary>
    public string SectionId => $"{Notebook} §{Section}";
}

/// <summary>Recall@1, @5, @10 and MRR of one retriever over a question set.</summary>
public sealed record RetrievalScores(string Retriever, double RecallAt1, double RecallAt5, double RecallAt10, double Mrr)
{
    public override string ToString() => $"{Retriever,-28} R@1 {RecallAt1:F3}  R@5 {RecallAt5:F3}  R@10 {RecallAt10:F3}  MRR {Mrr:F3}";
}

/// <summary>The course's question set (datasets/rag/course-questions.json) and the evaluation of rankings against it.</summary>
public static class QuestionSet
{
    public static IReadOnlyList<LabelledQuestion> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"The question set '{path}' does not exist.", path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("questions").EnumerateArray().Select(q => new LabelledQuestion(
            q.GetProperty("id").GetString()!, q.GetProperty("question").GetString()!, q.GetProperty("notebook").GetString()!,
            q.GetProperty("section").GetString()!, q.GetProperty("kind").GetString()!)).ToArray();
    }

    /// <summary>A ranking of chunks as a ranking of sections: each chunk's <see cref="Chunk.SectionId"/>, first occurrence kept.</summary>
    public static IReadOnlyList<string> Sections(IEnumerable<Chunk> ranked) => ranked.Select(c => c.SectionId).Distinct().ToArray();

    /// <summary>Recall@1, @5, @10 and MRR of section rankings (one per question, in the questions' order).</summary>
    public static RetrievalScores Score(string retriever, IReadOnlyList<IReadOnlyList<string>> sectionRankings, IReadOnlyList<LabelledQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var relevant = questions.Select(q => (IReadOnlySet<string>)new HashSet<string> { q.SectionId }).ToArray();
        return new RetrievalScores(retriever,
            RetrievalMetrics.RecallAtK(sectionRankings, relevant, 1), RetrievalMetrics.RecallAtK(sectionRankings, relevant, 5),
            RetrievalMetrics.RecallAtK(sectionRankings, relevant, 10), RetrievalMetrics.MeanReciprocalRank(sectionRankings, relevant));
    }
}

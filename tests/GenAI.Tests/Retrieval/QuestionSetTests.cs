using GenAI.Retrieval;

namespace GenAI.Tests.Retrieval;

public class QuestionSetTests
{
    [Fact]
    public void The_course_question_set_has_60_or_more_questions_whose_labels_are_real_sections()
    {
        var root = ChunkingTests.CourseRoot();
        var questions = QuestionSet.Load(Path.Combine(root, "datasets", "rag", "course-questions.json"));
        Assert.True(questions.Count >= 60, $"{questions.Count} questions");
        Assert.Equal(questions.Count, questions.Select(q => q.Id).Distinct().Count());
        var sections = Chunking.ByHeading(CourseCorpus.LoadNotebooks(Path.Combine(root, "notebooks"))).Select(c => c.SectionId).ToHashSet();
        Assert.All(questions, q => Assert.Contains(q.SectionId, sections));
        Assert.All(questions, q => Assert.Contains(q.Kind, new[] { "paraphrase", "exact" }));
    }

    [Fact]
    public void Scores_are_recall_and_mrr_over_section_rankings()
    {
        LabelledQuestion[] qs = [new("q1", "?", "a", "s1", "paraphrase"), new("q2", "?", "b", "s2", "exact")];
        // q1's section comes second, q2's is not returned: recall@1 0, recall@5 0.5, MRR (1/2 + 0)/2.
        var scores = QuestionSet.Score("x", [["a §s0", "a §s1"], ["b §s9"]], qs);
        Assert.Equal((0.0, 0.5, 0.5, 0.25), (scores.RecallAt1, scores.RecallAt5, scores.RecallAt10, scores.Mrr));
        var chunks = new[] { new Chunk("1", "a", "T > s1 > x", "T > s1", "b"), new Chunk("2", "a", "T > s1", "T > s1", "c"), new Chunk("3", "a", "T > s2", "T > s2", "d") };
        Assert.Equal(["a §s1", "a §s2"], QuestionSet.Sections(chunks));
    }
}

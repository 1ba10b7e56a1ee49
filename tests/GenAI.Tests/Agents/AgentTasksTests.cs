using GenAI.Agents;

namespace GenAI.Tests.Agents;

public class AgentTasksTests
{
    [Fact]
    public void Problems_are_distinct_correct_and_avoid_the_excluded_ones()
    {
        var heldOut = AgentTasks.Arithmetic(50, 1);
        var train = AgentTasks.Arithmetic(500, 2, heldOut.Select(p => p.Expression).ToHashSet());
        Assert.Empty(train.Select(p => p.Expression).Intersect(heldOut.Select(p => p.Expression)));
        Assert.Equal(500, train.Select(p => p.Expression).Distinct().Count());
        foreach (var p in train.Take(50)) Assert.Equal((decimal)p.Answer, Calculator.Evaluate(p.Expression));
        Assert.All(train.Take(50), p => Assert.EndsWith("=" + p.Answer, p.Steps));
    }

    [Fact]
    public void Only_the_assistants_characters_are_targets()
    {
        // "\nU:1\nA:=1\n": inputs are every character but the last; the targets after "A:" are '=', '1', '\n'.
        var (x, y) = AgentTasks.TrainingExample("\nU:1\nA:=1\n");
        Assert.Equal(ToyChatFormat.Encode("\nU:1\nA:=1"), x);
        long I = -100;
        var expected = new[] { I, I, I, I, I, I, ToyChatFormat.Encode("=")[0], ToyChatFormat.Encode("1")[0], ToyChatFormat.Encode("\n")[0] };
        Assert.Equal(expected, y);
    }

    [Fact]
    public void Course_questions_point_at_the_notebook_the_search_finds()
    {
        using var search = new CourseSearch(GenAI.Retrieval.Chunking.ByHeading([
            new("05-bigram-language-model", "# 05 · Bigrams\n\n## 1 · Counting\n\ncounting pairs"),
            new("19-diffusion-ddpm-ddim", "# 19 · Diffusion\n\n## 1 · Noise\n\nnoise and denoise")]));
        var questions = AgentTasks.CourseQuestions(search);
        Assert.Contains(questions, q => q.Topic == "diffusion" && q.Number == "19" && q.Question == "notebook on diffusion?"
            && q.Citation.StartsWith("[19-diffusion-ddpm-ddim §"));
        Assert.Contains(questions, q => q.Topic == "bigram" && q.Number == "05");
        // the episode's observation is the citation the tool returns
        var episode = ToyChatFormat.RenderTranscript(AgentTasks.Episode(questions.First(q => q.Topic == "bigram")), AgentTasks.ToolNames);
        Assert.Contains("\nO:[05-bigram-language-model §", episode);
    }

    [Fact]
    public void The_mix_sets_the_kinds_of_episode_and_names_a_bad_share()
    {
        var problems = AgentTasks.Arithmetic(20, 4);
        var onlyTools = AgentTasks.Corpus(problems, [], 50, 1, new EpisodeMix(1, 0, 0, 0, 0));
        Assert.All(onlyTools, t => Assert.StartsWith("\nT:calc,search\nU:", t));
        var onlyThoughts = AgentTasks.Corpus(problems, [], 50, 1, new EpisodeMix(0, 0, 0, 0, 2));
        Assert.All(onlyThoughts, t => Assert.Contains(AgentTasks.StepsCue + "\nA:", t));
        // the default mix is the one the corpus always had
        Assert.Equal(AgentTasks.Corpus(problems, [], 50, 1), AgentTasks.Corpus(problems, [], 50, 1, EpisodeMix.Default));
        var e = Assert.Throws<ArgumentException>(() => AgentTasks.Corpus(problems, [], 5, 1, new EpisodeMix(1, -0.5, 0, 0, 0)));
        Assert.Equal("CourseWithTools", e.ParamName);
        Assert.Throws<ArgumentException>(() => AgentTasks.Corpus(problems, [], 5, 1, new EpisodeMix(0, 0, 0, 0, 0)));
    }
}

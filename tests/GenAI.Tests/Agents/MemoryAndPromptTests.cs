using GenAI.Agents;
using Microsoft.Extensions.AI;

namespace GenAI.Tests.Agents;

public class MemoryAndPromptTests
{
    static void Fill(IConversationMemory m)
    {
        foreach (var (u, a) in new[] { ("my name is Ada", "hello Ada"), ("I like cats", "cats are nice"), ("2+2", "=4") })
        {
            m.Add(new ChatMessage(ChatRole.User, u));
            m.Add(new ChatMessage(ChatRole.Assistant, a));
        }
    }

    [Fact]
    public void Full_history_carries_every_turn_and_the_question()
    {
        var m = new FullHistoryMemory();
        Fill(m);
        var r = m.Recall("what is my name?");
        Assert.Equal(7, r.Count);
        Assert.Equal("what is my name?", r[^1].Text);
    }

    [Fact]
    public void Summary_memory_folds_older_turns_into_one_system_message()
    {
        var m = new SummaryMemory(keepLast: 2);
        Fill(m);
        var r = m.Recall("q");
        Assert.Equal(["Summary of earlier turns: the user said my name is Ada; I like cats", "2+2", "=4", "q"], r.Select(x => x.Text));
        Assert.Equal(ChatRole.System, r[0].Role);
        var custom = new SummaryMemory(1, older => $"{older.Count} turns");
        Fill(custom);
        Assert.Equal(["Summary of earlier turns: 5 turns", "=4", "q"], custom.Recall("q").Select(x => x.Text));
        Assert.Equal("q", Assert.Single(new SummaryMemory(1).Recall("q")).Text);   // nothing to summarise yet
    }

    [Fact]
    public void Retrieval_memory_recalls_the_most_similar_older_turn()
    {
        using var m = new RetrievalMemory(new WordCountEmbedder("name", "ada", "cats", "hello"), k: 1, keepLast: 2);
        Fill(m);
        // "my name is Ada" has cosine 1 with "name ada"; "hello Ada" 0.5; the cat turns 0
        Assert.Equal([0], m.Relevant("name ada"));
        Assert.Equal(["my name is Ada", "2+2", "=4", "name ada"], m.Recall("name ada").Select(x => x.Text));
        Assert.Equal([2], m.Relevant("cats"));
    }

    [Fact]
    public void A_prompt_template_renders_its_parts_in_order_and_leaves_out_empty_ones()
    {
        var t = new PromptTemplate(Persona: "a maths tutor", Instruction: "Add the numbers.", Format: "one number", Audience: "children", Tone: "kind", Data: "2 3");
        var messages = t.ToMessages();
        Assert.Equal("You are a maths tutor.\nYour audience: children.\nTone: kind.\nAnswer format: one number.", messages[0].Text);
        Assert.Equal("Add the numbers.\nData:\n```\n2 3\n```", messages[1].Text);
        Assert.Single(new PromptTemplate(Instruction: "Hi.").ToMessages());
        Assert.Contains("Instruction or Data", Assert.Throws<ArgumentException>(() => new PromptTemplate(Persona: "x").ToMessages()).Message);
    }
}

using GenAI.Retrieval;

namespace GenAI.Tests.Retrieval;

public class FusionTests
{
    [Fact]
    public void Reciprocal_rank_fusion_matches_a_hand_worked_sum()
    {
        // BM25: a, b, c. Dense: b, d, a. With k = 60:
        // a = 1/61 + 1/63, b = 1/62 + 1/61, c = 1/63, d = 1/62.  Order: b (0.032520), a (0.032266), d, c.
        var fused = RankFusion.Reciprocal([["a", "b", "c"], ["b", "d", "a"]]);
        Assert.Equal(["b", "a", "d", "c"], fused.Select(p => p.Id));
        Assert.Equal(1.0 / 62 + 1.0 / 61, fused[0].Score, 12);
        Assert.Equal(1.0 / 61 + 1.0 / 63, fused[1].Score, 12);
        // k = 0 is plain reciprocal ranks; a repeated id counts once per list, at its best rank.
        Assert.Equal(1.0 + 1.0 / 3, RankFusion.Reciprocal([["a", "b", "a"], ["c", "d", "a"]], k: 0).Single(p => p.Id == "a").Score, 12);
    }

    [Fact]
    public void Lost_in_the_middle_puts_the_best_first_and_last()
    {
        Assert.Equal([1, 3, 5, 4, 2], RagPrompt.LostInTheMiddleOrder([1, 2, 3, 4, 5]));
        Assert.Equal([1, 3, 4, 2], RagPrompt.LostInTheMiddleOrder([1, 2, 3, 4]));
        Assert.Equal([1], RagPrompt.LostInTheMiddleOrder([1]));
    }

    [Fact]
    public void The_prompt_cites_every_chunk_and_ends_with_the_question()
    {
        var chunks = new[] { new Chunk("a#0", "05-bigram", "T > 6 · Perplexity", "T > 6 · Perplexity", "PPL = exp(NLL).") };
        var prompt = RagPrompt.Build("What is perplexity?", chunks);
        Assert.Contains("Source [05-bigram §6 · Perplexity]:\nPPL = exp(NLL).", prompt.Replace("\r\n", "\n"));
        Assert.EndsWith("Question: What is perplexity?\nAnswer:", prompt.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Answer_sentences_are_parsed_with_their_citations()
    {
        var parsed = GroundednessCheck.Parse("Perplexity is exp(NLL). [05-bigram §6 · Perplexity] It is the moon. Cats fly [x §y].");
        Assert.Equal(3, parsed.Count);
        Assert.Equal(["05-bigram §6 · Perplexity"], parsed[0].Citations);
        Assert.Equal("Perplexity is exp(NLL).", parsed[0].Text);
        Assert.Empty(parsed[1].Citations);
        Assert.Equal(["x §y"], parsed[2].Citations);
    }

    [Fact]
    public void Sentences_split_at_full_stops_and_blank_lines()
    {
        var s = Sentences.Split("The first one is here. The second one follows!\n\nA third after a break\n```csharp\nvar x = 1 + 2;\n```");
        Assert.Equal(["The first one is here.", "The second one follows!", "A third after a break", "var x = 1 + 2;"], s);
    }
}

using GenAI.Agents;
using GenAI.Models;
using Microsoft.Extensions.AI;
using static TorchSharp.torch;

namespace GenAI.Tests.Agents;

public class GptChatClientTests
{
    static GptChatClient Untrained(int context = 32)
    {
        manual_seed(1);
        return new GptChatClient(new Gpt(new GptConfig(ToyChatFormat.VocabSize, ContextLength: context, Layers: 1, Heads: 2, EmbeddingDim: 16)));
    }

    [Fact]
    public async Task A_response_reports_its_tokens_and_respects_max_output_tokens()
    {
        using var client = Untrained();
        var r = await client.GetResponseAsync([new(ChatRole.User, "1+1")], new ChatOptions { MaxOutputTokens = 3 });
        Assert.Equal(9, r.Usage!.InputTokenCount);   // "\nU:1+1\nA:": 1 + 2 + 3 + 1 + 2 characters
        Assert.InRange(r.Usage.OutputTokenCount!.Value, 1, 3);
        Assert.Equal("course-agent-gpt", r.ModelId);
    }

    [Fact]
    public async Task Greedy_decoding_is_deterministic_and_a_seed_repeats_a_sample()
    {
        using var client = Untrained();
        ChatMessage[] m = [new(ChatRole.User, "12+3")];
        Assert.Equal((await client.GetResponseAsync(m)).Text, (await client.GetResponseAsync(m)).Text);
        var hot = new ChatOptions { Temperature = 1.5f, Seed = 7, MaxOutputTokens = 10 };
        Assert.Equal((await client.GetResponseAsync(m, hot)).Text, (await client.GetResponseAsync(m, hot)).Text);
    }

    [Fact]
    public async Task A_conversation_longer_than_the_context_is_refused_with_the_numbers()
    {
        using var client = Untrained(context: 16);
        var e = await Assert.ThrowsAsync<ContextLengthExceededException>(() => client.GetResponseAsync([new(ChatRole.User, "a question that is far too long")]));
        Assert.Contains("context holds 16", e.Message);
    }

    [Fact]
    public void A_model_with_another_vocabulary_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new GptChatClient(new Gpt(new GptConfig(10, ContextLength: 8, Layers: 1, Heads: 1, EmbeddingDim: 8))));
        Assert.Contains("VocabSize is 10", e.Message);
    }

    [Fact]
    public async Task Streaming_gives_the_same_text_as_a_plain_response()
    {
        using var client = Untrained();
        ChatMessage[] m = [new(ChatRole.User, "5+5")];
        var plain = await client.GetResponseAsync(m, new ChatOptions { MaxOutputTokens = 8 });
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync(m, new ChatOptions { MaxOutputTokens = 8 })) updates.Add(u);
        Assert.Equal(plain.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.NotNull(updates[^1].FinishReason);
    }
}

using System.Runtime.CompilerServices;
using GenAI.Retrieval;
using Microsoft.Extensions.AI;
using static TorchSharp.torch;

namespace GenAI.Tests.Agents;

/// <summary>A chat client that answers by a script (the messages and options it was given -> the reply), and records every request.</summary>
public sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatMessage> reply) : IChatClient
{
    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add((list, options));
        var message = reply(list, options);
        return Task.FromResult(new ChatResponse(message)
        {
            ModelId = "scripted",
            FinishReason = message.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 3, OutputTokenCount = 2, TotalTokenCount = 5 },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var r = await GetResponseAsync(messages, options, cancellationToken);
        var m = r.Messages[0];
        if (m.Contents.OfType<FunctionCallContent>().Any()) { yield return new ChatResponseUpdate(ChatRole.Assistant, [.. m.Contents]) { FinishReason = r.FinishReason }; yield break; }
        foreach (var word in m.Text.Split(' ').Select((w, i) => i == 0 ? w : " " + w))
            yield return new ChatResponseUpdate(ChatRole.Assistant, word);
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(r.Usage!)]) { FinishReason = r.FinishReason };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;
    public void Dispose() { }
}

/// <summary>Unit vectors of word counts over a fixed word list (hand-checkable cosines).</summary>
public sealed class WordCountEmbedder(params string[] words) : IEmbedder
{
    public string Name => "word counts";
    public int Dimension => words.Length;

    public Tensor Embed(IReadOnlyList<string> texts)
    {
        var rows = new float[texts.Count * words.Length];
        for (int i = 0; i < texts.Count; i++)
        {
            var tokens = texts[i].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int j = 0; j < words.Length; j++) rows[i * words.Length + j] = tokens.Count(t => t.Trim('?', '.', ',') == words[j]);
        }
        using var counts = tensor(rows, [texts.Count, words.Length]);
        return nn.functional.normalize(counts, p: 2, dim: 1, eps: 1e-12);
    }

    public void Dispose() { }
}

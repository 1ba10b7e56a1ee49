using System.Runtime.CompilerServices;
using System.Text;
using GenAI.Models;
using GenAI.Sampling;
using GenAI.Transformers;
using Microsoft.Extensions.AI;
using TorchSharp;
using static TorchSharp.torch;

namespace GenAI.Agents;

/// <summary>A request does not fit the model: the message says by how much and what to do.</summary>
public sealed class ContextLengthExceededException(string message) : ArgumentException(message);

/// <summary>
/// The course's GPT as a Microsoft.Extensions.AI <see cref="IChatClient"/>, in-process: the messages (and the names of
/// the tools on offer) are rendered by <see cref="ToyChatFormat"/>, the model writes one line after "A:" (greedy at
/// temperature 0 or unset, else sampled at that temperature), and the line comes back as text or as a
/// <see cref="FunctionCallContent"/>. Honours <see cref="ChatOptions.Temperature"/>, <see cref="ChatOptions.MaxOutputTokens"/>,
/// <see cref="ChatOptions.StopSequences"/>, <see cref="ChatOptions.Tools"/> and <see cref="ChatOptions.Seed"/>. The client
/// does not invoke tools: an agent loop (<see cref="ReActAgent"/>) or Microsoft.Extensions.AI's FunctionInvokingChatClient does.
/// One request runs at a time (a lock), so a server may share one client.
/// </summary>
public sealed class GptChatClient : IChatClient
{
    readonly object gate = new();
    readonly Generator generator;
    int calls;

    public GptChatClient(Gpt model, string modelId = "course-agent-gpt", long seed = 23)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Config.VocabSize != ToyChatFormat.VocabSize)
            throw new ArgumentException($"The model's VocabSize is {model.Config.VocabSize}; the chat format needs {ToyChatFormat.VocabSize} (ToyChatFormat.Alphabet).", nameof(model));
        Model = model;
        ModelId = modelId;
        generator = new Generator((ulong)seed);
    }

    public Gpt Model { get; }
    public string ModelId { get; }
    public int ContextLength => Model.Config.ContextLength;

    /// <summary>Output tokens when the request sets no MaxOutputTokens.</summary>
    public int DefaultMaxOutputTokens { get; init; } = 40;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages?.ToList() ?? throw new ArgumentNullException(nameof(messages));
        var (text, finish, promptTokens, outputTokens) = Complete(list, options, null, cancellationToken);
        return Task.FromResult(MakeResponse(text, finish, promptTokens, outputTokens, options));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages?.ToList() ?? throw new ArgumentNullException(nameof(messages));
        // Generate on a worker thread and hand over the characters; a line that turns out to be a tool call
        // ("name(" with tools on offer) is held back and sent as one FunctionCallContent at the end.
        var channel = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var work = Task.Run(() =>
        {
            try { return Complete(list, options, piece => channel.Writer.TryWrite(piece), cancellationToken); }
            finally { channel.Writer.TryComplete(); }
        }, cancellationToken);
        bool toolsOffered = options?.Tools is { Count: > 0 };
        var held = new StringBuilder();
        bool streaming = !toolsOffered;
        string id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..12];
        await foreach (var piece in channel.Reader.ReadAllAsync(cancellationToken))
        {
            if (streaming) { yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ResponseId = id, ModelId = ModelId }; continue; }
            held.Append(piece);
            var s = held.ToString();
            // still a possible tool name: letters, digits, '_' so far; "name(" decides for a call
            if (s.All(c => char.IsLetterOrDigit(c) || c == '_') && !(s.Length > 0 && char.IsDigit(s[0]))) continue;
            if (System.Text.RegularExpressions.Regex.IsMatch(s, @"^[A-Za-z_][A-Za-z0-9_]*\(")) continue;
            streaming = true;
            yield return new ChatResponseUpdate(ChatRole.Assistant, s) { ResponseId = id, ModelId = ModelId };
        }
        var (text, finish, promptTokens, outputTokens) = await work;
        var final = MakeResponse(text, finish, promptTokens, outputTokens, options);
        var contents = new List<AIContent>();
        if (!streaming)
        {
            var message = final.Messages[0];
            if (message.Contents.OfType<FunctionCallContent>().Any()) contents.AddRange(message.Contents);
            else if (held.Length > 0) contents.Add(new TextContent(held.ToString()));
        }
        contents.Add(new UsageContent(final.Usage!));
        yield return new ChatResponseUpdate(ChatRole.Assistant, contents) { ResponseId = id, ModelId = ModelId, FinishReason = final.FinishReason };
    }

    ChatResponse MakeResponse(string text, ChatFinishReason finish, int promptTokens, int outputTokens, ChatOptions? options)
    {
        var message = ToyChatFormat.ParseCompletion(text, options?.Tools, "call_" + Interlocked.Increment(ref calls));
        if (message.Contents.OfType<FunctionCallContent>().Any()) finish = ChatFinishReason.ToolCalls;
        return new ChatResponse(message)
        {
            ModelId = ModelId,
            FinishReason = finish,
            ResponseId = "chatcmpl-" + Guid.NewGuid().ToString("N")[..12],
            CreatedAt = DateTimeOffset.UtcNow,
            Usage = new UsageDetails { InputTokenCount = promptTokens, OutputTokenCount = outputTokens, TotalTokenCount = promptTokens + outputTokens },
        };
    }

    /// <summary>The prompt's token count for these messages and tools (what must fit the context with room to answer).</summary>
    public int CountPromptTokens(IEnumerable<ChatMessage> messages, IEnumerable<AITool>? tools = null) =>
        ToyChatFormat.Encode(ToyChatFormat.RenderPrompt(messages, tools)).Length;

    (string Text, ChatFinishReason Finish, int PromptTokens, int OutputTokens) Complete(List<ChatMessage> messages, ChatOptions? options,
        Action<string>? onPiece, CancellationToken cancellationToken)
    {
        var prompt = ToyChatFormat.Encode(ToyChatFormat.RenderPrompt(messages, options?.Tools));
        int room = ContextLength - prompt.Length;
        if (room < 1)
            throw new ContextLengthExceededException(
                $"The messages take {prompt.Length} tokens and the model's context holds {ContextLength}, leaving no room to answer: send fewer or shorter messages (or keep a summary; see SummaryMemory).");
        int maxTokens = options?.MaxOutputTokens ?? DefaultMaxOutputTokens;
        if (maxTokens < 1) throw new ArgumentOutOfRangeException(nameof(options), maxTokens, "MaxOutputTokens must be at least 1.");
        maxTokens = Math.Min(maxTokens, room);
        double temperature = options?.Temperature ?? 0;
        if (temperature < 0 || double.IsNaN(temperature)) throw new ArgumentOutOfRangeException(nameof(options), temperature, "Temperature must be 0 or more.");
        var sampling = temperature == 0 ? SamplingOptions.GreedyDecoding : new SamplingOptions(Temperature: temperature);
        var stops = options?.StopSequences?.Where(s => !string.IsNullOrEmpty(s)).ToList() ?? [];

        lock (gate)
        {
            if (options?.Seed is long seed) generator.manual_seed(seed);
            var device = Model.parameters().First().device;
            var text = new StringBuilder();
            var finish = ChatFinishReason.Length;
            int produced = 0;
            using var noGrad = no_grad();
            using var cache = new KvCache(Model.Config.Layers);
            bool wasTraining = Model.training;
            Model.eval();
            try
            {
                long[] input = prompt;
                for (; produced < maxTokens; produced++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var logits = Model.Forward(tensor(input, [1, input.Length], ScalarType.Int64, device), cache);
                    long next = TokenSampler.Sample(logits[0, -1], sampling, generator).item<long>();
                    char c = ToyChatFormat.Alphabet[(int)next];
                    if (c == '\n') { finish = ChatFinishReason.Stop; produced++; break; }
                    text.Append(c);
                    var stop = stops.FirstOrDefault(s => text.ToString().EndsWith(s, StringComparison.Ordinal));
                    if (stop is not null) { text.Length -= stop.Length; finish = ChatFinishReason.Stop; produced++; break; }
                    onPiece?.Invoke(c.ToString());
                    input = [next];
                }
            }
            finally { Model.train(wasTraining); }
            return (text.ToString(), finish, prompt.Length, produced);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("genai-course", null, ModelId)
        : null;

    public void Dispose() => generator.Dispose();
}

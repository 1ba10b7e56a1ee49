using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace GenAI.Agents;

/// <summary>A request the server refuses: the HTTP status, OpenAI's error type and code, and the sentence for the client.</summary>
public sealed class OpenAiRequestException(int status, string message, string? param = null, string code = "invalid_request", string type = "invalid_request_error")
    : Exception(message)
{
    public int Status { get; } = status;
    public string? Param { get; } = param;
    public string Code { get; } = code;
    public string Type { get; } = type;
}

/// <summary>
/// A small OpenAI-compatible server for any <see cref="IChatClient"/> (the course's model: <see cref="GptChatClient"/>),
/// on 127.0.0.1 only, with System.Net.HttpListener. It speaks the part of OpenAI's API that agents use:
/// <c>GET /v1/models</c>; <c>POST /v1/chat/completions</c> with <c>messages</c> (system, user, assistant with
/// <c>tool_calls</c>, tool with <c>tool_call_id</c>), <c>tools</c> (type function, a JSON schema), <c>temperature</c>,
/// <c>max_tokens</c> / <c>max_completion_tokens</c>, <c>stop</c>, <c>seed</c> and <c>stream</c> (server-sent events, "data: [DONE]" last).
/// Bad requests get OpenAI's error body <c>{"error": {"message", "type", "param", "code"}}</c>: 400 for malformed JSON,
/// missing fields and a conversation that does not fit the context, 404 for an unknown model or path, 405 for a wrong
/// method, 500 (with the exception's message) if the model itself fails; the server keeps running.
/// </summary>
public sealed class OpenAiCompatibleServer : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly IChatClient client;
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    public OpenAiCompatibleServer(IChatClient client, string modelId, int port = 0, Action<string>? log = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        ModelId = string.IsNullOrWhiteSpace(modelId) ? throw new ArgumentException("The server needs a model id (what clients pass as model).", nameof(modelId)) : modelId;
        Log = log ?? (_ => { });
        Port = port == 0 ? FreePort() : port;
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(AcceptLoop);
    }

    public string ModelId { get; }
    public int Port { get; }
    public Action<string> Log { get; }

    /// <summary>The base address an OpenAI client takes as its endpoint: http://127.0.0.1:PORT/v1.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/v1");

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) when (stop.IsCancellationRequested || !listener.IsListening) { return; }
            catch (HttpListenerException) { continue; }
            _ = Task.Run(() => Handle(context));
        }
    }

    async Task Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        string path = request.Url?.AbsolutePath.TrimEnd('/') ?? "";
        try
        {
            if (path == "/v1/models")
            {
                if (request.HttpMethod != "GET") throw new OpenAiRequestException(405, $"{request.HttpMethod} is not allowed on /v1/models; use GET.", code: "method_not_allowed");
                var body = new JsonObject
                {
                    ["object"] = "list",
                    ["data"] = new JsonArray(new JsonObject { ["id"] = ModelId, ["object"] = "model", ["created"] = 0, ["owned_by"] = "genai-course" }),
                };
                await WriteJson(response, 200, body);
            }
            else if (path == "/v1/chat/completions")
            {
                if (request.HttpMethod != "POST") throw new OpenAiRequestException(405, $"{request.HttpMethod} is not allowed on /v1/chat/completions; use POST.", code: "method_not_allowed");
                string text;
                using (var reader = new StreamReader(request.InputStream, Encoding.UTF8)) text = await reader.ReadToEndAsync();
                await ChatCompletions(text, response);
            }
            else throw new OpenAiRequestException(404, $"Unknown path {path}: this server has GET /v1/models and POST /v1/chat/completions.", code: "not_found");
        }
        catch (OpenAiRequestException e)
        {
            Log($"{request.HttpMethod} {path}: {e.Status} {e.Message}");
            await TryWriteError(response, e.Status, e.Message, e.Type, e.Param, e.Code);
        }
        catch (Exception e)
        {
            Log($"{request.HttpMethod} {path}: 500 {e.GetType().Name}: {e.Message}");
            await TryWriteError(response, 500, $"The model failed: {e.GetType().Name}: {e.Message}", "server_error", null, "model_error");
        }
        finally
        {
            try { response.Close(); } catch (Exception) { }
        }
    }

    async Task ChatCompletions(string text, HttpListenerResponse response)
    {
        JsonObject body;
        try { body = JsonNode.Parse(text) as JsonObject ?? throw new OpenAiRequestException(400, "The request body must be a JSON object."); }
        catch (JsonException e) { throw new OpenAiRequestException(400, $"The request body is not valid JSON: {e.Message}", code: "invalid_json"); }
        var model = body["model"]?.GetValue<string>() ?? throw new OpenAiRequestException(400, "The request has no 'model'.", "model", "missing_required_parameter");
        if (model != ModelId) throw new OpenAiRequestException(404, $"The model '{model}' does not exist; this server serves '{ModelId}'.", "model", "model_not_found");
        var (messages, options) = ReadRequest(body);
        bool stream = body["stream"]?.GetValue<bool>() ?? false;
        string id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..16];
        long created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        if (!stream)
        {
            ChatResponse r;
            try { r = await client.GetResponseAsync(messages, options); }
            catch (ContextLengthExceededException e) { throw new OpenAiRequestException(400, e.Message, "messages", "context_length_exceeded"); }
            catch (ArgumentException e) { throw new OpenAiRequestException(400, e.Message, e.ParamName); }
            var message = r.Messages.LastOrDefault() ?? new ChatMessage(ChatRole.Assistant, "");
            var choice = new JsonObject { ["index"] = 0, ["message"] = MessageJson(message), ["logprobs"] = null, ["finish_reason"] = Finish(r.FinishReason) };
            var result = new JsonObject
            {
                ["id"] = id, ["object"] = "chat.completion", ["created"] = created, ["model"] = ModelId,
                ["choices"] = new JsonArray(choice),
                ["usage"] = Usage(r.Usage),
            };
            await WriteJson(response, 200, result);
            return;
        }

        // Streaming: the first chunk must not go out before the request is known to be valid (a 400 cannot follow a 200).
        var updates = client.GetStreamingResponseAsync(messages, options).GetAsyncEnumerator();
        bool any;
        try { any = await updates.MoveNextAsync(); }
        catch (ContextLengthExceededException e) { throw new OpenAiRequestException(400, e.Message, "messages", "context_length_exceeded"); }
        catch (ArgumentException e) { throw new OpenAiRequestException(400, e.Message, e.ParamName); }
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers["Cache-Control"] = "no-cache";
        response.SendChunked = true;
        var output = response.OutputStream;
        async Task Send(JsonObject delta, string? finish, JsonObject? usage = null)
        {
            var chunk = new JsonObject
            {
                ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = created, ["model"] = ModelId,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
            };
            if (usage is not null) chunk["usage"] = usage;
            var bytes = Encoding.UTF8.GetBytes("data: " + chunk.ToJsonString() + "\n\n");
            await output.WriteAsync(bytes);
            await output.FlushAsync();
        }
        await Send(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        int toolIndex = 0;
        while (any)
        {
            var u = updates.Current;
            foreach (var c in u.Contents)
            {
                if (c is TextContent t && t.Text.Length > 0) await Send(new JsonObject { ["content"] = t.Text }, null);
                else if (c is FunctionCallContent f)
                    await Send(new JsonObject
                    {
                        ["tool_calls"] = new JsonArray(new JsonObject
                        {
                            ["index"] = toolIndex++, ["id"] = f.CallId, ["type"] = "function",
                            ["function"] = new JsonObject { ["name"] = f.Name, ["arguments"] = ArgumentsJson(f) },
                        }),
                    }, null);
            }
            if (u.FinishReason is { } reason)
            {
                var usage = u.Contents.OfType<UsageContent>().FirstOrDefault()?.Details;
                await Send(new JsonObject(), Finish(reason), usage is null ? null : Usage(usage));
            }
            any = await updates.MoveNextAsync();
        }
        await output.WriteAsync(Encoding.UTF8.GetBytes("data: [DONE]\n\n"));
        await updates.DisposeAsync();
    }

    /// <summary>OpenAI's request body as Microsoft.Extensions.AI messages and options; a 400 naming the field for anything malformed.</summary>
    public static (List<ChatMessage> Messages, ChatOptions Options) ReadRequest(JsonObject body)
    {
        if (body["messages"] is not JsonArray array || array.Count == 0)
            throw new OpenAiRequestException(400, "'messages' must be a non-empty array of {role, content}.", "messages", "missing_required_parameter");
        var messages = new List<ChatMessage>();
        var callNames = new Dictionary<string, string>();
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject m) throw new OpenAiRequestException(400, $"messages[{i}] must be an object.", $"messages[{i}]");
            string role = m["role"]?.GetValue<string>() ?? throw new OpenAiRequestException(400, $"messages[{i}] has no 'role'.", $"messages[{i}].role");
            string content = ContentText(m["content"], i);
            switch (role)
            {
                case "system" or "developer": messages.Add(new ChatMessage(ChatRole.System, content)); break;
                case "user": messages.Add(new ChatMessage(ChatRole.User, content)); break;
                case "assistant":
                    var contents = new List<AIContent>();
                    if (content.Length > 0) contents.Add(new TextContent(content));
                    if (m["tool_calls"] is JsonArray calls)
                        foreach (var call in calls.OfType<JsonObject>())
                        {
                            string callId = call["id"]?.GetValue<string>() ?? "";
                            string name = call["function"]?["name"]?.GetValue<string>() ?? throw new OpenAiRequestException(400, $"messages[{i}].tool_calls has a call without function.name.", $"messages[{i}].tool_calls");
                            string args = call["function"]?["arguments"]?.GetValue<string>() ?? "{}";
                            Dictionary<string, object?> parsed;
                            try
                            {
                                parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(args)?.ToDictionary(kv => kv.Key, kv => (object?)(kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString() : kv.Value.GetRawText())) ?? [];
                            }
                            catch (JsonException e) { throw new OpenAiRequestException(400, $"messages[{i}].tool_calls: the arguments of {name} are not a JSON object: {e.Message}", $"messages[{i}].tool_calls"); }
                            callNames[callId] = name;
                            contents.Add(new FunctionCallContent(callId, name, parsed));
                        }
                    messages.Add(new ChatMessage(ChatRole.Assistant, contents));
                    break;
                case "tool":
                    string id = m["tool_call_id"]?.GetValue<string>() ?? throw new OpenAiRequestException(400, $"messages[{i}] (a tool result) has no 'tool_call_id'.", $"messages[{i}].tool_call_id");
                    messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(id, content)]));
                    break;
                default: throw new OpenAiRequestException(400, $"messages[{i}] has the unknown role '{role}' (system, developer, user, assistant or tool).", $"messages[{i}].role");
            }
        }

        var options = new ChatOptions();
        try
        {
            if (body["temperature"] is JsonNode t) options.Temperature = t.GetValue<float>();
            if ((body["max_completion_tokens"] ?? body["max_tokens"]) is JsonNode mt) options.MaxOutputTokens = mt.GetValue<int>();
            if (body["seed"] is JsonNode sd) options.Seed = sd.GetValue<long>();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new OpenAiRequestException(400, $"temperature, max_tokens and seed must be numbers: {e.Message}", "temperature");
        }
        if (options.Temperature is < 0 or > 2) throw new OpenAiRequestException(400, $"temperature must be between 0 and 2; got {options.Temperature}.", "temperature");
        if (options.MaxOutputTokens is < 1) throw new OpenAiRequestException(400, $"max_tokens must be at least 1; got {options.MaxOutputTokens}.", "max_tokens");
        switch (body["stop"])
        {
            case null: break;
            case JsonValue v when v.TryGetValue<string>(out var s): options.StopSequences = [s]; break;
            case JsonArray a: options.StopSequences = a.Select(x => x?.GetValue<string>() ?? "").ToList(); break;
            default: throw new OpenAiRequestException(400, "'stop' must be a string or an array of strings.", "stop");
        }
        if (body["tools"] is JsonArray tools)
        {
            options.Tools = [];
            foreach (var (tool, k) in tools.Select((x, k) => (x, k)))
            {
                var f = tool?["function"] as JsonObject;
                string name = f?["name"]?.GetValue<string>() ?? throw new OpenAiRequestException(400, $"tools[{k}] has no function.name.", $"tools[{k}]");
                string description = f["description"]?.GetValue<string>() ?? "";
                var schema = JsonDocument.Parse(f["parameters"]?.ToJsonString() ?? """{"type":"object","properties":{}}""").RootElement;
                options.Tools.Add(AIFunctionFactory.CreateDeclaration(name, description, schema));
            }
        }
        return (messages, options);
    }

    static string ContentText(JsonNode? content, int i) => content switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Where(p => p["type"]?.GetValue<string>() == "text").Select(p => p["text"]?.GetValue<string>() ?? "")),
        _ => throw new OpenAiRequestException(400, $"messages[{i}].content must be a string or an array of text parts.", $"messages[{i}].content"),
    };

    static JsonObject MessageJson(ChatMessage message)
    {
        var calls = message.Contents.OfType<FunctionCallContent>().ToList();
        var json = new JsonObject { ["role"] = "assistant", ["content"] = calls.Count > 0 && message.Text.Length == 0 ? null : message.Text, ["refusal"] = null };
        if (calls.Count > 0)
            json["tool_calls"] = new JsonArray(calls.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.CallId, ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = ArgumentsJson(c) },
            }).ToArray());
        return json;
    }

    // Relaxed escaping: "47+83-12" stays readable in the arguments string instead of "47\u002B83-12" (both are valid JSON).
    static readonly JsonSerializerOptions ArgumentsOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static string ArgumentsJson(FunctionCallContent c) => JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), ArgumentsOptions);

    static string Finish(ChatFinishReason? reason) =>
        reason == ChatFinishReason.ToolCalls ? "tool_calls" : reason == ChatFinishReason.Length ? "length" : reason == ChatFinishReason.ContentFilter ? "content_filter" : "stop";

    static JsonObject Usage(UsageDetails? u) => new()
    {
        ["prompt_tokens"] = u?.InputTokenCount ?? 0,
        ["completion_tokens"] = u?.OutputTokenCount ?? 0,
        ["total_tokens"] = u?.TotalTokenCount ?? 0,
    };

    static async Task WriteJson(HttpListenerResponse response, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    static async Task TryWriteError(HttpListenerResponse response, int status, string message, string type, string? param, string code)
    {
        try
        {
            await WriteJson(response, status, new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = param, ["code"] = code },
            });
        }
        catch (Exception) { }   // headers already sent (a stream that failed midway) or the client went away
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try { await loop; } catch (Exception) { }
        listener.Close();
        stop.Dispose();
    }
}

using System.ClientModel;
using System.Net;
using System.Text.Json;
using GenAI.Agents;
using GenAI.Models;
using Microsoft.Extensions.AI;
using OpenAI;
using static TorchSharp.torch;

namespace GenAI.Tests.Agents;

/// <summary>The server on a free loopback port, driven through the official OpenAI .NET client (Microsoft.Extensions.AI.OpenAI's AsIChatClient).</summary>
public class OpenAiCompatibleServerTests
{
    const string Model = "test-model";

    /// <summary>With tools on offer: a call of the first tool until a tool result is there, then "=" and that result. Without: an echo.</summary>
    static ScriptedChatClient Script() => new((messages, options) =>
    {
        if (messages[^1].Role == ChatRole.Tool) return new(ChatRole.Assistant, "=" + ((FunctionResultContent)messages[^1].Contents[0]).Result);
        if (messages[^1].Text == "too long") throw new ContextLengthExceededException("The messages take 500 tokens and the model's context holds 96.");
        if (options?.Tools is { Count: > 0 } tools)
            return new(ChatRole.Assistant, [new FunctionCallContent("call_1", tools[0].Name, new Dictionary<string, object?> { ["expression"] = messages[^1].Text })]);
        var stops = options?.StopSequences is { Count: > 0 } s ? $" stop={s[0]}" : "";
        return new(ChatRole.Assistant, $"you said {messages[^1].Text} t={options?.Temperature} max={options?.MaxOutputTokens}{stops}");
    });

    static IChatClient OpenAiClient(OpenAiCompatibleServer server, string model = Model) =>
        new OpenAI.Chat.ChatClient(model, new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = server.Endpoint }).AsIChatClient();

    [Fact]
    public async Task A_plain_completion_carries_temperature_max_tokens_and_stop()
    {
        var script = Script();
        await using var server = new OpenAiCompatibleServer(script, Model);
        var r = await OpenAiClient(server).GetResponseAsync([new(ChatRole.System, "be brief"), new(ChatRole.User, "hello")],
            new ChatOptions { Temperature = 0.5f, MaxOutputTokens = 12, StopSequences = ["\n"] });
        Assert.Equal("you said hello t=0.5 max=12 stop=\n", r.Text);
        Assert.Equal(ChatFinishReason.Stop, r.FinishReason);
        Assert.Equal(5, r.Usage!.TotalTokenCount);
        Assert.Equal(ChatRole.System, script.Requests[0].Messages[0].Role);
    }

    [Fact]
    public async Task Tool_calls_go_out_in_openais_format_and_results_come_back()
    {
        var script = Script();
        await using var server = new OpenAiCompatibleServer(script, Model);
        var calc = AIFunctionFactory.Create(Calculator.Calculate, "calc");
        var agent = new ReActAgent(OpenAiClient(server), [calc]);
        var run = await agent.RunAsync("47+83-12");
        Assert.Equal("=118", run.Answer);
        Assert.Equal("118", run.Steps[0].Observation);
        // the server received the tool's JSON schema, then the call and its result
        var (first, second) = (script.Requests[0], script.Requests[1]);
        var tool = Assert.IsAssignableFrom<AIFunctionDeclaration>(Assert.Single(first.Options!.Tools!));
        Assert.Equal("calc", tool.Name);
        Assert.Equal("string", tool.JsonSchema.GetProperty("properties").GetProperty("expression").GetProperty("type").GetString());
        var call = second.Messages[1].Contents.OfType<FunctionCallContent>().Single();
        Assert.Equal(("call_1", "47+83-12"), (call.CallId, call.Arguments!["expression"]));
        Assert.Equal("118", ((FunctionResultContent)second.Messages[2].Contents[0]).Result);
    }

    [Fact]
    public async Task Streaming_arrives_as_server_sent_events_text_and_tool_calls()
    {
        await using var server = new OpenAiCompatibleServer(Script(), Model);
        var client = OpenAiClient(server);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync([new(ChatRole.User, "hi there")])) updates.Add(u);
        Assert.Equal("you said hi there t= max=", string.Concat(updates.Select(u => u.Text)));
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 3);   // several chunks, not one
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);

        var calls = new List<FunctionCallContent>();
        await foreach (var u in client.GetStreamingResponseAsync([new(ChatRole.User, "1+2")], new ChatOptions { Tools = [AIFunctionFactory.Create(Calculator.Calculate, "calc")] }))
            calls.AddRange(u.Contents.OfType<FunctionCallContent>());
        Assert.Equal("1+2", Assert.Single(calls).Arguments!["expression"]?.ToString());
    }

    [Fact]
    public async Task Models_are_listed()
    {
        await using var server = new OpenAiCompatibleServer(Script(), Model);
        using var http = new HttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync(server.Endpoint + "/models"));
        Assert.Equal(Model, json.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Bad_requests_get_openais_error_body_and_the_server_keeps_running()
    {
        await using var server = new OpenAiCompatibleServer(Script(), Model);
        // unknown model, through the official client
        var e = await Assert.ThrowsAsync<ClientResultException>(() => OpenAiClient(server, "gpt-9").GetResponseAsync([new(ChatRole.User, "hi")]));
        Assert.Equal(404, e.Status);
        Assert.Contains("The model 'gpt-9' does not exist", e.Message);
        // a conversation that does not fit the context
        var tooLong = await Assert.ThrowsAsync<ClientResultException>(() => OpenAiClient(server).GetResponseAsync([new(ChatRole.User, "too long")]));
        Assert.Equal(400, tooLong.Status);
        Assert.Contains("context holds 96", tooLong.Message);

        using var http = new HttpClient();
        async Task<(HttpStatusCode, JsonElement)> Post(string body)
        {
            var r = await http.PostAsync(server.Endpoint + "/chat/completions", new StringContent(body));
            return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("error"));
        }
        var (status, error) = await Post("{\"model\": ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("The request body is not valid JSON", error.GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        (status, error) = await Post("""{"model":"test-model","messages":[]}""");
        Assert.Equal((HttpStatusCode.BadRequest, "messages"), (status, error.GetProperty("param").GetString()));
        (status, error) = await Post("""{"model":"test-model","messages":[{"role":"user","content":"x"}],"temperature":7}""");
        Assert.Contains("temperature must be between 0 and 2", error.GetProperty("message").GetString());
        (status, error) = await Post("""{"model":"test-model","messages":[{"role":"wizard","content":"x"}]}""");
        Assert.Contains("unknown role 'wizard'", error.GetProperty("message").GetString());
        var wrongPath = await http.GetAsync(server.Endpoint + "/completions");
        Assert.Equal(HttpStatusCode.NotFound, wrongPath.StatusCode);
        // still serving
        Assert.StartsWith("you said ok", (await OpenAiClient(server).GetResponseAsync([new(ChatRole.User, "ok")])).Text);
    }

    [Fact]
    public async Task The_course_model_is_served_end_to_end()
    {
        manual_seed(2);
        using var gpt = new GptChatClient(new Gpt(new GptConfig(ToyChatFormat.VocabSize, ContextLength: 32, Layers: 1, Heads: 2, EmbeddingDim: 16)), "course-agent-gpt");
        await using var server = new OpenAiCompatibleServer(gpt, "course-agent-gpt");
        ChatMessage[] m = [new(ChatRole.User, "3+4")];
        var direct = await gpt.GetResponseAsync(m, new ChatOptions { MaxOutputTokens = 6 });
        var remote = await OpenAiClient(server, "course-agent-gpt").GetResponseAsync(m, new ChatOptions { MaxOutputTokens = 6 });
        Assert.Equal(direct.Text, remote.Text);
        var tooLong = await Assert.ThrowsAsync<ClientResultException>(() =>
            OpenAiClient(server, "course-agent-gpt").GetResponseAsync([new(ChatRole.User, new string('1', 40))]));
        Assert.Equal(400, tooLong.Status);
    }
}

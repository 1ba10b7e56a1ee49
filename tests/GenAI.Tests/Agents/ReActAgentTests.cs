using GenAI.Agents;
using Microsoft.Extensions.AI;

namespace GenAI.Tests.Agents;

public class ReActAgentTests
{
    static readonly AIFunction Calc = AIFunctionFactory.Create(Calculator.Calculate, "calc");
    static string Explode(string input) => throw new InvalidOperationException("disk on fire");
    static readonly AIFunction Broken = AIFunctionFactory.Create(Explode, "broken");

    static ChatMessage Call(string name, string key, object value) =>
        new(ChatRole.Assistant, [new FunctionCallContent("c" + Guid.NewGuid().ToString("N")[..4], name, new Dictionary<string, object?> { [key] = value })]);

    /// <summary>Calls <paramref name="first"/> once, then answers with the last observation it read.</summary>
    static ScriptedChatClient CallThenEcho(ChatMessage first) => new((messages, _) =>
        messages[^1].Role == ChatRole.Tool
            ? new ChatMessage(ChatRole.Assistant, "=" + ((FunctionResultContent)messages[^1].Contents[0]).Result)
            : first);

    [Fact]
    public async Task A_tool_call_is_run_and_its_result_fed_back()
    {
        var client = CallThenEcho(Call("calc", "expression", "47+83-12"));
        var r = await new ReActAgent(client, [Calc]).RunAsync("47+83-12");
        Assert.True(r.Finished);
        Assert.Equal("=118", r.Answer);
        Assert.Equal("calc(expression: 47+83-12)", r.Steps[0].Action);
        Assert.Equal("118", r.Steps[0].Observation);
        Assert.Equal(["118"], r.Observations);
        // the second request carried the call and its result, and the tools' schemas
        var (messages, options) = client.Requests[1];
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], messages.Select(m => m.Role));
        Assert.Equal("calc", Assert.Single(options!.Tools!).Name);
    }

    [Theory]
    [InlineData("calculator", "expression", "1+1", "error: unknown tool 'calculator'; the tools are calc, broken")]
    [InlineData("calc", "expr", "1+1", "error: calc needs the argument 'expression' (given: expr)")]
    [InlineData("calc", "expression", "12+*3", "error: calc failed: Expected a number at position 3 of \"12+*3\", found '*'.")]
    [InlineData("broken", "input", "x", "error: broken failed: disk on fire")]
    public async Task Every_failure_becomes_an_observation_and_a_log_line(string tool, string key, string value, string expected)
    {
        var log = new List<string>();
        var agent = new ReActAgent(CallThenEcho(Call(tool, key, value)), [Calc, Broken]) { Log = log.Add };
        var r = await agent.RunAsync("q");
        Assert.Equal(expected, r.Steps[0].Observation);
        Assert.True(r.Finished);   // the model read the error and answered; nothing was thrown
        Assert.Single(log);
    }

    [Fact]
    public async Task An_extra_argument_is_named()
    {
        var call = new FunctionCallContent("c1", "calc", new Dictionary<string, object?> { ["expression"] = "1", ["precision"] = 2 });
        Assert.Equal("error: calc has no parameter 'precision'; its parameters are expression", await new ReActAgent(CallThenEcho(call.AsMessage()), [Calc]).ObserveAsync(call));
    }

    [Fact]
    public async Task A_loop_that_never_answers_stops_at_the_step_limit()
    {
        var log = new List<string>();
        var client = new ScriptedChatClient((_, _) => Call("calc", "expression", "1+1"));
        var r = await new ReActAgent(client, [Calc], maxSteps: 3) { Log = log.Add }.RunAsync("loop forever");
        Assert.False(r.Finished);
        Assert.Null(r.Answer);
        Assert.Equal("no answer after 3 tool calls (the step limit)", r.StopReason);
        Assert.Equal(3, r.Steps.Count);
        Assert.Equal(4, client.Requests.Count);
        Assert.Contains("step limit", Assert.Single(log));
    }

    [Fact]
    public async Task A_model_that_throws_ends_the_run_with_the_reason()
    {
        var client = new ScriptedChatClient((_, _) => throw new ContextLengthExceededException("too long"));
        var r = await new ReActAgent(client, [Calc]).RunAsync("q");
        Assert.False(r.Finished);
        Assert.Equal("the model could not answer: ContextLengthExceededException: too long", r.StopReason);
    }
}

static class ContentExtensions
{
    public static ChatMessage AsMessage(this FunctionCallContent call) => new(ChatRole.Assistant, [call]);
}

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace GenAI.Agents;

/// <summary>One step of a ReAct trace: what the model thought (text beside its call, if any), the action, and what came back.</summary>
public sealed record ReActStep(int Index, string? Thought, string? Action, string? Observation, string? Answer)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(Thought)) sb.Append($"  Thought {Index}: {Thought}\n");
        if (Action is not null) sb.Append($"  Action {Index}: {Action}\n");
        if (Observation is not null) sb.Append($"  Observation {Index}: {Observation}\n");
        if (Answer is not null) sb.Append($"  Answer: {Answer}\n");
        return sb.ToString();
    }
}

/// <summary>What a run of the loop produced: the answer (null when it did not finish), every step, and why it stopped.</summary>
public sealed record ReActResult(string? Answer, IReadOnlyList<ReActStep> Steps, bool Finished, string StopReason, IReadOnlyList<ChatMessage> Messages)
{
    /// <summary>Every observation of the run (what a critic may cite).</summary>
    public IReadOnlyList<string> Observations => Steps.Where(s => s.Observation is not null).Select(s => s.Observation!).ToList();

    public override string ToString() => string.Concat(Steps.Select(s => s.ToString())) + $"  ({StopReason})";
}

/// <summary>
/// The ReAct loop (Yao et al., 2022): the model thinks and acts (a tool call), the program runs the tool and
/// feeds the observation back, until the model answers or <see cref="MaxSteps"/> calls were made. It runs on
/// any <see cref="IChatClient"/>, the course's model in-process, the course server through the OpenAI client,
/// or a real endpoint. Whatever goes wrong inside the loop becomes an observation the model reads and a line for
/// the learner (<see cref="Log"/>), never an exception: an unknown tool, malformed or missing arguments, a tool
/// that throws, a model that never answers.
/// </summary>
public sealed class ReActAgent(IChatClient client, IEnumerable<AIFunction> tools, int maxSteps = 4, ChatOptions? options = null)
{
    readonly IReadOnlyList<AIFunction> toolList = tools?.ToList() ?? throw new ArgumentNullException(nameof(tools));

    public IChatClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));
    public int MaxSteps { get; } = maxSteps >= 1 ? maxSteps : throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "maxSteps must be at least 1.");
    public IReadOnlyList<AIFunction> Tools => toolList;

    /// <summary>Where problems are reported (default: nowhere; a notebook passes Console.WriteLine).</summary>
    public Action<string> Log { get; init; } = _ => { };

    public Task<ReActResult> RunAsync(string question, CancellationToken cancellationToken = default) =>
        RunAsync([new ChatMessage(ChatRole.User, question)], cancellationToken);

    public async Task<ReActResult> RunAsync(IEnumerable<ChatMessage> conversation, CancellationToken cancellationToken = default)
    {
        var messages = conversation.ToList();
        var steps = new List<ReActStep>();
        var chatOptions = options?.Clone() ?? new ChatOptions();
        chatOptions.Tools = [.. toolList];
        for (int step = 1; step <= MaxSteps + 1; step++)
        {
            ChatResponse response;
            try { response = await Client.GetResponseAsync(messages, chatOptions, cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var why = $"the model could not answer: {e.GetType().Name}: {e.Message}";
                Log($"ReAct step {step}: {why}");
                return new ReActResult(null, steps, false, why, messages);
            }
            var reply = response.Messages.LastOrDefault() ?? new ChatMessage(ChatRole.Assistant, "");
            var calls = response.Messages.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).ToList();
            if (calls.Count == 0)
            {
                messages.Add(reply);
                var answer = response.Text;
                steps.Add(new ReActStep(step, null, null, null, answer));
                return new ReActResult(answer, steps, true, $"answered after {steps.Count - 1} tool call(s)", messages);
            }
            if (step > MaxSteps)
            {
                var why = $"no answer after {MaxSteps} tool calls (the step limit)";
                Log($"ReAct: {why}");
                return new ReActResult(null, steps, false, why, messages);
            }
            messages.AddRange(response.Messages);
            string? thought = string.IsNullOrWhiteSpace(response.Text) ? null : response.Text;
            foreach (var call in calls)
            {
                var observation = await ObserveAsync(call, cancellationToken);
                steps.Add(new ReActStep(step, thought, Describe(call), observation, null));
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, observation)]));
                thought = null;
            }
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Runs one tool call and returns what the model will read: the result, or an "error: ..." line that says what was wrong.</summary>
    public async Task<string> ObserveAsync(FunctionCallContent call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tool = toolList.FirstOrDefault(t => t.Name == call.Name);
        string? problem = null;
        if (tool is null) problem = $"unknown tool '{call.Name}'; the tools are {string.Join(", ", toolList.Select(t => t.Name))}";
        else if (call.Exception is not null) problem = $"malformed arguments for {call.Name}: {call.Exception.Message}";
        else problem = CheckArguments(tool, call.Arguments);
        if (problem is not null)
        {
            Log($"tool call {Describe(call)}: {problem}");
            return "error: " + problem;
        }
        try
        {
            var result = await tool!.InvokeAsync(new AIFunctionArguments(call.Arguments), cancellationToken);
            return ToyChatFormat.ResultText(result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } ie } ? ie : e;
            var message = $"{call.Name} failed: {inner.Message}";
            Log($"tool call {Describe(call)}: {message}");
            return "error: " + message;
        }
    }

    /// <summary>Null when the arguments have every required parameter of the tool's JSON schema and nothing it does not declare; else what is wrong.</summary>
    public static string? CheckArguments(AIFunction tool, IDictionary<string, object?>? arguments)
    {
        var schema = tool.JsonSchema;
        var declared = new HashSet<string>();
        if (schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            foreach (var p in props.EnumerateObject()) declared.Add(p.Name);
        var given = arguments?.Keys.ToList() ?? [];
        if (schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array)
            foreach (var r in req.EnumerateArray().Select(r => r.GetString()!))
                if (!given.Contains(r)) return $"{tool.Name} needs the argument '{r}' (given: {(given.Count == 0 ? "none" : string.Join(", ", given))})";
        var unknown = given.Where(g => !declared.Contains(g)).ToList();
        if (unknown.Count > 0) return $"{tool.Name} has no parameter '{unknown[0]}'; its parameters are {string.Join(", ", declared)}";
        return null;
    }

    static string Describe(FunctionCallContent call) =>
        $"{call.Name}({string.Join(", ", (call.Arguments ?? new Dictionary<string, object?>()).Select(kv => $"{kv.Key}: {kv.Value}"))})";
}

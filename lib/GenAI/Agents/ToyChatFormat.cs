using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace GenAI.Agents;

/// <summary>
/// The chat template of the course's small agent model: how a list of <see cref="ChatMessage"/>s becomes the
/// characters the GPT reads, and how its completion becomes a message again (text or a tool call). Every real
/// chat model has such a template (ChatML, Llama's [INST] ...); this one is short enough for a character model:
/// <code>
/// (blank line)            an episode starts with "\n"
/// T:calc,search           the tools the request offers (only when it offers some)
/// U:47+83-12              a user turn
/// A:calc(47+83-12)        an assistant turn: a tool call name(argument) ...
/// O:118                   ... the tool's result (an observation)
/// A:=118                  ... or a final answer, "=" and the value
/// </code>
/// System messages are not rendered: the small model never saw one (say so to a learner who adds one).
/// The 96 characters are newline and printable ASCII; any other character is read as '?'.
/// </summary>
public static class ToyChatFormat
{
    /// <summary>Newline, then ASCII 32..126: the model's vocabulary, one token per character.</summary>
    public const string Alphabet = "\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    public static int VocabSize => Alphabet.Length;

    /// <summary>
    /// The characters of a tool's result the model reads (the rest is cut): the small model's context is 128 characters,
    /// and a citation such as "[20-guidance-latent-diffusion §20 · Guidance, latent diffusion and ...]" would fill it.
    /// Agents on large models cut long tool results for the same reason. The program (and the trace) keeps the whole result.
    /// </summary>
    public const int MaxObservationLength = 48;

    static readonly Regex CallPattern = new(@"^([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$", RegexOptions.Compiled);

    /// <summary>Character ids of <paramref name="text"/> (unknown characters become '?').</summary>
    public static long[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new long[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            int k = Alphabet.IndexOf(text[i]);
            ids[i] = k >= 0 ? k : Alphabet.IndexOf('?');
        }
        return ids;
    }

    public static string Decode(IEnumerable<long> ids)
    {
        var sb = new StringBuilder();
        foreach (var id in ids)
        {
            if (id < 0 || id >= Alphabet.Length) throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token ids are 0..{Alphabet.Length - 1}.");
            sb.Append(Alphabet[(int)id]);
        }
        return sb.ToString();
    }

    /// <summary>The whole conversation as the model reads it, ending after the last message's newline.</summary>
    public static string RenderTranscript(IEnumerable<ChatMessage> messages, IEnumerable<AITool>? tools = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sb = new StringBuilder("\n");
        var names = tools?.Select(t => t.Name).ToList();
        if (names is { Count: > 0 }) sb.Append("T:").Append(string.Join(",", names)).Append('\n');
        foreach (var m in messages)
        {
            if (m.Role == ChatRole.System) continue;
            if (m.Role == ChatRole.User) { sb.Append("U:").Append(OneLine(m.Text)).Append('\n'); continue; }
            if (m.Role == ChatRole.Tool)
            {
                foreach (var r in m.Contents.OfType<FunctionResultContent>())
                    sb.Append("O:").Append(Cut(OneLine(ResultText(r.Result)), MaxObservationLength)).Append('\n');
                continue;
            }
            // assistant: its tool calls, or its text
            var calls = m.Contents.OfType<FunctionCallContent>().ToList();
            if (calls.Count > 0)
                foreach (var c in calls) sb.Append("A:").Append(c.Name).Append('(').Append(OneLine(FirstArgument(c))).Append(")\n");
            else sb.Append("A:").Append(OneLine(m.Text)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The prompt for the next assistant turn: the transcript and "A:".</summary>
    public static string RenderPrompt(IEnumerable<ChatMessage> messages, IEnumerable<AITool>? tools = null) =>
        RenderTranscript(messages, tools) + "A:";

    /// <summary>
    /// The model's completion (one line, without "A:") as an assistant message: "name(arg)" with tools on offer
    /// becomes a <see cref="FunctionCallContent"/> whose one argument is named after the declared tool's first
    /// parameter (its JSON schema); anything else is text.
    /// </summary>
    public static ChatMessage ParseCompletion(string completion, IEnumerable<AITool>? tools, string callId)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var line = completion.TrimEnd('\n');
        var offered = tools?.ToList() ?? [];
        var match = CallPattern.Match(line);
        if (offered.Count > 0 && match.Success)
        {
            string name = match.Groups[1].Value, argument = match.Groups[2].Value;
            var tool = offered.FirstOrDefault(t => t.Name == name) as AIFunctionDeclaration;
            string parameter = tool is null ? "input" : FirstParameterName(tool) ?? "input";
            var call = new FunctionCallContent(callId, name, new Dictionary<string, object?> { [parameter] = argument });
            return new ChatMessage(ChatRole.Assistant, [call]);
        }
        return new ChatMessage(ChatRole.Assistant, line);
    }

    /// <summary>The name of the first property in a tool's JSON schema, or null when it declares none.</summary>
    public static string? FirstParameterName(AIFunctionDeclaration tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (tool.JsonSchema.ValueKind == JsonValueKind.Object && tool.JsonSchema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            foreach (var p in props.EnumerateObject()) return p.Name;
        return null;
    }

    /// <summary>The value after the last '=' of a final answer ("=118", "47+83=130;130-12=118;=118"), trimmed; null when there is none.</summary>
    public static string? Answer(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        int eq = text.LastIndexOf('=');
        if (eq < 0) return null;
        var value = text[(eq + 1)..].Trim();
        return value.Length == 0 ? null : value;
    }

    static string FirstArgument(FunctionCallContent c) =>
        c.Arguments is { Count: > 0 } args ? Convert.ToString(args.First().Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";

    internal static string ResultText(object? result) => result switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        JsonElement e => e.GetRawText(),
        _ => Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    static string OneLine(string? text) => (text ?? "").Replace('\r', ' ').Replace('\n', ' ');
}

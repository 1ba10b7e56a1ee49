using Microsoft.Extensions.AI;

namespace GenAI.Agents;

/// <summary>
/// A prompt in the notes' parts: who the model is (persona), what to do (instruction), what it needs to know
/// (context), how to answer (format), for whom (audience), in what voice (tone) and on what (data). Empty parts
/// are left out. The system message carries persona, audience, tone and format; the user message instruction,
/// context and data, with the data fenced so that it cannot be read as instructions.
/// </summary>
public sealed record PromptTemplate(string? Persona = null, string? Instruction = null, string? Context = null, string? Format = null,
    string? Audience = null, string? Tone = null, string? Data = null)
{
    public string SystemText => Join(
        Part("You are", Persona, "."), Part("Your audience:", Audience, "."), Part("Tone:", Tone, "."), Part("Answer format:", Format, "."));

    public string UserText => Join(
        Part("", Instruction, ""), Part("Context:", Context, ""), Data is { Length: > 0 } ? $"Data:\n```\n{Data}\n```" : null);

    /// <summary>The template as messages: a system message (if any of its parts is set) and the user message.</summary>
    public IReadOnlyList<ChatMessage> ToMessages()
    {
        if (string.IsNullOrWhiteSpace(Instruction) && string.IsNullOrWhiteSpace(Data))
            throw new ArgumentException("A prompt needs an Instruction or Data: the user message would be empty.", nameof(Instruction));
        var list = new List<ChatMessage>();
        if (SystemText.Length > 0) list.Add(new ChatMessage(ChatRole.System, SystemText));
        list.Add(new ChatMessage(ChatRole.User, UserText));
        return list;
    }

    /// <summary>Both messages as one text, for showing.</summary>
    public override string ToString() => string.Join("\n\n", new[] { SystemText, UserText }.Where(s => s.Length > 0));

    static string? Part(string label, string? value, string end) =>
        string.IsNullOrWhiteSpace(value) ? null : (label.Length > 0 ? label + " " : "") + (end.Length > 0 ? value.Trim().TrimEnd('.') + end : value.Trim());

    static string Join(params string?[] parts) => string.Join("\n", parts.Where(p => p is not null));
}

using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace GenAI.Agents;

/// <summary>
/// An <see cref="IChatClient"/> for any OpenAI-compatible endpoint through the official OpenAI .NET library
/// (<c>OpenAI.Chat.ChatClient</c>, made an IChatClient by Microsoft.Extensions.AI.OpenAI's <c>AsIChatClient</c>):
/// OpenAI itself, Azure, Ollama's /v1, vLLM, llama.cpp's server, or the course's <see cref="OpenAiCompatibleServer"/>.
/// </summary>
public static class OpenAiEndpoint
{
    /// <param name="endpoint">The base address, ending in /v1 (e.g. https://api.openai.com/v1, http://localhost:11434/v1).</param>
    /// <param name="model">The model name at that endpoint.</param>
    /// <param name="apiKey">The key (read it from an environment variable, never from a notebook); servers that need none take any text.</param>
    public static IChatClient ChatClient(Uri endpoint, string model, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (string.IsNullOrWhiteSpace(model)) throw new ArgumentException("Name the model to ask at the endpoint (for example gpt-4o-mini or llama3.2).", nameof(model));
        var client = new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "unused" : apiKey),
            new OpenAIClientOptions { Endpoint = endpoint });
        return client.AsIChatClient();
    }

    /// <summary>The same, with the key read from the environment variable <paramref name="apiKeyVariable"/> (unset: no key).</summary>
    public static IChatClient FromEnvironment(string endpoint, string model, string apiKeyVariable = "OPENAI_API_KEY") =>
        ChatClient(ParseEndpoint(endpoint), model, Environment.GetEnvironmentVariable(apiKeyVariable));

    /// <summary>The same, with the key given (notebook 22's endpoint parameters; local servers take any text).</summary>
    public static IChatClient ChatClient(string endpoint, string model, string? apiKey) => ChatClient(ParseEndpoint(endpoint), model, apiKey);

    /// <summary>One user message, the reply's text (temperature 0, so the same prompt gives the same answer where the server allows).</summary>
    public static string Complete(IChatClient client, string prompt)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        var response = client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions { Temperature = 0 }).GetAwaiter().GetResult();
        return response.Text;
    }

    static Uri ParseEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri
            : throw new ArgumentException($"The endpoint must be an absolute address such as http://127.0.0.1:11434/v1; got '{endpoint}'.", nameof(endpoint));
}

using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace GenAI.Retrieval;

/// <summary>
/// Any OpenAI-compatible chat endpoint (OpenAI, Ollama's /v1, llama.cpp's server, vLLM) behind
/// Microsoft.Extensions.AI's <see cref="IChatClient"/>, through the official OpenAI .NET library. Nothing here runs
/// unless a notebook's endpoint parameters are set; CI never calls it.
/// </summary>
public static class OpenAiEndpoint
{
    /// <param name="endpoint">The base address, for example "http://127.0.0.1:11434/v1".</param>
    /// <param name="model">The model name the server knows.</param>
    /// <param name="apiKey">The key; local servers accept any non-empty text.</param>
    public static IChatClient Create(string endpoint, string model, string apiKey = "")
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new ArgumentException($"The endpoint must be an absolute address such as http://127.0.0.1:11434/v1; got '{endpoint}'.", nameof(endpoint));
        if (string.IsNullOrWhiteSpace(model))
            throw new ArgumentException("The endpoint needs a model name (endpointModel in the parameters cell).", nameof(model));
        var options = new OpenAIClientOptions { Endpoint = uri };
        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(apiKey.Length > 0 ? apiKey : "unused"), options).AsIChatClient();
    }

    /// <summary>One user message, the reply's text (temperature 0, so the same prompt gives the same answer where the server allows).</summary>
    public static string Complete(IChatClient client, string prompt)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        var response = client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions { Temperature = 0 }).GetAwaiter().GetResult();
        return response.Text;
    }
}

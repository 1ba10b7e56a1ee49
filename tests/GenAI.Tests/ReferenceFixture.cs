using System.Text.Json;

namespace GenAI.Tests;

/// <summary>
/// Reference values committed under a test folder's Fixtures/ (each JSON written once by the script beside
/// it, whose header has the command) and copied to the test output by the project file.
/// </summary>
static class ReferenceFixture
{
    public static string PathOf(string folder, string file) => Path.Combine(AppContext.BaseDirectory, folder, "Fixtures", file);

    /// <summary>The file's root element, detached from its document.</summary>
    public static JsonElement Load(string folder, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(folder, file)));
        return document.RootElement.Clone();
    }
}

using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace GenAI.Notebooks.Tests;

/// <summary>What one CLI run printed and wrote.</summary>
public sealed record RunResult(int ExitCode, string Output, string OutputFolder)
{
    public JsonObject Notebook(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(OutputFolder, name + ".ipynb")))!;

    public string Html(string name) => File.ReadAllText(Path.Combine(OutputFolder, name + ".html"));

    /// <summary>The executed cell with this id.</summary>
    public JsonObject Cell(string notebook, string id) =>
        Notebook(notebook)["cells"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["id"] == id);

    public static JsonObject[] Outputs(JsonObject cell) => cell["outputs"]!.AsArray().Select(o => o!.AsObject()).ToArray();

    /// <summary>Text fields are arrays of lines in the saved notebook; joined back here.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        null => "",
        _ => (string)node!,
    };
}

/// <summary>
/// Runs the notebook runner's command line in a child process (notebooks never run inside the test process:
/// native libraries and runaway cells would stay in it).
/// </summary>
public static class RunnerProcess
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string FixturesFolder => Path.Combine(RepositoryRoot, "tests", "GenAI.Notebooks.Tests", "Fixtures");

    public static string Fixture(string relativePath) => Path.Combine(FixturesFolder, relativePath);

    /// <summary>The runner built by the project reference, in the same configuration as these tests.</summary>
    public static string RunnerAssembly
    {
        get
        {
            var configuration = typeof(RunnerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(RepositoryRoot, "lib", "GenAI.Notebooks", "bin", configuration, "net10.0", "GenAI.Notebooks.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"runner not built: {path}");
        }
    }

    /// <summary>Runs "run ARGS --out NEW_FOLDER" and returns what it printed and where it wrote.</summary>
    public static RunResult Run(params string[] arguments)
    {
        var output = Path.Combine(Path.GetTempPath(), "genai-runner-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(RunnerAssembly);
        start.ArgumentList.Add("run");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(output);

        using var process = Process.Start(start)!;
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"runner did not finish in 10 minutes: {string.Join(' ', arguments)}\n{text}");
        }
        process.WaitForExit();
        return new RunResult(process.ExitCode, text.ToString(), output);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"Notebooks.sln not found above {AppContext.BaseDirectory}");
    }
}

namespace GenAI.Tests.Data;

/// <summary>A temporary folder for damaged or missing copies of data files, removed after the test.</summary>
public sealed class DataTestFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("genai-data-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Tests that change process-wide environment variables run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariableCollection
{
    public const string Name = "environment variables";
}

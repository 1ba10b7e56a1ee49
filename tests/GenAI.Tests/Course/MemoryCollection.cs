namespace GenAI.Tests.Course;

/// <summary>
/// Memory tests measure the whole process, so they run alone, after the parallel tests,
/// with nothing else allocating tensors at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "Process memory";
}

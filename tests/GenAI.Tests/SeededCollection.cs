namespace GenAI.Tests;

/// <summary>
/// Tests that seed the global generator and rely on the numbers drawn next (initial weights of
/// two runs being equal, for example). They must not run while another test draws from the same
/// generator, so this collection runs on its own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededCollection
{
    public const string Name = "Seeded global generator";
}

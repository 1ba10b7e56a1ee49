using GenAI.Notebooks.Execution;

namespace GenAI.Notebooks.Tests;

/// <summary>How a cell is split into kernel parts and magic commands (no code is run here).</summary>
public sealed class SubmissionParserTests
{
    [Fact]
    public void Magic_lines_become_blank_so_csharp_line_numbers_stay_the_cells()
    {
        var parsed = SubmissionParser.Parse("#!time\nvar x = 1;\nx", "csharp");
        Assert.Null(parsed.Error);
        Assert.True(parsed.Time);
        var code = Assert.IsType<CSharpPart>(Assert.Single(parsed.Parts));
        Assert.Equal("\nvar x = 1;\nx\n", code.Code);
    }

    [Fact]
    public void Selectors_split_the_cell_and_later_csharp_keeps_its_line_offset()
    {
        var parsed = SubmissionParser.Parse("#!markdown\n# Title\n#!csharp\n1 + 1", "csharp");
        Assert.Collection(parsed.Parts,
            part => Assert.Equal(new DisplayPart("markdown", "# Title"), part),
            part => Assert.Equal("\n\n\n1 + 1\n", Assert.IsType<CSharpPart>(part).Code));
    }

    [Fact]
    public void Unknown_magic_is_the_kernels_DNI101_error()
    {
        Assert.Equal("(2,1): error DNI101: Unknown magic command '#!frobnicate'", SubmissionParser.Parse("1;\n#!frobnicate now", "csharp").Error);
    }

    [Fact]
    public void Known_magic_the_runner_lacks_is_an_error_not_skipped()
    {
        Assert.Equal("(1,1): magic command '#!set' is not supported by the headless runner.",
            SubmissionParser.Parse("#!set --name x --value 1", "csharp").Error);
    }

    [Fact]
    public void Cell_whose_metadata_names_another_kernel_fails()
    {
        Assert.StartsWith("kernel 'pwsh' is not supported by the headless runner", SubmissionParser.Parse("Get-Date", "pwsh").Error);
    }

    [Fact]
    public void Nuget_references_are_collected_and_import_becomes_its_own_part()
    {
        var parsed = SubmissionParser.Parse("#r \"nuget: Some.Package, 1.2.3\"\n#!import \"other.csx\"\nvar y = 2;", "csharp");
        Assert.Collection(parsed.Parts,
            part => Assert.Equal(["Some.Package, 1.2.3"], Assert.IsType<CSharpPart>(part).NuGetReferences),
            part => Assert.Equal(new ImportPart("other.csx"), part),
            part => Assert.Equal("\n\nvar y = 2;\n", Assert.IsType<CSharpPart>(part).Code));
    }

    [Fact]
    public void Package_missing_from_the_local_cache_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NuGetCache.Resolve("No.Such.Package.Anywhere, 9.9.9"));
        Assert.StartsWith("#r \"nuget: No.Such.Package.Anywhere, 9.9.9\": package No.Such.Package.Anywhere 9.9.9 is not in the local package cache", error.Message);
        Assert.Contains("cannot download packages", error.Message);
    }

    [Fact]
    public void Package_in_the_local_cache_resolves_to_its_assemblies()
    {
        // xunit.assert is restored for this very test project, so it is in the cache.
        var version = typeof(Assert).Assembly.GetName().Version!;
        var assemblies = NuGetCache.Resolve($"xunit.assert, {version.Major}.{version.Minor}.{version.Build}");
        Assert.Contains(assemblies, path => Path.GetFileName(path) == "xunit.assert.dll");
    }
}

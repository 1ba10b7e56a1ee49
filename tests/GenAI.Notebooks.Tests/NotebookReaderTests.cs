using GenAI.Notebooks.Documents;

namespace GenAI.Notebooks.Tests;

/// <summary>The metadata variants of POLYGLOT.md §1 (no code is run here).</summary>
public sealed class NotebookReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genai-reader-tests").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Notebook Read(string json)
    {
        var path = Path.Combine(_folder, "nb.ipynb");
        File.WriteAllText(path, json);
        return IpynbReader.Read(path);
    }

    [Fact]
    public void Legacy_kernel_info_and_string_sources_are_read()
    {
        var notebook = Read("""
            {"cells": [
              {"cell_type": "code", "metadata": {"dotnet_interactive": {"language": "fsharp"}}, "source": "let x = 1"},
              {"cell_type": "code", "metadata": {}, "source": ["#!c#\n", "1"]},
              {"cell_type": "code", "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "pwsh"}}, "source": []}
            ], "metadata": {"kernelInfo": {"defaultKernelName": null}, "kernelspec": {"name": ".net-fsharp"}}, "nbformat": 4, "nbformat_minor": 4}
            """);
        Assert.Equal("fsharp", notebook.DefaultKernel);
        Assert.Equal("let x = 1", notebook.Cells[0].Source);
        Assert.Equal("fsharp", notebook.Cells[0].KernelName(notebook.DefaultKernel));
        Assert.Equal("csharp", notebook.Cells[1].KernelName(notebook.DefaultKernel));
        Assert.Equal("pwsh", notebook.Cells[2].KernelName(notebook.DefaultKernel));
        Assert.Equal(["cell-1", "cell-2", "cell-3"], notebook.Cells.Select(c => c.Id));
    }

    [Fact]
    public void Polyglot_default_kernel_wins_over_the_kernelspec()
    {
        var notebook = Read("""{"cells": [], "metadata": {"kernelspec": {"name": ".net-fsharp"}, "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp"}}}, "nbformat": 4}""");
        Assert.Equal("csharp", notebook.DefaultKernel);
    }

    [Fact]
    public void Duplicate_ids_are_made_unique()
    {
        var notebook = Read("""{"cells": [{"cell_type": "markdown", "id": "a", "source": ""}, {"cell_type": "markdown", "id": "a", "source": ""}], "metadata": {}, "nbformat": 4}""");
        Assert.Equal(["a", "a-2"], notebook.Cells.Select(c => c.Id));
    }

    [Theory]
    [InlineData("[1, 2]", "a notebook must be a JSON object")]
    [InlineData("{\"metadata\": {}}", "the notebook has no \"cells\" array")]
    [InlineData("{\"cells\": [{\"cell_type\": \"picture\"}]}", "cell 1 has cell_type 'picture'")]
    [InlineData("{\"cells\": [], \"nbformat\": 3}", "nbformat 3 is not supported")]
    [InlineData("{\"cells\": [", "malformed notebook JSON (line 1")]
    public void Bad_notebooks_are_errors_naming_the_file_and_the_problem(string json, string problem)
    {
        var error = Assert.Throws<NotebookFormatException>(() => Read(json));
        Assert.StartsWith(Path.Combine(_folder, "nb.ipynb") + ": " + problem, error.Message);
    }

    [Fact]
    public void Text_is_split_after_each_newline_like_jupyter()
    {
        Assert.Equal(["a\n", "\n", "b"], IpynbWriter.Lines("a\n\nb").Select(n => (string?)n));
        Assert.Equal(["a\n"], IpynbWriter.Lines("a\n").Select(n => (string?)n));
        Assert.Empty(IpynbWriter.Lines(""));
    }
}
